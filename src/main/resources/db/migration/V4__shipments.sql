-- Shipments and returns (ERP -> Centra): how far each ERP shipment / return got in Centra.
-- Placeholders as in V1__connector_state.sql (filled in by org.centraerp.connector.state.StateSchema).
--
-- One row per ERP reference and flow ('shipments' or 'returns'); the primary key is the business key, so a
-- re-sent file, a restart or a second instance finds the same Centra object instead of creating another.
-- step: CREATING  written before the create mutation (a crash then is resolved by looking the object up in Centra)
--       CREATED   Centra's id is known (centra_id)
--       PAID      captured / marked paid as configured (shipments)
--       COMPLETED completed in Centra; a repeat does nothing
CREATE TABLE connector_shipment_progress (
    flow           VARCHAR(20)   NOT NULL,
    erp_reference  VARCHAR(255)  NOT NULL,
    order_number   BIGINT        NOT NULL,
    centra_id      BIGINT,
    step           VARCHAR(20)   NOT NULL,
    created_at     ${timestamp}  NOT NULL,
    updated_at     ${timestamp}  NOT NULL,
    CONSTRAINT pk_connector_shipment_progress PRIMARY KEY (flow, erp_reference),
    CONSTRAINT ck_connector_shipment_progress_step CHECK (step IN ('CREATING', 'CREATED', 'PAID', 'COMPLETED'))
) ${table_options};
