-- ERP tables the connector reads (connector.erp.tables.<flow> in config/application.yaml; route read-erp-tables).
-- The columns carry the names the default mappings read (mappings/default/<flow>.yaml), so the example queries in
-- config/application.yaml select them as they are. The same DDL runs on PostgreSQL and MariaDB.

-- Snapshots, read whole on each schedule; only rows that changed since they were last sent go to Centra.
CREATE TABLE erp_stock_level (
    sku VARCHAR(64) NOT NULL,
    warehouse VARCHAR(32) NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (sku, warehouse)
);

CREATE TABLE erp_product (
    sku VARCHAR(64) NOT NULL PRIMARY KEY,
    style_no VARCHAR(64) NOT NULL,
    style_name VARCHAR(200) NOT NULL,
    colour_code VARCHAR(32) NOT NULL,
    colour_name VARCHAR(100) NOT NULL,
    size VARCHAR(20) NOT NULL,
    size_chart VARCHAR(100) NOT NULL,
    ean VARCHAR(14),
    brand VARCHAR(100),
    collection VARCHAR(100),
    folder VARCHAR(100)
);

CREATE TABLE erp_bundle_component (
    bundle_no VARCHAR(64) NOT NULL,
    bundle_name VARCHAR(200) NOT NULL,
    component_sku VARCHAR(64) NOT NULL,
    quantity INTEGER NOT NULL,
    PRIMARY KEY (bundle_no, component_sku)
);

CREATE TABLE erp_price (
    pricelist VARCHAR(64) NOT NULL,
    sku VARCHAR(64) NOT NULL,
    price DECIMAL(14,2) NOT NULL,
    currency VARCHAR(3) NOT NULL,
    sale_price DECIMAL(14,2),
    PRIMARY KEY (pricelist, sku)
);

-- Queues, read past a watermark: row_id grows with each row the ERP adds (from its own sequence). The ERP writes
-- all lines of one shipment or return in one transaction, so a read sees all of them or none.
CREATE TABLE erp_shipment_line (
    row_id BIGINT NOT NULL PRIMARY KEY,
    shipment_no VARCHAR(64) NOT NULL,
    order_no BIGINT NOT NULL,
    sku VARCHAR(64),
    ean VARCHAR(14),
    quantity INTEGER NOT NULL,
    carrier VARCHAR(100),
    service VARCHAR(100),
    tracking_no VARCHAR(100),
    tracking_url VARCHAR(500),
    return_tracking_no VARCHAR(100),
    packages INTEGER,
    shipped_at VARCHAR(19)
);

CREATE TABLE erp_return_line (
    row_id BIGINT NOT NULL PRIMARY KEY,
    return_no VARCHAR(64) NOT NULL,
    order_no BIGINT NOT NULL,
    sku VARCHAR(64),
    ean VARCHAR(14),
    quantity INTEGER NOT NULL,
    restock VARCHAR(5),
    comment VARCHAR(500)
);
