package org.centraerp.connector.centra;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps our own traffic under Centra's three buckets (requests, mutations, complexity), each per 10 s and per hour.
 *
 * <p>A sliding-window log rather than a token bucket: "at most N in any window" is also admitted by Centra's
 * token bucket of capacity N refilled N per window, and by fixed-window counters, so we never cause a 429
 * whichever way the server counts. A request occupies its slot from acquire until the answer arrives, and the
 * window is measured from the answer: Centra counted it somewhere in between, so our slot never frees earlier
 * than Centra's. Complexity is known only from the answer; a permit reserves the expected complexity (the last
 * one seen for that document) and {@link Permit#release(long)} replaces it by the real one.
 *
 * <p>Each window keeps running sums over its answered slots (oldest first), so admitting a request costs the same
 * whether the hour holds ten slots or eighty thousand.
 *
 * <p>Blocking and fair: callers queue on a fair lock, the head of the queue waits for room, the rest wait
 * behind it in arrival order. A 429 from Centra (other integrations share the buckets) pauses everyone.
 */
public final class CentraRateLimiter {

    /** Longest single sleep: room can appear earlier when an in-flight request answers. */
    private static final Duration MAX_NAP = Duration.ofMillis(100);

    /**
     * One of Centra's windows and its three quotas; 0 switches that bucket's limit off.
     *
     * @param length     10 s or 1 h at Centra; shorter in tests
     * @param requests   requests of any kind per window
     * @param mutations  requests carrying a mutation per window
     * @param complexity summed {@code extensions.complexity} per window
     * @param refills    a token bucket as Centra documents it (capacity the quota, refilled continuously at the quota
     *                   per length); false: at most the quota in any window of that length (stricter)
     */
    public record Window(Duration length, int requests, int mutations, long complexity, boolean refills) {

        /** At most the quota in any window of this length. */
        public Window(Duration length, int requests, int mutations, long complexity) {
            this(length, requests, mutations, complexity, false);
        }
    }

    private final List<Slots> windows = new ArrayList<>();
    private final CentraClock clock;
    private final ReentrantLock queue = new ReentrantLock(true);
    private final Object state = new Object();
    private long inFlight;
    private long inFlightMutations;
    private long inFlightComplexity;
    private long admittedRequests;
    private long admittedMutations;
    private long answeredComplexity;
    private long pausedUntilNanos;

    /**
     * One window only.
     *
     * @param requestLimit    requests per window, 0 = no limit
     * @param mutationLimit   mutations per window, 0 = no limit
     * @param complexityLimit summed complexity per window, 0 = no limit
     * @param windowLength    Centra's window (10 s); shorter in tests
     */
    public CentraRateLimiter(int requestLimit, int mutationLimit, long complexityLimit, Duration windowLength,
                             CentraClock clock) {
        this(List.of(new Window(windowLength, requestLimit, mutationLimit, complexityLimit)), clock);
    }

    /** Every window must have room for a request before it is admitted. */
    public CentraRateLimiter(List<Window> windows, CentraClock clock) {
        windows.forEach(w -> this.windows.add(new Slots(w)));
        this.clock = clock;
    }

    /**
     * Centra's 10 s and 1 h windows from {@code connector.centra.rate-limit}. A bucket switched off in the 10 s
     * window (0, e.g. a sandbox without rate limits) is off in the hourly one too.
     *
     * <p>Centra's buckets are token buckets (centra.dev, "Rate limits": capacity the quota, refilled continuously).
     * The hourly one is kept as such: "at most 1,800 in any hour" would let a Growth import spend the hour's
     * mutations in 15 minutes and then wait 45, where Centra refills half a mutation a second all along. The 10 s
     * window stays "at most N in any 10 s", stricter than the bucket by one burst (at most 10 s a run).
     */
    public static CentraRateLimiter of(CentraProperties.RateLimit limits, CentraClock clock) {
        return new CentraRateLimiter(List.of(
                new Window(Duration.ofSeconds(10), limits.requestsPer10s(), limits.mutationsPer10s(),
                        limits.complexityPer10s()),
                new Window(Duration.ofHours(1),
                        limits.requestsPer10s() == 0 ? 0 : limits.requestsPerHour(),
                        limits.mutationsPer10s() == 0 ? 0 : limits.mutationsPerHour(),
                        limits.complexityPer10s() == 0 ? 0 : limits.complexityPerHour(), true)), clock);
    }

    /** The windows and their quotas, shortest first. */
    public List<Window> windows() {
        return windows.stream().map(s -> s.limits).toList();
    }

    /** Waits until one more request fits in every bucket of every window, then takes the slot. */
    public Permit acquire(boolean mutation, long expectedComplexity) throws InterruptedException {
        queue.lockInterruptibly();
        try {
            while (true) {
                Duration wait;
                synchronized (state) {
                    long now = clock.nanoTime();
                    long expected = Math.max(0, expectedComplexity);
                    wait = waitBeforeAdmitting(mutation, expected, now);
                    if (wait.isZero()) {
                        Permit permit = new Permit(mutation, expected);
                        inFlight++;
                        inFlightMutations += mutation ? 1 : 0;
                        inFlightComplexity += expected;
                        admittedRequests++;
                        admittedMutations += mutation ? 1 : 0;
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

    /** Requests counted in the current (shortest) window, in flight included, for health pages and tests. */
    public int requestsInWindow() {
        synchronized (state) {
            long now = clock.nanoTime();
            windows.forEach(w -> w.forgetExpired(now));
            return (int) Math.ceil(inFlight + (windows.isEmpty() ? 0 : windows.get(0).requests));
        }
    }

    /** Requests and mutations admitted since start (every flow), so an import can tell what it has sent. */
    public Totals admitted() {
        synchronized (state) {
            return new Totals(admittedRequests, admittedMutations, answeredComplexity);
        }
    }

    /** Requests and mutations admitted so far, and the complexity of their answers. */
    public record Totals(long requests, long mutations, long complexity) {

        public Totals minus(Totals earlier) {
            return new Totals(requests - earlier.requests, mutations - earlier.mutations,
                    complexity - earlier.complexity);
        }
    }

    /**
     * The least time before {@code requests} more requests, {@code mutations} of them mutations, together costing
     * {@code complexity}, can all have been admitted, given what every window holds now: per bucket and window,
     * what does not fit in the room left goes at the window's quota rate. The slowest decides; with an hourly
     * quota nearly spent that is the hour, not the 10 s window.
     */
    public Duration timeToAdmit(long requests, long mutations, long complexity) {
        synchronized (state) {
            long now = clock.nanoTime();
            double seconds = Math.max(0, (pausedUntilNanos - now) / 1e9);
            double longest = 0;
            for (Slots w : windows) {
                w.forgetExpired(now);
                double length = w.limits.length().toNanos() / 1e9;
                longest = Math.max(longest, bucketSeconds(requests, w.limits.requests(), inFlight + w.requests,
                        length));
                longest = Math.max(longest, bucketSeconds(mutations, w.limits.mutations(),
                        inFlightMutations + w.mutations, length));
                longest = Math.max(longest, bucketSeconds(complexity, w.limits.complexity(),
                        inFlightComplexity + w.complexity, length));
            }
            return Duration.ofMillis(Math.round((seconds + longest) * 1000));
        }
    }

    private static double bucketSeconds(long needed, long quota, double used, double windowSeconds) {
        if (quota <= 0 || needed <= 0) {
            return 0;
        }
        double room = Math.max(0, quota - used);
        return needed <= room ? 0 : (double) (needed - room) / quota * windowSeconds;
    }

    private Duration waitBeforeAdmitting(boolean mutation, long expectedComplexity, long now) {
        if (now - pausedUntilNanos < 0) {
            return Duration.ofNanos(pausedUntilNanos - now);
        }
        long next = Long.MAX_VALUE;
        boolean fits = true;
        for (Slots w : windows) {
            w.forgetExpired(now);
            if (!w.fits(mutation, expectedComplexity)) {
                fits = false;
                next = Math.min(next, w.nextExpiry(now));
            }
        }
        return fits ? Duration.ZERO : Duration.ofNanos(Math.max(1, next - now));
    }

    /**
     * One window's answered slots, oldest answer first, with running sums; or, for a window that {@code refills},
     * what its three buckets hold, drained continuously at the quota per length. Either way an answered request
     * counts from its answer (Centra counted it earlier, so its bucket is never emptier than ours).
     */
    private final class Slots {
        private final Window limits;
        private final long lengthNanos;
        private final ArrayDeque<Permit> answered = new ArrayDeque<>();
        private double requests;
        private double mutations;
        private double complexity;
        private long drainedAt = Long.MIN_VALUE;

        Slots(Window limits) {
            this.limits = limits;
            this.lengthNanos = limits.length().toNanos();
        }

        void add(Permit p) {
            if (limits.refills()) {
                forgetExpired(p.answeredAt);
            } else {
                answered.addLast(p);
            }
            requests++;
            mutations += p.mutation ? 1 : 0;
            complexity += p.complexity;
        }

        void forgetExpired(long now) {
            if (limits.refills()) {
                if (drainedAt != Long.MIN_VALUE && now - drainedAt > 0) {
                    double share = (double) (now - drainedAt) / lengthNanos;
                    requests = Math.max(0, requests - share * limits.requests());
                    mutations = Math.max(0, mutations - share * limits.mutations());
                    complexity = Math.max(0, complexity - share * limits.complexity());
                }
                if (drainedAt == Long.MIN_VALUE || now - drainedAt > 0) {
                    drainedAt = now;
                }
                return;
            }
            while (!answered.isEmpty() && now - (answered.peekFirst().answeredAt + lengthNanos) >= 0) {
                Permit p = answered.removeFirst();
                requests--;
                mutations -= p.mutation ? 1 : 0;
                complexity -= p.complexity;
            }
        }

        boolean fits(boolean mutation, long expectedComplexity) {
            double usedComplexity = complexity + inFlightComplexity;
            return (limits.requests() == 0 || requests + inFlight + 1 <= limits.requests())
                    && (!mutation || limits.mutations() == 0
                        || mutations + inFlightMutations + 1 <= limits.mutations())
                    && (limits.complexity() == 0 || usedComplexity <= 0
                        || (usedComplexity < limits.complexity()
                            && usedComplexity + expectedComplexity <= limits.complexity()));
        }

        /**
         * When room may appear: the oldest answered slot frees, or (refilling) the fullest bucket has drained by
         * one; if all slots are still in flight, soon (polling for answers).
         */
        long nextExpiry(long now) {
            long poll = now + MAX_NAP.toNanos();
            if (limits.refills()) {
                double quota = Math.max(1, Math.max(limits.requests(), limits.mutations()));
                return Math.min(poll, now + Math.max(1, (long) (lengthNanos / quota)));
            }
            Permit oldest = answered.peekFirst();
            return oldest == null ? poll : Math.min(poll, oldest.answeredAt + lengthNanos);
        }
    }

    /** One request's slot in the windows. */
    public final class Permit {
        private final boolean mutation;
        private final long expected;
        private long complexity;
        private boolean answered;
        private long answeredAt;

        private Permit(boolean mutation, long expectedComplexity) {
            this.mutation = mutation;
            this.expected = expectedComplexity;
            this.complexity = expectedComplexity;
        }

        /** The answer arrived (or the call failed): the slot now expires one window from now. */
        public void release(long actualComplexity) {
            synchronized (state) {
                if (!answered) {
                    answered = true;
                    answeredAt = clock.nanoTime();
                    complexity = Math.max(0, actualComplexity);
                    inFlight--;
                    inFlightMutations -= mutation ? 1 : 0;
                    inFlightComplexity -= expected;
                    answeredComplexity += complexity;
                    windows.forEach(w -> w.add(this));
                }
            }
        }
    }
}
