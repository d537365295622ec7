package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ComplexityBatchSizerTest {

    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
    private static final Duration ONE_HOUR = Duration.ofHours(1);
    /** Growth: 60 requests, 20 mutations, 250,000 complexity per 10 s; 5,000, 1,800, 30,000,000 per hour. */
    private static final List<CentraRateLimiter.Window> GROWTH = List.of(
            new CentraRateLimiter.Window(TEN_SECONDS, 60, 20, 250_000),
            new CentraRateLimiter.Window(ONE_HOUR, 5_000, 1_800, 30_000_000));
    private static final List<CentraRateLimiter.Window> ENTERPRISE = List.of(
            new CentraRateLimiter.Window(TEN_SECONDS, 1_500, 500, 4_000_000),
            new CentraRateLimiter.Window(ONE_HOUR, 85_000, 25_000, 400_000_000));

    @Test
    void theFirstBatchIsSmallUntilTheCostOfAnItemIsKnown() {
        assertThat(new ComplexityBatchSizer("setStock", GROWTH, 5_000).size()).isEqualTo(100);
        assertThat(new ComplexityBatchSizer("setStock", GROWTH, 7).size()).isEqualTo(7);
    }

    @Test
    void expensiveItemsGetBatchesThatSpendTheComplexityBucketAsFastAsTheMutationBucket() {
        ComplexityBatchSizer sizer = new ComplexityBatchSizer("setStock", GROWTH, 5_000);
        // 50 per item, 200 per call: Growth allows 250,000 / 20 = 12,500 per mutation
        sizer.answered(100, 200 + 50 * 100);
        sizer.answered(240, 200 + 50 * 240);

        int size = sizer.size();

        assertThat(size).isEqualTo((12_500 - 200) / 50);
        assertThat(200 + 50L * size).isLessThanOrEqualTo(12_500);
        assertThat(200 + 50L * (size + 1)).isGreaterThan(12_500);
    }

    @Test
    void cheapItemsOrAHigherTierGiveFewerLargerCallsUpToTheMost() {
        ComplexityBatchSizer growth = new ComplexityBatchSizer("setStock", GROWTH, 5_000);
        ComplexityBatchSizer enterprise = new ComplexityBatchSizer("setStock", ENTERPRISE, 5_000);
        for (ComplexityBatchSizer sizer : List.of(growth, enterprise)) {
            sizer.answered(100, 10 + 5 * 100);
            sizer.answered(500, 10 + 5 * 500);
        }
        // Growth: (12,500 - 10) / 5 = 2,498; Enterprise: its hour allows 400M / 25k = 16,000 a call, its 10 s
        // window 4M / 500 = 8,000: (8,000 - 10) / 5 = 1,598
        assertThat(growth.size()).isEqualTo(2_498);
        assertThat(enterprise.size()).isEqualTo(1_598);

        ComplexityBatchSizer capped = new ComplexityBatchSizer("setStock", GROWTH, 2_000);
        capped.answered(100, 3);
        capped.answered(2_000, 3);
        assertThat(capped.size()).as("free items: the configured most").isEqualTo(2_000);
    }

    @Test
    void batchesOfOneSizeAreTakenAsCostingPerItemOnly() {
        ComplexityBatchSizer sizer = new ComplexityBatchSizer("setPrices", GROWTH, 500);
        sizer.answered(100, 100 * 250);

        assertThat(sizer.size()).isEqualTo(12_500 / 250);
    }

    @Test
    void noComplexityQuotaMeansTheMost() {
        ComplexityBatchSizer sizer = new ComplexityBatchSizer("setStock",
                List.of(new CentraRateLimiter.Window(TEN_SECONDS, 0, 0, 0)), 800);
        sizer.answered(100, 1_000_000);

        assertThat(sizer.size()).isEqualTo(800);
    }

    @Test
    void centraRateLimitsLowerTheConfiguredQuotas() throws Exception {
        // configured as Enterprise, Centra says Growth
        ComplexityBatchSizer sizer = new ComplexityBatchSizer("setStock", ENTERPRISE, 5_000);
        sizer.learnQuotas(new ObjectMapper().readTree("""
                [{"type":"REQUEST_COUNT","intervalSeconds":"TEN_SECONDS","quota":60},
                 {"type":"MUTATION_COUNT","intervalSeconds":"TEN_SECONDS","quota":20},
                 {"type":"QUERY_COMPLEXITY","intervalSeconds":"TEN_SECONDS","quota":250000},
                 {"type":"REQUEST_COUNT","intervalSeconds":"ONE_HOUR","quota":5000},
                 {"type":"MUTATION_COUNT","intervalSeconds":"ONE_HOUR","quota":1800},
                 {"type":"QUERY_COMPLEXITY","intervalSeconds":"ONE_HOUR","quota":30000000}]"""));
        sizer.answered(100, 50 * 100);
        sizer.answered(200, 50 * 200);

        assertThat(sizer.budgetPerCall()).isEqualTo(12_500.0);
        assertThat(sizer.size()).isEqualTo(250);
    }

    @Test
    void unlimitedQuotasReportedAsIntMaxAreNoQuota() throws Exception {
        ComplexityBatchSizer sizer = new ComplexityBatchSizer("setPrices",
                List.of(new CentraRateLimiter.Window(TEN_SECONDS, 0, 0, 250_000)), 100);
        sizer.learnQuotas(new ObjectMapper().readTree("""
                [{"type":"REQUEST_COUNT","intervalSeconds":"TEN_SECONDS","quota":2147483647},
                 {"type":"MUTATION_COUNT","intervalSeconds":"TEN_SECONDS","quota":2147483647},
                 {"type":"QUERY_COMPLEXITY","intervalSeconds":"TEN_SECONDS","quota":2147483647}]"""));
        sizer.answered(100, 500);

        assertThat(sizer.budgetPerCall()).isEqualTo(250_000.0);
        assertThat(sizer.size()).isEqualTo(100);
    }
}
