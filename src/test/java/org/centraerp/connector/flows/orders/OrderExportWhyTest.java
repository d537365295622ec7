package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;

/** What an order's "not exported yet" line says: the table the ERP database lacks, never an order's values. */
class OrderExportWhyTest {

    @Test
    void aMissingTableIsNamedInOneLine() {
        var missing = new BadSqlGrammarException("insert", "INSERT INTO erp_order_header (order_number) VALUES (?)",
                new SQLException("ERROR: relation \"erp_order_header\" does not exist\n  Position: 13", "42P01"));

        assertThat(OrderExport.why(missing)).isEqualTo("ERP database: ERROR: relation \"erp_order_header\" does not"
                + " exist — the setup-erp-tables command creates the default tables");
    }

    @Test
    void otherDatabaseMessagesMayCarryValuesAndAreLeftOut() {
        var tooLong = new DataIntegrityViolationException("Failing row contains (1001, Jane Doe, jane@example.com)");

        assertThat(OrderExport.why(tooLong)).isEqualTo("DataIntegrityViolationException");
    }
}
