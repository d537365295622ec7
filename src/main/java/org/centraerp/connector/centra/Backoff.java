package org.centraerp.connector.centra;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: a random wait between 0 and min(max, initial * 2^(attempt-1)).
 * Full jitter spreads the retries of many callers that failed together, so they do not hit Centra in step.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final RandomGenerator random;

    Backoff(Duration initial, Duration max, RandomGenerator random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** Wait after the given failed attempt (1 = the first call failed). */
    Duration after(int failedAttempt) {
        long ceiling = initial.toNanos();
        for (int i = 1; i < failedAttempt && ceiling < max.toNanos(); i++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, max.toNanos());
        return ceiling <= 0 ? Duration.ZERO : Duration.ofNanos(random.nextLong(ceiling + 1));
    }
}
