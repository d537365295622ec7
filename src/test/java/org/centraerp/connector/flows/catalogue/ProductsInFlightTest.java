package org.centraerp.connector.flows.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ProductsInFlightTest {

    private static List<ProductRow> group(String product, long line) {
        return List.of(new ProductRow(line, product, "Name", "ACTIVE", null, null, null, null, null, "RED", "-RED",
                "Red", "ACTIVE", "S-M-L", "M", null, null, null, null));
    }

    private ImportReport report() {
        return new ImportReport();
    }

    @Test
    void atMostParallelProductsRunTogetherAndEveryOneRuns() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> done = Collections.synchronizedList(new ArrayList<>());
        ProductsInFlight.GroupSync slow = (rows, report) -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            sleep(30);
            running.decrementAndGet();
            done.add(rows.get(0).productNumber());
        };

        try (ProductsInFlight inFlight = new ProductsInFlight(slow, report(), 3)) {
            for (int i = 0; i < 20; i++) {
                inFlight.submit(group("P" + i, i));
            }
            inFlight.finish();
        }

        assertThat(done).hasSize(20);
        assertThat(most.get()).isEqualTo(3);
    }

    @Test
    void twoGroupsOfOneProductNeverRunTogetherAndKeepTheirOrder() throws Exception {
        Map<String, AtomicInteger> runningPerProduct = new ConcurrentHashMap<>();
        List<Long> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger overlaps = new AtomicInteger();
        ProductsInFlight.GroupSync sync = (rows, report) -> {
            AtomicInteger same = runningPerProduct.computeIfAbsent(rows.get(0).productNumber(),
                    p -> new AtomicInteger());
            if (same.incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            sleep(20);
            if (rows.get(0).productNumber().equals("SPLIT")) {
                order.add(rows.get(0).line());
            }
            same.decrementAndGet();
        };

        try (ProductsInFlight inFlight = new ProductsInFlight(sync, report(), 4)) {
            inFlight.submit(group("SPLIT", 1));
            inFlight.submit(group("OTHER", 2));
            inFlight.submit(group("SPLIT", 3));
            inFlight.submit(group("SPLIT", 4));
            inFlight.finish();
        }

        assertThat(overlaps.get()).isZero();
        assertThat(order).containsExactly(1L, 3L, 4L);
    }

    @Test
    void aFailureStopsNewProductsAndIsThrownWhenTheFileEnds() throws Exception {
        AtomicInteger started = new AtomicInteger();
        ProductsInFlight.GroupSync sync = (rows, report) -> {
            started.incrementAndGet();
            if (rows.get(0).productNumber().equals("P2")) {
                throw new IllegalStateException("Centra is down");
            }
            sleep(20);
        };

        try (ProductsInFlight inFlight = new ProductsInFlight(sync, report(), 2)) {
            assertThatThrownBy(() -> {
                for (int i = 0; i < 50; i++) {
                    inFlight.submit(group("P" + i, i));
                }
                inFlight.finish();
            }).isInstanceOf(IllegalStateException.class).hasMessageContaining("Centra is down");
        }
        assertThat(started.get()).isLessThan(50);
    }

    @Test
    void oneAtATimeRunsOnTheCallersThread() {
        Thread caller = Thread.currentThread();
        List<Thread> threads = new ArrayList<>();
        try (ProductsInFlight inFlight = new ProductsInFlight((rows, report) -> threads.add(Thread.currentThread()),
                report(), 1)) {
            inFlight.submit(group("A", 1));
            inFlight.submit(group("B", 2));
            inFlight.finish();
        }
        assertThat(threads).containsExactly(caller, caller);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
