package org.centraerp.connector.flows.orders;

import java.sql.SQLException;

/** ERP order tables on PostgreSQL (127.0.0.1:5432, database test, user postgres; ORDERS_TEST_POSTGRESQL_URL). */
class OrderErpTablesPostgresqlTest extends OrderErpTablesContract {

    private final String url = System.getenv().getOrDefault("ORDERS_TEST_POSTGRESQL_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");

    @Override
    String user() {
        return "postgres";
    }

    @Override
    String createErpDatabase() throws SQLException {
        execute(url, user(), "CREATE SCHEMA " + name);
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    void dropErpDatabase() throws SQLException {
        execute(url, user(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
}
