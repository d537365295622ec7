-- The last Centra schema read by introspection, per Centra address: a start while Centra cannot be reached still
-- checks the mappings' from: paths and builds the Centra -> ERP queries from it (see V1 for the placeholders).
CREATE TABLE connector_centra_schema (
    target        VARCHAR(255) NOT NULL,
    schema_sdl    ${large_text} NOT NULL,
    read_at       ${timestamp}  NOT NULL,
    CONSTRAINT pk_connector_centra_schema PRIMARY KEY (target)
) ${table_options};
