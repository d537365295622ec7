package org.centraerp.connector.centra;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * When a long run (an import of many rows) will finish: at the pace it has gone so far, and no sooner than Centra's
 * quotas allow. The calls the rest needs are estimated from what the run sent per unit so far (every call through
 * the client's limiter since the run started counts); the quota time is {@link CentraRateLimiter#timeToAdmit}, so
 * a Growth-tier import that will spend its hourly 1,800 mutations says so hours ahead.
 */
public final class QuotaForecast {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final CentraRateLimiter limiter;
    private final CentraClock clock;
    private final CentraRateLimiter.Totals start;
    private final long startNanos;

    public QuotaForecast(CentraRateLimiter limiter, CentraClock clock) {
        this.limiter = limiter;
        this.clock = clock;
        this.start = limiter.admitted();
        this.startNanos = clock.nanoTime();
    }

    /**
     * @param atPace  the rest at the pace so far
     * @param atQuota the least time the rest's calls need under the quotas (10 s and hourly windows)
     * @param finish  when it ends: now plus the longer of the two
     */
    public record Forecast(Duration atPace, Duration atQuota, Instant finish) {

        /** "about 3m10s left at this pace, the quotas allow no sooner than 1h12m: done about 23:41 UTC". */
        public String text() {
            String quotas = atQuota.isZero() ? "within the hourly and 10 s quotas"
                    : "the hourly and 10 s quotas allow no sooner than " + human(atQuota);
            return "about " + human(atPace) + " left at this pace, " + quotas + ": done about "
                    + CLOCK.format(finish) + " UTC";
        }
    }

    /** The forecast after {@code done} of {@code total} units (rows, lines). */
    public Forecast forecast(long done, long total) {
        long left = Math.max(0, total - done);
        Duration elapsed = Duration.ofNanos(clock.nanoTime() - startNanos);
        CentraRateLimiter.Totals sent = limiter.admitted().minus(start);
        Duration atPace = Duration.ZERO;
        Duration atQuota = Duration.ZERO;
        if (done > 0 && left > 0) {
            double share = (double) left / done;
            atPace = Duration.ofMillis(Math.round(elapsed.toMillis() * share));
            atQuota = limiter.timeToAdmit(Math.round(sent.requests() * share), Math.round(sent.mutations() * share),
                    Math.round(sent.complexity() * share));
        }
        Duration longer = atPace.compareTo(atQuota) >= 0 ? atPace : atQuota;
        return new Forecast(atPace, atQuota, clock.now().plus(longer));
    }

    static String human(Duration d) {
        long seconds = d.toSeconds();
        if (seconds >= 3600) {
            return seconds / 3600 + "h" + String.format(Locale.ROOT, "%02dm", seconds % 3600 / 60);
        }
        if (seconds >= 60) {
            return seconds / 60 + "m" + String.format(Locale.ROOT, "%02ds", seconds % 60);
        }
        return seconds + "s";
    }
}
