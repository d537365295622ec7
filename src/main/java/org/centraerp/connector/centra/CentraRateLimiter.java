package org.centraerp.connector.centra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps our own traffic under Centra's three buckets (requests, mutations, complexity) per window.
 *
 * <p>A sliding-window log rather than a token bucket: "at most N in any window" is also admitted by Centra's
 * token bucket of capacity N refilled N per window, and by fixed-window counters, so we never cause a 429
 * whichever way the server counts. A request occupies its slot from acquire until the answer arrives, and the
 * window is measured from the answer: Centra counted it somewhere in between, so our slot never frees earlier
 * than Centra's. Complexity is known only from the answer; a permit reserves the expected complexity (the last
 * one seen for that document) and {@link Permit#release(long)} replaces it by the real one.
 *
 * <p>Blocking and fair: callers queue on a fair lock, the head of the queue waits for room, the rest wait
 * behind it in arrival order. A 429 from Centra (other integrations share the buckets) pauses everyone.
 */
public final class CentraRateLimiter {

    /** Longest single sleep: room can appear earlier when an in-flight request answers. */
    private static final Duration MAX_NAP = Duration.ofMillis(100);

    private final int requestLimit;
    private final int mutationLimit;
    private final long complexityLimit;
    private final long windowNanos;
    private final CentraClock clock;
    private final ReentrantLock queue = new ReentrantLock(true);
    private final Object state = new Object();
    private final List<Permit> window = new ArrayList<>();
    private long pausedUntilNanos;

    /**
     * @param requestLimit    requests per window, 0 = no limit
     * @param mutationLimit   mutations per window, 0 = no limit
     * @param complexityLimit summed complexity per window, 0 = no limit
     * @param windowLength    Centra's window (10 s); shorter in tests
     */
    public CentraRateLimiter(int requestLimit, int mutationLimit, long complexityLimit, Duration windowLength,
                             CentraClock clock) {
        this.requestLimit = requestLimit;
        this.mutationLimit = mutationLimit;
        this.complexityLimit = complexityLimit;
        this.windowNanos = windowLength.toNanos();
        this.clock = clock;
    }

    public static CentraRateLimiter of(CentraProperties.RateLimit limits, CentraClock clock) {
        return new CentraRateLimiter(limits.requestsPer10s(), limits.mutationsPer10s(), limits.complexityPer10s(),
                Duration.ofSeconds(10), clock);
    }

    /** Waits until one more request fits in every bucket, then takes the slot. */
    public Permit acquire(boolean mutation, long expectedComplexity) throws InterruptedException {
        queue.lockInterruptibly();
        try {
            while (true) {
                Duration wait;
                synchronized (state) {
                    long now = clock.nanoTime();
                    wait = waitBeforeAdmitting(mutation, expectedComplexity, now);
                    if (wait.isZero()) {
                        Permit permit = new Permit(mutation, Math.max(0, expectedComplexity));
                        window.add(permit);
                        return permit;
                    }
                }
                clock.sleep(wait.compareTo(MAX_NAP) > 0 ? MAX_NAP : wait);
            }
        } finally {
            queue.unlock();
        }
    }

    /** Centra answered 429: nobody sends before this moment (monotonic {@link CentraClock#nanoTime()}). */
    public void pauseUntil(long nanoTime) {
        synchronized (state) {
            pausedUntilNanos = Math.max(pausedUntilNanos, nanoTime);
        }
    }

    /** Requests counted in the current window, for health pages and tests. */
    public int requestsInWindow() {
        synchronized (state) {
            forgetExpired(clock.nanoTime());
            return window.size();
        }
    }

    private Duration waitBeforeAdmitting(boolean mutation, long expectedComplexity, long now) {
        if (now - pausedUntilNanos < 0) {
            return Duration.ofNanos(pausedUntilNanos - now);
        }
        forgetExpired(now);
        int mutations = 0;
        long complexity = 0;
        for (Permit p : window) {
            mutations += p.mutation ? 1 : 0;
            complexity += p.complexity;
        }
        boolean fits = (requestLimit == 0 || window.size() < requestLimit)
                && (!mutation || mutationLimit == 0 || mutations < mutationLimit)
                && (complexityLimit == 0 || complexity == 0
                    || (complexity < complexityLimit && complexity + Math.max(0, expectedComplexity) <= complexityLimit));
        return fits ? Duration.ZERO : Duration.ofNanos(Math.max(1, nextExpiry(now) - now));
    }

    private void forgetExpired(long now) {
        window.removeIf(p -> p.answered && now - (p.answeredAt + windowNanos) >= 0);
    }

    /** When the oldest answered slot frees; if all slots are still in flight, soon (polling for answers). */
    private long nextExpiry(long now) {
        long next = now + MAX_NAP.toNanos();
        for (Permit p : window) {
            if (p.answered && p.answeredAt + windowNanos - next < 0) {
                next = p.answeredAt + windowNanos;
            }
        }
        return next;
    }

    /** One request's slot in the window. */
    public final class Permit {
        private final boolean mutation;
        private long complexity;
        private boolean answered;
        private long answeredAt;

        private Permit(boolean mutation, long expectedComplexity) {
            this.mutation = mutation;
            this.complexity = expectedComplexity;
        }

        /** The answer arrived (or the call failed): the slot now expires one window from now. */
        public void release(long actualComplexity) {
            synchronized (state) {
                if (!answered) {
                    answered = true;
                    answeredAt = clock.nanoTime();
                    complexity = Math.max(0, actualComplexity);
                }
            }
        }
    }
}
