-- Which Centra this state belongs to. What the state says was sent (sent values, catalogue ids, export versions,
-- watermarks) is only true of one Centra; a connector pointed at another one (staging -> production, a new store,
-- the built-in sandbox seeded afresh) must not trust it. One row; org.centraerp.connector.state.CentraBindings.
-- Placeholders as in V1__connector_state.sql.
CREATE TABLE connector_centra_binding (
    id              INTEGER       NOT NULL,
    centra_url      VARCHAR(1000) NOT NULL,
    centra_identity VARCHAR(2000) NOT NULL,
    bound_at        ${timestamp}  NOT NULL,
    CONSTRAINT pk_connector_centra_binding PRIMARY KEY (id)
) ${table_options};
