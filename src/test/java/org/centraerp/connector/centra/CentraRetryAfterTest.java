package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CentraRetryAfterTest {

    private static final Instant NOW = Instant.parse("2024-03-12T10:00:00Z");

    @Test
    void secondsAreADelay() {
        assertThat(RetryAfter.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse("1.5", NOW)).contains(Duration.ofMillis(1500));
    }

    @Test
    void unixTimestampsInSecondsOrMillisAreAMoment() {
        assertThat(RetryAfter.parse(String.valueOf(NOW.getEpochSecond() + 4), NOW)).contains(Duration.ofSeconds(4));
        assertThat(RetryAfter.parse(String.valueOf(NOW.toEpochMilli() + 2500), NOW)).contains(Duration.ofMillis(2500));
    }

    @Test
    void httpAndIsoDatesAreAMoment() {
        assertThat(RetryAfter.parse("Tue, 12 Mar 2024 10:00:09 GMT", NOW)).contains(Duration.ofSeconds(9));
        assertThat(RetryAfter.parse("2024-03-12T11:00:05+01:00", NOW)).contains(Duration.ofSeconds(5));
    }

    @Test
    void momentsInThePastMeanNoWait() {
        assertThat(RetryAfter.parse(String.valueOf(NOW.getEpochSecond() - 30), NOW)).contains(Duration.ZERO);
    }

    @Test
    void missingOrUnreadableHeadersGiveNothing() {
        assertThat(RetryAfter.parse(null, NOW)).isEqualTo(Optional.empty());
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
    }
}
