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
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraProperties;
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
 * timed sample) and the rate-limit lower bound, the peak heap, and a re-drop with 1% of the lines changed.
 */
public final class StockBenchmark {

    static final int WAREHOUSES = 2;

    private StockBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizes = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int naiveSample = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        Path work = Files.createTempDirectory("stock-bench");
        ConfigurableApplicationContext app = new SpringApplication(ConnectorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--connector.sandbox.latency=50ms",
                "--connector.sandbox.rate-limit-tier=GROWTH",
                "--logging.level.org.centraerp.connector.centra=WARN");
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

        System.gc();
        long heapBefore = usedHeap();
        resetPeaks();
        long callsBefore = StockTestSupport.calls(meters, "setStock");
        Duration full = timed(() -> drop(inbox, "stock.csv", sizes, 0), stock, 1);
        long fullCalls = StockTestSupport.calls(meters, "setStock") - callsBefore;
        long peakHeap = peakHeap();

        callsBefore = StockTestSupport.calls(meters, "setStock");
        Duration redrop = timed(() -> drop(inbox, "stock-again.csv", sizes, 100), stock, 2);
        long redropCalls = StockTestSupport.calls(meters, "setStock") - callsBefore;
        Map<Long, Map<String, String>> redropReport = StockTestSupport.report(stock.awaitReports(2).get(1));
        long redropApplied = redropReport.values().stream().filter(l -> "applied".equals(l.get("outcome"))).count();

        double mutationsPer10s = centra.rateLimit().mutationsPer10s();
        Duration perNaiveCall = naiveCall(app.getBean(CentraClient.class), naiveSample, (int) mutationsPer10s);

        long callsNeeded = (long) Math.ceil((double) sizes / batchSize) * WAREHOUSES;
        double lowerBound = callsNeeded / (mutationsPer10s / 10.0);
        double naive = perNaiveCall.toMillis() / 1000.0 * lines;
        System.out.printf("%n=== Stock benchmark: %,d sizes x %d warehouses = %,d lines, sandbox 50 ms latency, Growth tier"
                + " (%d mutations/10 s), batch size %d ===%n", sizes, WAREHOUSES, lines, (int) mutationsPer10s,
                batchSize);
        System.out.printf("%-46s %12s %12s%n", "", "time", "setStock calls");
        System.out.printf("%-46s %11.1fs %12d%n", "connector, first file", full.toMillis() / 1000.0, fullCalls);
        System.out.printf("%-46s %11.1fs %12d%n", "rate-limit lower bound (calls / allowed rate)", lowerBound,
                callsNeeded);
        System.out.printf("%-46s %11.0fs %12d   (%.1f h; %.0f ms per call measured over %d calls;"
                + " Growth's 1,800 mutations/h cap alone: %.0f h)%n", "one mutation per line (extrapolated)", naive,
                lines, naive / 3600, (double) perNaiveCall.toMillis(), naiveSample, lines / 1800.0);
        System.out.printf("%-46s %11.1fs %12d   (%d of %,d lines changed and applied)%n",
                "re-drop with 1% of the lines changed", redrop.toMillis() / 1000.0, redropCalls, redropApplied, lines);
        System.out.printf("%-46s %8d MB (heap in use before: %d MB, sandbox with %,d sizes included; -Xmx %d MB)%n",
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
