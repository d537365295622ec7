-- Staging tables that receive Centra's master data when ERP_DB_URL is set (mappings/default/master-data.yaml,
-- key `table:` of each entity). Runs on PostgreSQL and MariaDB. The connector replaces a table's rows in one
-- transaction at each export; the ERP reads them whenever it likes.
CREATE TABLE erp_store (
  store_id INTEGER NOT NULL PRIMARY KEY,
  store_name VARCHAR(255) NOT NULL,
  channel VARCHAR(50)
);
CREATE TABLE erp_market (
  market_id INTEGER NOT NULL PRIMARY KEY,
  market_name VARCHAR(255) NOT NULL,
  store_id INTEGER,
  countries VARCHAR(2000)
);
CREATE TABLE erp_warehouse (
  warehouse_id INTEGER NOT NULL PRIMARY KEY,
  warehouse_name VARCHAR(255) NOT NULL,
  status VARCHAR(50),
  active VARCHAR(10)
);
CREATE TABLE erp_pricelist (
  pricelist_id INTEGER NOT NULL PRIMARY KEY,
  pricelist_name VARCHAR(255) NOT NULL,
  status VARCHAR(50),
  currency VARCHAR(3),
  store_id INTEGER
);
CREATE TABLE erp_size_chart (
  size_chart_id INTEGER NOT NULL PRIMARY KEY,
  size_chart_name VARCHAR(255) NOT NULL,
  sizes VARCHAR(2000)
);
