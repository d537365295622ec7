package org.centraerp.connector.flows.stock;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.bench.RateLimitBound;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraRateLimiter;
import org.centraerp.connector.centra.CentraProperties;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The stock benchmark (not a unit test; run {@code bench/stock.sh}): the connector and its sandbox in this JVM,
 * the sandbox with 50 ms latency per request on the Growth tier, {@code sizes} sizes seeded, and a stock file of
 * every size in 2 warehouses. Prints the connector's time next to one mutation per line (extrapolated from a
 * timed sample) and the rate-limit lower bound (requests, mutations and complexity, 10 s and hourly windows), the
 * batch size the connector chose from Centra's complexity budget (at most {@code maxBatch}), the peak heap, and a
 * re-drop with 1% of the lines changed.
 */
public final class StockBenchmark {

    static final int WAREHOUSES = 2;

    private StockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int naiveSample = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        int maxBatch = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        Path work = Files.createTempDirectory("stock-bench");
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                // the benchmark writes <name>.tmp and renames it: no need to wait for the file to be old enough
                "--connector.stock.read-lock.stable-for=0s",
                "--connector.stock.batch-size=" + maxBatch,
                "--connector.sandbox.latency=50ms",
                "--connector.sandbox.rate-limit-tier=GROWTH",
                "--logging.level.org.centraerp.connector.centra=WARN",
                "--logging.level.org.centraerp.connector.centra.ComplexityBatchSizer=INFO"));
        arguments.addAll(List.of(RateLimitBound.clientLimits(RateLimitTier.GROWTH)));
        ConfigurableApplicationContext app = new SpringApplication(ConnectorApplication.class)
                .run(arguments.toArray(String[]::new));
        try {
            run(app, work, sizes, naiveSample);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, Path work, int sizes, int naiveSample)
            throws Exception {
        seed(app.getBean(SandboxData.class), sizes);
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        CentraProperties centra = app.getBean(CentraProperties.class);
        int batchSize = app.getBean(StockProperties.class).batchSize();
        Path inbox = work.resolve("erp/in/stock");
        StockTestSupport stock = new StockTestSupport(inbox, "");
        int lines = sizes * WAREHOUSES;

        CentraRateLimiter limiter = app.getBean(CentraClient.class).rateLimiter();
        System.gc();
        long heapBefore = usedHeap();
        resetPeaks();
        long callsBefore = StockTestSupport.calls(meters, "setStock");
        CentraRateLimiter.Totals sentBefore = limiter.admitted();
        Duration full = timed(() -> drop(inbox, "stock.csv", sizes, 0), stock, 1);
        CentraRateLimiter.Totals sent = limiter.admitted().minus(sentBefore);
        long fullCalls = StockTestSupport.calls(meters, "setStock") - callsBefore;
        long peakHeap = peakHeap();

        callsBefore = StockTestSupport.calls(meters, "setStock");
        Duration redrop = timed(() -> drop(inbox, "stock-again.csv", sizes, 100), stock, 2);
        long redropCalls = StockTestSupport.calls(meters, "setStock") - callsBefore;
        Map<Long, Map<String, String>> redropReport = StockTestSupport.report(stock.awaitReports(2).get(1));
        long redropApplied = redropReport.values().stream().filter(l -> "applied".equals(l.get("outcome"))).count();

        double mutationsPer10s = centra.rateLimit().mutationsPer10s();
        Duration perNaiveCall = naiveCall(app.getBean(CentraClient.class), naiveSample, (int) mutationsPer10s);

        RateLimitBound.Sent bound = new RateLimitBound.Sent(sent.requests(), sent.mutations(), sent.complexity());
        double lowerBound = RateLimitBound.seconds(bound, RateLimitTier.GROWTH);
        RateLimitBound.Sent fixed = new RateLimitBound.Sent((long) Math.ceil(sizes / 500.0) * WAREHOUSES,
                (long) Math.ceil(sizes / 500.0) * WAREHOUSES, 0);
        double naive = perNaiveCall.toMillis() / 1000.0 * lines;
        System.out.printf("%n=== Stock benchmark: %,d sizes x %d warehouses = %,d lines, sandbox 50 ms latency, Growth tier"
                + " (%d mutations and 250,000 complexity per 10 s; 1,800 and 30M per hour), batches of at most %d ===%n",
                sizes, WAREHOUSES, lines, (int) mutationsPer10s, batchSize);
        System.out.printf("%-58s %12s %14s %12s%n", "", "time", "setStock calls", "complexity");
        System.out.printf("%-58s %11.1fs %14d %12d   (%.2fx the lower bound)%n", "connector, first file",
                full.toMillis() / 1000.0, fullCalls, sent.complexity(), full.toMillis() / 1000.0 / lowerBound);
        System.out.printf("%-58s %11.1fs %14d %12d   (decided by %s)%n",
                "rate-limit lower bound, both buckets (same calls)", lowerBound, sent.mutations(), sent.complexity(),
                RateLimitBound.decidedBy(bound, RateLimitTier.GROWTH));
        System.out.printf("%-58s %,12d sizes per call (%,d lines / %d calls; %.2f complexity per call)%n",
                "adaptive batch size (complexity budget, at most " + batchSize + ")",
                fullCalls == 0 ? 0 : Math.round((double) lines / fullCalls), lines, fullCalls,
                fullCalls == 0 ? 0.0 : (double) sent.complexity() / Math.max(1, sent.requests()));
        System.out.printf("%-58s %11.1fs %14d   (fixed batches of 500, as before)%n",
                "rate-limit lower bound at fixed batches of 500", RateLimitBound.seconds(fixed, RateLimitTier.GROWTH),
                fixed.mutations());
        System.out.printf("%-58s %11.0fs %14d   (%.1f h; %.0f ms per call measured over %d calls;"
                + " Growth's 1,800 mutations/h cap alone: %.0f h)%n", "one mutation per line (extrapolated)", naive,
                lines, naive / 3600, (double) perNaiveCall.toMillis(), naiveSample, lines / 1800.0);
        System.out.printf("%-58s %11.1fs %14d   (%d of %,d lines changed and applied)%n",
                "re-drop with 1% of the lines changed", redrop.toMillis() / 1000.0, redropCalls, redropApplied, lines);
        System.out.printf("%-58s %8d MB (heap in use before: %d MB, sandbox with %,d sizes included; -Xmx %d MB)%n",
                "peak heap during the first file", peakHeap >> 20, heapBefore >> 20, sizes,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** A variant of the sweater with {@code sizes} sizes: SKUs SWEATER-BENCH-0, SWEATER-BENCH-1, … */
    static void seed(SandboxData data, int sizes) {
        data.write(() -> {
            int variantId = data.productVariants.nextId();
            data.productVariants.put(new ProductVariant(variantId, 1, "Bench", Status.ACTIVE, "-BENCH", null, null,
                    2, null, Instant.now()));
            for (int i = 0; i < sizes; i++) {
                data.productSizes.put(new ProductSize(data.productSizes.nextId(), variantId, 2, "99" + i, null,
                        "-" + i, null, false, true));
            }
            return null;
        });
    }

    /** Every size in both warehouses; every {@code changeEvery}-th line gets another quantity (0: none). */
    static void drop(Path inbox, String name, int sizes, int changeEvery) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve(name + ".tmp");
            long line = 0;
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("sku;warehouse;quantity\n");
                for (int i = 0; i < sizes; i++) {
                    for (int warehouse = 1; warehouse <= WAREHOUSES; warehouse++) {
                        line++;
                        int quantity = (i * 7 + warehouse) % 50 + (changeEvery > 0 && line % changeEvery == 0 ? 1 : 0);
                        out.write("SWEATER-BENCH-" + i + ";WH" + warehouse + ";" + quantity + "\n");
                    }
                }
            }
            Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Duration timed(Runnable drop, StockTestSupport stock, int reports) {
        long start = System.nanoTime();
        drop.run();
        org.awaitility.Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(100))
                .until(() -> stock.files(".done", ".report.csv").size() >= reports);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Mean time of one single-size setStock through the client (rate limiter included), in the steady state: a
     * burst of one 10 s window's mutations first empties the bucket, as the first of 200,000 calls would.
     */
    private static Duration naiveCall(CentraClient centra, int calls, int burst) {
        Map<String, Object> input = Map.of("input", Map.of("warehouse", Map.of("id", 1), "description", "naive",
                "stockQuantityType", "PHYSICAL",
                "productSizes", List.of(Map.of("productSize", Map.of("SKU", "SWEATER-BENCH-0"), "quantity", 1))));
        for (int i = 0; i < burst; i++) {
            centra.mutate("setStock", input, CentraClient.Retry.SAFE).orThrow();
        }
        long start = System.nanoTime();
        for (int i = 0; i < calls; i++) {
            centra.mutate("setStock", input, CentraClient.Retry.SAFE).orThrow();
        }
        return Duration.ofNanos((System.nanoTime() - start) / calls);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static List<MemoryPoolMXBean> heapPools() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
    }
}
