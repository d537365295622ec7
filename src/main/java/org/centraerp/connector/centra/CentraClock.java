package org.centraerp.connector.centra;

import java.time.Duration;
import java.time.Instant;

/** Time as the client sees it: a seam so tests can run back-off and rate limiting on a fake clock. */
public interface CentraClock {

    /** Monotonic time for measuring intervals. */
    long nanoTime();

    /** Wall-clock time, to turn a {@code Retry-After} date into a wait. */
    Instant now();

    void sleep(Duration duration) throws InterruptedException;

    CentraClock SYSTEM = new CentraClock() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public Instant now() {
            return Instant.now();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (!duration.isNegative() && !duration.isZero()) {
                Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
            }
        }
    };
}
