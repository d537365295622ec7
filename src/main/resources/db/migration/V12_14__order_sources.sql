-- Operator console (issue 14): when each source (webhook, events, poll, console-replay) told the connector about an
-- order, not only the last one (connector_order_inbox.last_source). Written by OrderInbox.notify.
-- Placeholders as in V1__connector_state.sql (filled in by org.centraerp.connector.state.StateSchema).
CREATE TABLE connector_order_source (
    order_number  BIGINT        NOT NULL,
    source        VARCHAR(20)   NOT NULL,
    first_told    ${timestamp}  NOT NULL,
    last_told     ${timestamp}  NOT NULL,
    times         BIGINT        NOT NULL,
    CONSTRAINT pk_connector_order_source PRIMARY KEY (order_number, source)
) ${table_options};
