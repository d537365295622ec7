package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** CENTRA_TOKEN_EXPIRES: a metric, a daily warning from 14 days before, WARNING in health from 7, a line in check. */
@ExtendWith(OutputCaptureExtension.class)
class CentraTokenExpiryTest {

    private static final Instant NOW = Instant.parse("2026-03-10T08:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MutableClock clock = new MutableClock();

    @Test
    void fiveDaysAwayIsAMetricAWarningInHealthAndALineInCheck() {
        var expiry = new CentraTokenExpiry(LocalDate.parse("2026-03-15"), clock, registry);

        assertThat(registry.get("connector.centra.token.expiry.days").gauge().value()).isEqualTo(5.0);
        Health health = expiry.decorate(Health.up().withDetail("stores", 2).build());
        assertThat(health.getStatus()).isEqualTo(CentraTokenExpiry.WARNING);
        assertThat(health.getDetails()).containsEntry("stores", 2).containsEntry("tokenExpires", "2026-03-15")
                .containsEntry("tokenExpiresInDays", 5L);
        assertThat(expiry.checkLine()).contains("Token expires: 2026-03-15 (in 5 days) — rotate it soon");
    }

    @Test
    void farAwayIsUpAndDownStaysDown() {
        var expiry = new CentraTokenExpiry(LocalDate.parse("2026-04-30"), clock, registry);

        assertThat(expiry.decorate(Health.up().build()).getStatus()).isEqualTo(Status.UP);
        assertThat(new CentraTokenExpiry(LocalDate.parse("2026-03-11"), clock, registry)
                .decorate(Health.down().build()).getStatus()).isEqualTo(Status.DOWN);
        assertThat(expiry.checkLine()).contains("Token expires: 2026-04-30 (in 51 days)");
    }

    @Test
    void warnsOnceADayFromFourteenDaysBefore(CapturedOutput output) {
        var expiry = new CentraTokenExpiry(LocalDate.parse("2026-03-30"), clock, registry);

        expiry.warnIfDue();
        assertThat(warnings(output)).as("20 days before: quiet").isEmpty();
        clock.now = NOW.plusSeconds(7 * 86_400);
        expiry.warnIfDue();
        clock.now = clock.now.plusSeconds(3_600);
        expiry.warnIfDue();
        assertThat(warnings(output)).hasSize(1).allSatisfy(line -> assertThat(line).contains("expires in 13 days"));
        clock.now = clock.now.plusSeconds(86_400);
        expiry.warnIfDue();
        assertThat(warnings(output)).hasSize(2);
    }

    @Test
    void noExpiryConfiguredAddsNothing() {
        var expiry = new CentraTokenExpiry(null, clock, registry);

        assertThat(expiry.decorate(Health.up().build()).getDetails()).isEmpty();
        assertThat(expiry.checkLine()).isEmpty();
        assertThat(registry.find("connector.centra.token.expiry.days").gauge()).isNull();
    }

    private static List<String> warnings(CapturedOutput output) {
        return new ArrayList<>(output.getOut().lines().filter(line -> line.contains("the Centra token expires"))
                .toList());
    }

    private static final class MutableClock extends Clock {
        Instant now = NOW;

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
