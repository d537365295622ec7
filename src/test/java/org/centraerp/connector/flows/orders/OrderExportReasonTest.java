package org.centraerp.connector.flows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.BadSqlGrammarException;

/** An order that is not exported yet is logged with the reason (the table SQL names), not an exception class. */
class OrderExportReasonTest {

    @Test
    void aMissingTableIsNamedOnOneLine() {
        BadSqlGrammarException failure = new BadSqlGrammarException("INSERT", "INSERT INTO erp_order_header ...",
                new SQLException("relation \"erp_order_header\" does not exist\n  Position: 13"));

        String reason = OrderExport.why(failure);

        assertThat(reason).contains("relation \"erp_order_header\" does not exist")
                .doesNotContain("BadSqlGrammarException").doesNotContain("Position");
    }
}
