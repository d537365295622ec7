package org.centraerp.connector.centra;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock whose sleeps return at once and move time forward; records every sleep. */
final class FakeClock implements CentraClock {

    private static final Instant START = Instant.parse("2024-03-12T10:00:00Z");
    private final AtomicLong elapsed = new AtomicLong();
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    @Override
    public long nanoTime() {
        return elapsed.get();
    }

    @Override
    public Instant now() {
        return START.plusNanos(elapsed.get());
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        elapsed.addAndGet(duration.toNanos());
        Thread.yield();
    }

    Duration elapsed() {
        return Duration.ofNanos(elapsed.get());
    }

    Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
