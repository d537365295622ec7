-- ERP staging table for the default customers mapping (mappings/default/customers.yaml); runs on PostgreSQL and
-- MariaDB. UNIQUE (customer_id, updated_at): a customer change sent again is "already there".
CREATE TABLE erp_customer (
    customer_id BIGINT NOT NULL,
    updated_at VARCHAR(40) NOT NULL,
    email VARCHAR(255),
    first_name VARCHAR(100),
    last_name VARCHAR(100),
    CONSTRAINT uq_erp_customer UNIQUE (customer_id, updated_at)
);
