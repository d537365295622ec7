package org.centraerp.connector.flows.catalogue;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.sandbox.gateway.RateLimitInterval;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.centraerp.connector.sandbox.gateway.RateLimitType;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The catalogue benchmark (not a unit test; run {@code bench/catalogue.sh}): the connector and its sandbox in this
 * JVM, the sandbox answering 50 ms late and enforcing a rate-limit tier. A product master of {@code sizes} sizes
 * (styles of 2 colours x 10 sizes) is imported into an empty id table; then the same file with 1% of its rows
 * changed (another EAN). Prints, side by side, the connector's time and calls against the rate-limit lower bound
 * (the calls it needs over the tier's allowed rate, 10-second and hourly windows both), and the mutations the
 * re-import sent against the 1% expected.
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
        Path work = Files.createTempDirectory("catalogue-bench");
        ConfigurableApplicationContext app = new SpringApplication(ConnectorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.master-data.at-start=false",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--connector.catalogue.poll-delay=200",
                "--connector.sandbox.latency=50ms",
                "--connector.sandbox.rate-limit-tier=" + tier,
                "--connector.centra.rate-limit.requests-per-10s=" + quota(tier, RateLimitType.REQUEST_COUNT),
                "--connector.centra.rate-limit.mutations-per-10s=" + quota(tier, RateLimitType.MUTATION_COUNT),
                "--logging.level.org.centraerp.connector.centra=WARN");
        try {
            run(app, work, sizes, tier);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, Path work, int sizes, RateLimitTier tier) {
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        Path inbox = work.resolve("erp/in/products");
        int styles = Math.max(1, sizes / (COLOURS * SIZES.length));
        int rows = styles * COLOURS * SIZES.length;

        Calls before = Calls.of(meters);
        Duration full = imported(inbox, "products.csv", styles, 0, 1);
        Calls first = Calls.of(meters).minus(before);

        before = Calls.of(meters);
        Duration again = imported(inbox, "products-again.csv", styles, 100, 2);
        Calls second = Calls.of(meters).minus(before);
        int changed = rows / 100;

        double bound = lowerBound(first, tier);
        System.out.printf("%n=== Catalogue benchmark: %,d styles x %d colours x %d sizes = %,d sizes, sandbox 50 ms latency,"
                + " %s tier ===%n", styles, COLOURS, SIZES.length, rows, tier);
        System.out.printf("%-52s %10s %10s %10s%n", "", "time", "requests", "mutations");
        System.out.printf("%-52s %9.1fs %10d %10d   (%.2fx the lower bound)%n", "connector, first import",
                full.toMillis() / 1000.0, first.requests(), first.mutations(), full.toMillis() / 1000.0 / bound);
        System.out.printf("%-52s %9.1fs %10d %10d%n", "rate-limit lower bound on " + tier + " (same calls)", bound,
                first.requests(), first.mutations());
        double growth = lowerBound(first, RateLimitTier.GROWTH);
        System.out.printf("%-52s %9.1fs %10s %10s   (%.1f h: the hourly mutation quota)%n",
                "rate-limit lower bound on GROWTH (same calls)", growth, "", "", growth / 3600);
        System.out.printf("%-52s %9.1fs %10d %10d   (%d rows changed; mutations by document: %s)%n",
                "re-import with 1% of the rows changed", again.toMillis() / 1000.0, second.requests(),
                second.mutations(), changed, second.byDocument());
    }

    /**
     * The least time a tier allows these calls: each bucket's calls over its rate in the 10-second window, and
     * what goes past the hourly quota over the hourly rate; the slowest bucket decides.
     */
    static double lowerBound(Calls calls, RateLimitTier tier) {
        return Math.max(bucketBound(calls.requests(), tier, RateLimitType.REQUEST_COUNT),
                bucketBound(calls.mutations(), tier, RateLimitType.MUTATION_COUNT));
    }

    private static double bucketBound(long calls, RateLimitTier tier, RateLimitType type) {
        if (tier.unlimited()) {
            return 0;
        }
        double per10s = tier.quota(type, RateLimitInterval.TEN_SECONDS);
        double perHour = tier.quota(type, RateLimitInterval.ONE_HOUR);
        double windowBound = calls / per10s * 10;
        double hourlyBound = calls > perHour ? (calls - perHour) / perHour * 3600 : 0;
        return Math.max(windowBound, hourlyBound);
    }

    private static long quota(RateLimitTier tier, RateLimitType type) {
        return tier.unlimited() ? 0 : tier.quota(type, RateLimitInterval.TEN_SECONDS);
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
    record Calls(Map<String, Long> byDocument) {

        static Calls of(MeterRegistry meters) {
            Map<String, Long> counts = new TreeMap<>();
            meters.find("connector.centra.requests").timers()
                    .forEach(t -> counts.merge(t.getId().getTag("document"), t.count(), Long::sum));
            return new Calls(counts);
        }

        Calls minus(Calls earlier) {
            Map<String, Long> counts = new TreeMap<>();
            byDocument.forEach((document, count) -> {
                long delta = count - earlier.byDocument.getOrDefault(document, 0L);
                if (delta > 0) {
                    counts.put(document, delta);
                }
            });
            return new Calls(counts);
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
