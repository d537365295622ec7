package org.centraerp.connector.flows.catalogue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.bench.RateLimitBound;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraRateLimiter;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The catalogue benchmark (not a unit test; run {@code bench/catalogue.sh}): the connector and its sandbox in this
 * JVM, the sandbox answering 50 ms late and enforcing a rate-limit tier. A product master of {@code sizes} sizes
 * (styles of 2 colours x 10 sizes) is imported into an empty id table; then the same file with 1% of its rows
 * changed (another EAN). Prints, side by side, the connector's time and calls against the rate-limit lower bound
 * (the calls it needs over the tier's allowed rate: requests, mutations and complexity, 10-second and hourly windows
 * both), the same calls' bound on Growth, the mutations per style before (one createProductVariant per colour) and
 * now (variants inside createProduct), and the mutations the re-import sent against the 1% expected.
 */
public final class CatalogueBenchmark {

    private static final int COLOURS = 2;
    private static final String[] SIZES = {"36", "37", "38", "39", "40", "41", "42", "43", "44", "45"};
    private static final List<String> MUTATION_PREFIXES = List.of("create", "update", "set");

    private CatalogueBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizes = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        RateLimitTier tier = RateLimitTier.valueOf(args.length > 1 ? args[1].toUpperCase(Locale.ROOT) : "ENTERPRISE");
        int parallel = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        Path work = Files.createTempDirectory("catalogue-bench");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.master-data.at-start=false",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--connector.catalogue.poll-delay=200",
                "--connector.catalogue.parallel-products=" + parallel,
                "--connector.catalogue.progress-interval=15s",
                // the benchmark writes <name>.tmp and renames it: no need to wait for the file to be old enough
                "--connector.products.read-lock.stable-for=0s",
                "--connector.sandbox.latency=50ms",
                "--connector.sandbox.rate-limit-tier=" + tier,
                "--logging.level.org.centraerp.connector.centra=WARN"));
        arguments.addAll(List.of(RateLimitBound.clientLimits(tier)));
        ConfigurableApplicationContext app = new SpringApplication(ConnectorApplication.class)
                .run(arguments.toArray(String[]::new));
        try {
            run(app, work, sizes, tier, parallel);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, Path work, int sizes, RateLimitTier tier,
                            int parallel) {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        CentraRateLimiter limiter = app.getBean(CentraClient.class).rateLimiter();
        Path inbox = work.resolve("erp/in/products");
        int styles = Math.max(1, sizes / (COLOURS * SIZES.length));
        int rows = styles * COLOURS * SIZES.length;

        Calls before = Calls.of(meters);
        CentraRateLimiter.Totals sentBefore = limiter.admitted();
        Duration full = imported(inbox, "products.csv", styles, 0, 1);
        Calls first = Calls.of(meters).minus(before);
        long complexity = limiter.admitted().minus(sentBefore).complexity();

        before = Calls.of(meters);
        Duration again = imported(inbox, "products-again.csv", styles, 100, 2);
        Calls second = Calls.of(meters).minus(before);
        int changed = rows / 100;

        RateLimitBound.Sent sent = new RateLimitBound.Sent(first.requests(), first.mutations(), complexity);
        double bound = RateLimitBound.seconds(sent, tier);
        // before: the same import with one createProductVariant per colour instead of the variants inside createProduct
        long mutationsBefore = first.mutations() + (long) styles * COLOURS;
        RateLimitBound.Sent sentBefore2 = new RateLimitBound.Sent(first.requests() + (long) styles * COLOURS,
                mutationsBefore, complexity);
        System.out.printf("%n=== Catalogue benchmark: %,d styles x %d colours x %d sizes = %,d sizes, sandbox 50 ms latency,"
                + " %s tier, %d products in flight ===%n", styles, COLOURS, SIZES.length, rows, tier, parallel);
        System.out.printf("%-58s %10s %10s %10s %11s%n", "", "time", "requests", "mutations", "complexity");
        System.out.printf("%-58s %9.1fs %10d %10d %11d   (%.2fx the lower bound)%n", "connector, first import",
                full.toMillis() / 1000.0, first.requests(), first.mutations(), complexity,
                full.toMillis() / 1000.0 / bound);
        System.out.printf("%-58s %9.1fs %10d %10d %11d   (decided by %s)%n",
                "rate-limit lower bound on " + tier + " (same calls)", bound, first.requests(), first.mutations(),
                complexity, RateLimitBound.decidedBy(sent, tier));
        double growth = RateLimitBound.seconds(sent, RateLimitTier.GROWTH);
        double growthBefore = RateLimitBound.seconds(sentBefore2, RateLimitTier.GROWTH);
        System.out.printf("%-58s %9.1fs %10s %10d %11s   (%.2f h; before: %d mutations, %.2f h)%n",
                "rate-limit lower bound on GROWTH (same calls)", growth, "", first.mutations(), "", growth / 3600,
                mutationsBefore, growthBefore / 3600);
        System.out.printf("%-58s %10.2f %10s %10.2f   (now measured: %s; before computed: the measured"
                + " mutations + one createProductVariant per colour)%n", "mutations per style, now",
                (double) first.mutations() / styles, "before:", (double) mutationsBefore / styles,
                first.byDocument());
        System.out.printf("%-58s %8.0fms   (sandbox latency 50 ms; the rest is this machine's load, the"
                + " rate limiter's waits and the sandbox's own work)%n", "mean time of one call, first import",
                first.meanMillis());
        System.out.printf("%-58s %9.1fs %10d %10d   (%d rows changed; mutations by document: %s)%n",
                "re-import with 1% of the rows changed", again.toMillis() / 1000.0, second.requests(),
                second.mutations(), changed, second.byDocument());
    }

    /** Drops the master (every {@code changeEvery}-th row with another EAN) and waits for its report. */
    private static Duration imported(Path inbox, String name, int styles, int changeEvery, int reports) {
        long start = System.nanoTime();
        write(inbox, name, styles, changeEvery);
        org.awaitility.Awaitility.await().atMost(Duration.ofHours(6)).pollInterval(Duration.ofMillis(200))
                .until(() -> reportCount(inbox.resolve(".done")) >= reports);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static void write(Path inbox, String name, int styles, int changeEvery) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve(name + ".tmp");
            long row = 0;
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("style_no;style_name;colour_code;colour_name;size;size_chart;ean;sku;brand;collection;folder\n");
                for (int style = 1; style <= styles; style++) {
                    String number = String.format("BENCH%05d", style);
                    for (int colour = 1; colour <= COLOURS; colour++) {
                        for (String size : SIZES) {
                            row++;
                            long ean = 2_000_000_000_000L + row * 10 + (changeEvery > 0 && row % changeEvery == 0 ? 1 : 0);
                            out.write(String.join(";", number, "Bench style " + style, "C" + colour,
                                    "Colour " + colour, size, "BENCH 36-45", Long.toString(ean),
                                    number + "-C" + colour + "-" + size, "Bench Brand", "Bench", "Bench") + "\n");
                        }
                    }
                }
            }
            Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long reportCount(Path done) throws IOException {
        if (!Files.isDirectory(done)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".report.csv")).count();
        }
    }

    /** Calls to Centra by GraphQL document, from the client's metrics. */
    record Calls(Map<String, Long> byDocument, double seconds) {

        static Calls of(MeterRegistry meters) {
            Map<String, Long> counts = new TreeMap<>();
            double[] seconds = {0};
            meters.find("connector.centra.requests").timers().forEach(t -> {
                counts.merge(t.getId().getTag("document"), t.count(), Long::sum);
                seconds[0] += t.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS) / 1e9;
            });
            return new Calls(counts, seconds[0]);
        }

        Calls minus(Calls earlier) {
            Map<String, Long> counts = new TreeMap<>();
            byDocument.forEach((document, count) -> {
                long delta = count - earlier.byDocument.getOrDefault(document, 0L);
                if (delta > 0) {
                    counts.put(document, delta);
                }
            });
            return new Calls(counts, seconds - earlier.seconds);
        }

        /** Mean time of one call as the client saw it (rate limiter's waits and retries included), ms. */
        double meanMillis() {
            return requests() == 0 ? 0 : seconds * 1000 / requests();
        }

        long requests() {
            return byDocument.values().stream().mapToLong(Long::longValue).sum();
        }

        long mutations() {
            return byDocument.entrySet().stream().filter(e -> isMutation(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum();
        }

        private static boolean isMutation(String document) {
            String name = document.substring(document.lastIndexOf('/') + 1);
            return MUTATION_PREFIXES.stream().anyMatch(name::startsWith);
        }
    }
}
