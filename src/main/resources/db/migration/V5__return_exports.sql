-- Returns from Centra to the ERP: which state of which return the ERP has.
-- Placeholders as in V1__connector_state.sql (filled in by org.centraerp.connector.state.StateSchema).
--
-- One row per Centra return and export version (1: the return as registered, 2: completed). WRITING is recorded
-- before the ERP is written and WRITTEN after; a crash in between writes the same version again, which the ERP
-- side takes as "already there" (UNIQUE (return_id, export_version) on its header table, same file name and
-- content), so each version reaches the ERP once.
CREATE TABLE connector_return_export (
    return_id      BIGINT        NOT NULL,
    export_version INTEGER       NOT NULL,
    order_number   BIGINT        NOT NULL,
    state          VARCHAR(10)   NOT NULL,
    file_name      VARCHAR(255),
    created_at     ${timestamp}  NOT NULL,
    updated_at     ${timestamp}  NOT NULL,
    CONSTRAINT pk_connector_return_export PRIMARY KEY (return_id, export_version),
    CONSTRAINT ck_connector_return_export_state CHECK (state IN ('WRITING', 'WRITTEN'))
) ${table_options};
