-- The catalogue flow's id table: which Centra object an ERP key stands for, so a re-import updates and never
-- creates twice. Lost or emptied, it is rebuilt from Centra (products by product number, their variants and sizes).
-- Placeholders as in V1__connector_state.sql (filled in by org.centraerp.connector.state.StateSchema).
--   object_type  Centra's type name: SizeChart, Brand, Collection, Folder, Product, ProductVariant, ProductSize,
--                Display, or Sku (a SKU -> its variant, for prices)
--   erp_key      e.g. product number SWEATER, variant SWEATER|RED, size SWEATER|RED|S, display SWEATER@1
--   centra_id    the Centra id
--   parent_id    the Centra id of the owner where one is needed (a variant's product, a size's variant)
CREATE TABLE connector_catalogue_id (
    object_type   VARCHAR(40)  NOT NULL,
    erp_key       VARCHAR(255) NOT NULL,
    centra_id     BIGINT       NOT NULL,
    parent_id     BIGINT,
    updated_at    ${timestamp} NOT NULL,
    CONSTRAINT pk_connector_catalogue_id PRIMARY KEY (object_type, erp_key)
) ${table_options};
