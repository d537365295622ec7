package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.apache.camel.ServiceStatus;
import org.junit.jupiter.api.Test;

/**
 * Freshness on the Flows page against the flow's expected interval: green within it, late within stale-factor
 * times it, stale beyond; counted from the last success, or from the start while there was none.
 */
class FlowFreshnessTest {

    private static final Instant START = Instant.parse("2026-12-01T08:00:00Z");
    private static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    /** A clock the test moves. */
    private static final class TestClock extends Clock {
        Instant now = START;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ConsoleProperties properties = new ConsoleProperties(null,
            new ConsoleProperties.Freshness(Map.of("export-orders", FIVE_MINUTES), 3), 50, 500);
    private final FlowBoard board = new FlowBoard(null, new FlowActivity(clock), null, null, null, null, properties,
            clock);

    private String at(Duration sinceStart, Instant lastSuccess) {
        clock.now = START.plus(sinceStart);
        return board.freshness(FIVE_MINUTES, lastSuccess, ServiceStatus.Started);
    }

    @Test
    void greenWithinTheExpectedIntervalLateWithinStaleFactorTimesItStaleBeyond() {
        Instant success = START.plus(Duration.ofHours(1));

        assertThat(at(Duration.ofHours(1).plusMinutes(1), success)).isEqualTo("green");
        assertThat(at(Duration.ofHours(1).plusMinutes(5), success)).as("exactly the interval").isEqualTo("green");
        assertThat(at(Duration.ofHours(1).plusMinutes(5).plusSeconds(1), success)).isEqualTo("late");
        assertThat(at(Duration.ofHours(1).plusMinutes(15), success)).as("exactly 3 × the interval").isEqualTo("late");
        assertThat(at(Duration.ofHours(1).plusMinutes(15).plusSeconds(1), success)).isEqualTo("stale");
        assertThat(at(Duration.ofHours(30), success)).isEqualTo("stale");
    }

    @Test
    void aNewSuccessMakesAStaleFlowGreenAgain() {
        assertThat(at(Duration.ofHours(2), START)).isEqualTo("stale");
        assertThat(at(Duration.ofHours(2), START.plus(Duration.ofHours(2)).minusSeconds(30))).isEqualTo("green");
    }

    @Test
    void withoutASuccessYetTheAgeCountsFromTheStart() {
        assertThat(at(Duration.ofMinutes(4), null)).isEqualTo("green");
        assertThat(at(Duration.ofMinutes(10), null)).isEqualTo("late");
        assertThat(at(Duration.ofMinutes(16), null)).isEqualTo("stale");
    }

    @Test
    void noFreshnessWithoutAnExpectedIntervalOrForAStoppedRoute() {
        clock.now = START.plus(Duration.ofDays(1));
        assertThat(board.freshness(null, START, ServiceStatus.Started)).isEqualTo("none");
        assertThat(board.freshness(FIVE_MINUTES, START, ServiceStatus.Stopped)).isEqualTo("none");
        assertThat(board.freshness(FIVE_MINUTES, START, ServiceStatus.Suspended)).isEqualTo("none");
    }

    @Test
    void theStaleFactorIsConfigurable() {
        FlowBoard strict = new FlowBoard(null, new FlowActivity(clock), null, null, null, null,
                new ConsoleProperties(null, new ConsoleProperties.Freshness(Map.of(), 1), 50, 500), clock);
        clock.now = START.plus(Duration.ofMinutes(6));
        assertThat(strict.freshness(FIVE_MINUTES, START, ServiceStatus.Started)).isEqualTo("stale");
        assertThat(board.freshness(FIVE_MINUTES, START, ServiceStatus.Started)).isEqualTo("late");
    }
}
