package org.centraerp.connector.flows.catalogue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Products of one file synced side by side: at most {@code parallel} at a time, each product's own steps in order
 * on one thread ({@link ProductGroupSync#sync}), every call through the client's one rate limiter. Products are
 * independent once their size charts, brands, collections and folders exist ({@link CatalogueNames} makes those
 * one at a time). Two groups of one product number (rows of a style split in the file) never run together: the
 * later waits for the earlier, so a product is never created twice.
 *
 * <p>The first failure a product meets that is not Centra refusing that product (Centra unreachable, the state
 * database gone) stops the file: no new product starts, those in flight finish, and {@link #finish()} throws it,
 * as a one-at-a-time import would have. With {@code parallel} 1 every group runs on the caller's thread.
 */
final class ProductsInFlight implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** One product's steps, in order ({@link ProductGroupSync#sync}). */
    @FunctionalInterface
    interface GroupSync {
        void sync(List<ProductRow> rows, ImportReport report);
    }

    private final GroupSync sync;
    private final ImportReport report;
    private final int parallel;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final Map<String, FutureTask<Void>> byProduct = new ConcurrentHashMap<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

    ProductsInFlight(GroupSync sync, ImportReport report, int parallel) {
        this.sync = sync;
        this.report = report;
        this.parallel = Math.max(1, parallel);
        this.slots = new Semaphore(this.parallel);
        this.pool = this.parallel == 1 ? null : Executors.newFixedThreadPool(this.parallel, threads());
    }

    /** Starts the product's sync when a slot is free (waits for one, and for an earlier group of it). */
    void submit(List<ProductRow> group) {
        throwIfFailed();
        if (pool == null) {
            sync.sync(group, report);
            return;
        }
        String product = group.get(0).productNumber();
        FutureTask<Void> earlier = byProduct.get(product);
        if (earlier != null) {
            await(earlier);
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while products were being sent to Centra", e);
        }
        if (failure.get() != null) {
            slots.release();
            throwIfFailed();
        }
        FutureTask<Void>[] self = new FutureTask[1];
        self[0] = new FutureTask<>(() -> {
            try {
                if (failure.get() == null) {
                    sync.sync(group, report);
                }
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } catch (Error e) {
                failure.compareAndSet(null, new IllegalStateException("product " + product + ": " + e, e));
                throw e;
            } finally {
                byProduct.remove(product, self[0]);
                slots.release();
            }
            return null;
        });
        byProduct.put(product, self[0]);
        pool.execute(self[0]);
    }

    /** Waits for every product in flight; throws the first failure. */
    void finish() {
        if (pool != null) {
            try {
                slots.acquire(parallel);
                slots.release(parallel);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while products were being sent to Centra", e);
            }
        }
        throwIfFailed();
    }

    @Override
    public void close() {
        if (pool != null) {
            // products in flight finish their steps (each stops at its first failure); none starts any more
            pool.shutdown();
            try {
                if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                    pool.shutdownNow();
                }
            } catch (InterruptedException e) {
                pool.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    private void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    private static void await(FutureTask<Void> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while products were being sent to Centra", e);
        } catch (ExecutionException | CancellationException e) {
            // recorded as the failure by the task itself
        }
    }

    private static ThreadFactory threads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "catalogue-" + pool + "-product-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
