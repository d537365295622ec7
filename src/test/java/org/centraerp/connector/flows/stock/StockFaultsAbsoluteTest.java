package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Absolute stock through 5xx, 429 and timeouts: every level ends up in Centra, every line reported applied. */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:stock-faults-absolute;DB_CLOSE_DELAY=-1")
class StockFaultsAbsoluteTest extends StockFaultsTestSupport {

    @Test
    void everyLevelIsAppliedThroughServerErrorsRateLimitsAndTimeouts() {
        double faultsBefore = faultsMet();
        stock.knobs(FAULTS);
        stock.drop("stock.csv", StockTestSupport.sampleFile());

        Map<Long, Map<String, String>> report = StockTestSupport.report(stock.awaitReports(1).get(0));
        stock.knobs(NO_FAULTS);

        assertThat(faultsMet()).as("the sandbox injected faults").isGreaterThan(faultsBefore);

        assertThat(report.values()).hasSize(14).allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        Map<String, Integer> physical = stock.physicalStock();
        for (Map<String, String> line : report.values()) {
            String where = line.get("key") + "@" + ("WH1".equals(line.get("warehouse")) ? 1 : 2);
            assertThat(physical).containsEntry(where, Integer.parseInt(line.get("quantity")));
        }
    }
}
