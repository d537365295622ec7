-- ERP staging tables for the default returns-export mapping (mappings/default/returns-export.yaml; the same DDL
-- runs on PostgreSQL and MariaDB). UNIQUE (return_id, export_version) on the header is what makes each version of
-- a return (1: registered in Centra, 2: completed) reach the ERP once.
CREATE TABLE erp_return_header (
    return_id BIGINT NOT NULL,
    export_version INTEGER NOT NULL,
    status VARCHAR(20) NOT NULL,
    order_number BIGINT NOT NULL,
    shipment_number VARCHAR(50),
    erp_reference VARCHAR(255),
    restocked BOOLEAN,
    comment VARCHAR(1000),
    created_at VARCHAR(40),
    completed_at VARCHAR(40),
    CONSTRAINT uq_erp_return_header UNIQUE (return_id, export_version)
);

CREATE TABLE erp_return_line (
    return_id BIGINT NOT NULL,
    export_version INTEGER NOT NULL,
    line_no INTEGER NOT NULL,
    sku VARCHAR(64),
    ean VARCHAR(14),
    product_name VARCHAR(255),
    variant_name VARCHAR(255),
    quantity INTEGER NOT NULL,
    CONSTRAINT uq_erp_return_line UNIQUE (return_id, export_version, line_no)
);
