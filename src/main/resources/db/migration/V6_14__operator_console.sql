-- Operator console (issue 14): what operators did, and dead letters they discarded.
-- Placeholders as in V1__connector_state.sql (filled in by org.centraerp.connector.state.StateSchema).

-- Every console action (replay, discard, heal, start or stop a flow) with who did it and when.
--   action  e.g. replay, replay-all, discard, heal-stock, start-flow, stop-flow
--   target  what it acted on: dead-letter 17, flow orders, route import-stock-file, stock SKU@WH
--   detail  the reason given, or what came of it
CREATE TABLE connector_operator_action (
    id          ${identity}   NOT NULL,
    acted_at    ${timestamp}  NOT NULL,
    actor       VARCHAR(100)  NOT NULL,
    action      VARCHAR(40)   NOT NULL,
    target      VARCHAR(255)  NOT NULL,
    detail      VARCHAR(1000),
    CONSTRAINT pk_connector_operator_action PRIMARY KEY (id)
) ${table_options};

CREATE INDEX ix_connector_operator_action_target ON connector_operator_action (target, acted_at);

-- A dead letter the operator closed without a replay (the record is wrong at the source, or handled by hand).
ALTER TABLE connector_dead_letter ADD COLUMN discarded_at ${timestamp};
ALTER TABLE connector_dead_letter ADD COLUMN discard_reason VARCHAR(1000);
