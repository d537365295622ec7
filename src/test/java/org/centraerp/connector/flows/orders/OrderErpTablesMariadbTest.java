package org.centraerp.connector.flows.orders;

import java.sql.SQLException;

/** ERP order tables on MariaDB (127.0.0.1:3306, database test, user root; ORDERS_TEST_MARIADB_URL). */
class OrderErpTablesMariadbTest extends OrderErpTablesContract {

    private final String url = System.getenv().getOrDefault("ORDERS_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test");

    @Override
    String user() {
        return "root";
    }

    @Override
    String createErpDatabase() throws SQLException {
        execute(url, user(), "CREATE DATABASE " + name);
        return url.replaceAll("/[^/]*$", "/") + name;
    }

    @Override
    void dropErpDatabase() throws SQLException {
        execute(url, user(), "DROP DATABASE IF EXISTS " + name);
    }
}
