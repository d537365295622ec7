package org.centraerp.connector.centra;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads a 429's {@code Retry-After}. Centra documents it as "a timestamp at which it is possible to try again"
 * without giving the format, and HTTP allows seconds or a date, so all of these are accepted:
 * delay in seconds ({@code 3}), unix timestamp in seconds or milliseconds, HTTP date, ISO-8601 date-time.
 */
final class RetryAfter {

    /** Numbers above this are timestamps, not delays (about 2001-09-09 in unix seconds). */
    private static final long TIMESTAMP_THRESHOLD = 1_000_000_000L;
    private static final long MILLIS_THRESHOLD = 100_000_000_000L;

    private RetryAfter() {
    }

    /** The wait the header asks for, never negative; empty when the header is missing or unreadable. */
    static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        Optional<Instant> until = value.matches("\\d+(\\.\\d+)?") ? fromNumber(value, now) : fromDate(value);
        return until.map(instant -> {
            Duration wait = Duration.between(now, instant);
            return wait.isNegative() ? Duration.ZERO : wait;
        });
    }

    private static Optional<Instant> fromNumber(String value, Instant now) {
        double number = Double.parseDouble(value);
        if (number >= MILLIS_THRESHOLD) {
            return Optional.of(Instant.ofEpochMilli((long) number));
        }
        if (number >= TIMESTAMP_THRESHOLD) {
            return Optional.of(Instant.ofEpochMilli((long) (number * 1000)));
        }
        return Optional.of(now.plusMillis((long) (number * 1000)));
    }

    private static Optional<Instant> fromDate(String value) {
        for (DateTimeFormatter format : new DateTimeFormatter[] {
                DateTimeFormatter.RFC_1123_DATE_TIME, DateTimeFormatter.ISO_OFFSET_DATE_TIME}) {
            try {
                return Optional.of(ZonedDateTime.parse(value, format).toInstant());
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        return Optional.empty();
    }
}
