package org.centraerp.connector.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The time window of one poll of Centra ({@code updatedAt}, {@code createdAt}): from the last poll's end minus an
 * overlap (clock skew, late commits), or a look-back on the first poll, to now. The watermark moves to its end only
 * through {@link #close()}, after everything in it is stored, and only if no other instance moved it meanwhile.
 */
public final class PollWindow {

    private final Watermarks watermarks;
    private final String key;
    private final Optional<String> mark;
    private final Instant from;
    private final Instant to;

    private PollWindow(Watermarks watermarks, String key, Optional<String> mark, Instant from, Instant to) {
        this.watermarks = watermarks;
        this.key = key;
        this.mark = mark;
        this.from = from;
        this.to = to;
    }

    public static PollWindow next(Watermarks watermarks, String key, Clock clock, Duration overlap,
                                  Duration initialLookback) {
        Optional<String> mark = watermarks.read(key);
        Instant to = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = mark.map(Instant::parse).map(m -> m.minus(overlap)).orElse(to.minus(initialLookback));
        return new PollWindow(watermarks, key, mark, from, to);
    }

    public Instant from() {
        return from;
    }

    public Instant to() {
        return to;
    }

    /** Moves the watermark to this window's end; false when another instance moved it first. */
    public boolean close() {
        return watermarks.advance(key, mark, to.toString());
    }
}
