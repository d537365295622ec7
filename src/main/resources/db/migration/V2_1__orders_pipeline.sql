-- Orders flow (Centra -> ERP): which orders wait to be exported, and what was exported.
-- Placeholders as in V1__connector_state.sql (filled in by org.centraerp.connector.state.StateSchema).

-- One row per Centra order number, whichever source (webhook, events queue, polling) told us about it:
-- the UNIQUE order number is what merges the sources. "requested" is bumped by every notification,
-- "handled" is the value of "requested" the exporter last finished, so a notification that lands while
-- the order is being exported is not lost (requested > handled again).
CREATE TABLE connector_order_inbox (
    order_number     BIGINT        NOT NULL,
    requested        BIGINT        NOT NULL,
    handled          BIGINT        NOT NULL,
    last_source      VARCHAR(20)   NOT NULL,
    -- Centra's updatedAt of the order as last fetched: polling skips orders it has seen in that state.
    seen_updated_at  VARCHAR(40),
    -- NULL: nothing to do. Otherwise not picked before this time (back-off after a failure, or the lease
    -- of the instance exporting it, so a killed instance's orders are taken over when it runs out).
    due_at           ${timestamp},
    attempts         INTEGER       NOT NULL,
    last_error       VARCHAR(1000),
    created_at       ${timestamp}  NOT NULL,
    updated_at       ${timestamp}  NOT NULL,
    CONSTRAINT pk_connector_order_inbox PRIMARY KEY (order_number)
) ${table_options};

CREATE INDEX ix_connector_order_inbox_due ON connector_order_inbox (due_at);

-- Every version of an order given to the ERP. order_version is the SHA-256 of the order as fetched
-- (without isLocked/updatedAt); a new version is exported when it differs from the latest one.
-- export_version numbers them 1, 2, ... per order and is the UNIQUE update marker. The row is written
-- (WRITING) before the ERP side and marked WRITTEN after it, so a crash in between is finished on the
-- next attempt with the same export_version, which the ERP tables' UNIQUE (order_number, export_version)
-- turns into a no-op when the ERP side had committed already.
CREATE TABLE connector_order_export (
    order_number     BIGINT        NOT NULL,
    order_version    VARCHAR(64)   NOT NULL,
    export_version   INTEGER       NOT NULL,
    state            VARCHAR(20)   NOT NULL,
    centra_status    VARCHAR(30),
    file_name        VARCHAR(255),
    -- What is still to be done in Centra once the ERP has the order (setOrdersLock / confirmOrder).
    centra_action    VARCHAR(20)   NOT NULL,
    centra_error     VARCHAR(1000),
    created_at       ${timestamp}  NOT NULL,
    updated_at       ${timestamp}  NOT NULL,
    CONSTRAINT uq_connector_order_export_version UNIQUE (order_number, export_version),
    CONSTRAINT ck_connector_order_export_state CHECK (state IN ('WRITING', 'WRITTEN', 'ABANDONED')),
    CONSTRAINT ck_connector_order_export_action CHECK (centra_action IN ('NONE', 'PENDING', 'DONE', 'FAILED'))
) ${table_options};

CREATE INDEX ix_connector_order_export_action ON connector_order_export (centra_action);
