package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.centraerp.connector.flows.stock.StockTestSupport.csv;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Stock movements through 5xx, 429 and timeouts: changeStock is never retried blindly; a send without an answer is
 * looked up in Centra by its key before it is sent again, so every movement is applied exactly once.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-faults-delta;DB_CLOSE_DELAY=-1",
        "connector.customer=delta"})
class StockFaultsDeltaTest extends StockFaultsTestSupport {

    @TempDir
    static Path mappings;

    @DynamicPropertySource
    static void deltaMappings(DynamicPropertyRegistry registry) {
        registry.add("connector.mappings-dir", () -> StockTestSupport.deltaMappings(mappings).toString());
    }

    static final String MOVEMENTS = csv(
            "sku;warehouse;quantity",
            "SWEATER-RED-S;WH1;5", "SWEATER-RED-M;WH1;-3", "SWEATER-RED-L;WH1;7", "SWEATER-BLUE-S;WH1;-1",
            "SWEATER-BLUE-M;WH1;4", "SWEATER-BLUE-L;WH1;-2", "CHAIR-OAK;WH1;6",
            "SWEATER-RED-S;WH2;1", "SWEATER-RED-M;WH2;2", "SWEATER-RED-L;WH2;3", "SWEATER-BLUE-S;WH2;-2",
            "SWEATER-BLUE-M;WH2;5", "SWEATER-BLUE-L;WH2;6", "CHAIR-OAK;WH2;8");

    @Test
    void everyMovementIsAppliedExactlyOnceThroughServerErrorsRateLimitsAndTimeouts() {
        Map<String, Integer> before = stock.physicalStock();
        double faultsBefore = faultsMet();
        stock.knobs(FAULTS);
        stock.drop("movements.csv", MOVEMENTS);

        Map<Long, Map<String, String>> report = StockTestSupport.report(stock.awaitReports(1).get(0));
        stock.knobs(NO_FAULTS);

        assertThat(faultsMet()).as("the sandbox injected faults").isGreaterThan(faultsBefore);

        assertThat(report.values()).hasSize(14).allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("applied"));
        Map<String, Integer> expected = new HashMap<>();
        for (Map<String, String> line : report.values()) {
            String where = line.get("key") + "@" + ("WH1".equals(line.get("warehouse")) ? 1 : 2);
            expected.put(where, before.getOrDefault(where, 0) + Integer.parseInt(line.get("quantity")));
        }
        assertThat(stock.physicalStock()).containsAllEntriesOf(expected);
        List<String> comments = stock.stockChangeComments().stream().filter(c -> c.contains("[stock-")).toList();
        assertThat(comments).as("one stock change per batch").doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void reDroppedMovementFileIsNotAppliedAgain() {
        stock.drop("movements.csv", MOVEMENTS);
        stock.awaitReports(1);
        Map<String, Integer> once = stock.physicalStock();

        stock.drop("movements.csv", MOVEMENTS);
        Map<Long, Map<String, String>> second = StockTestSupport.report(stock.awaitReports(2).get(1));

        assertThat(second.values()).hasSize(14)
                .allSatisfy(line -> assertThat(line.get("outcome")).isEqualTo("already-applied"));
        assertThat(stock.physicalStock()).isEqualTo(once);
    }
}
