package org.centraerp.connector.flows.prices;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.bench.RateLimitBound;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraRateLimiter;
import org.centraerp.connector.sandbox.gateway.RateLimitTier;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductStatus;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The prices benchmark (not a unit test; run {@code bench/prices.sh}): the connector and its sandbox in this JVM,
 * the sandbox answering 50 ms late on the Growth tier, {@code prices / 3} variants seeded (2 per product, their SKUs
 * linked in the id table as a product import leaves them), and a price file of every variant in the SEK, EUR and
 * USD pricelists. Prints the connector's time next to the rate-limit lower bound from every bucket (requests,
 * mutations, complexity; 10 s and hourly), the products per setPrices call the connector chose from Centra's
 * complexity budget (at most {@code maxBatch}), and a re-drop with 1% of the prices changed.
 */
public final class PricesBenchmark {

    private static final String[][] PRICELISTS = {{"RETAIL-SEK", "SEK"}, {"RETAIL-EUR", "EUR"}, {"RETAIL-USD", "USD"}};
    private static final int VARIANTS_PER_PRODUCT = 2;

    private PricesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int prices = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int maxBatch = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        Path work = Files.createTempDirectory("prices-bench");
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.master-data.at-start=false",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--connector.catalogue.poll-delay=200",
                "--connector.catalogue.prices-batch-size=" + maxBatch,
                // the benchmark writes <name>.tmp and renames it: no need to wait for the file to be old enough
                "--connector.prices.read-lock.stable-for=0s",
                "--connector.sandbox.latency=50ms",
                "--connector.sandbox.rate-limit-tier=GROWTH",
                "--logging.level.org.centraerp.connector.centra=WARN",
                "--logging.level.org.centraerp.connector.centra.ComplexityBatchSizer=INFO"));
        arguments.addAll(List.of(RateLimitBound.clientLimits(RateLimitTier.GROWTH)));
        ConfigurableApplicationContext app = new SpringApplication(ConnectorApplication.class)
                .run(arguments.toArray(String[]::new));
        try {
            run(app, work, prices, maxBatch);
        } finally {
            app.close();
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext app, Path work, int prices, int maxBatch) {
        int variants = (prices + PRICELISTS.length - 1) / PRICELISTS.length;
        int products = (variants + VARIANTS_PER_PRODUCT - 1) / VARIANTS_PER_PRODUCT;
        seed(app.getBean(SandboxData.class), app.getBean(StateDatabase.class), products);
        MeterRegistry meters = app.getBean(MeterRegistry.class);
        CentraRateLimiter limiter = app.getBean(CentraClient.class).rateLimiter();
        Path inbox = work.resolve("erp/in/prices");
        int rows = products * VARIANTS_PER_PRODUCT * PRICELISTS.length;

        long callsBefore = calls(meters);
        CentraRateLimiter.Totals sentBefore = limiter.admitted();
        Duration full = imported(inbox, "prices.csv", products, 0, 1);
        CentraRateLimiter.Totals sent = limiter.admitted().minus(sentBefore);
        long fullCalls = calls(meters) - callsBefore;

        callsBefore = calls(meters);
        Duration again = imported(inbox, "prices-again.csv", products, 100, 2);
        long againCalls = calls(meters) - callsBefore;

        RateLimitBound.Sent bound = new RateLimitBound.Sent(sent.requests(), sent.mutations(), sent.complexity());
        double lowerBound = RateLimitBound.seconds(bound, RateLimitTier.GROWTH);
        long productsSent = (long) products * PRICELISTS.length;
        long fixedCalls = (long) Math.ceil(products / 100.0) * PRICELISTS.length;
        RateLimitBound.Sent fixed = new RateLimitBound.Sent(fixedCalls, fixedCalls, 0);
        System.out.printf("%n=== Prices benchmark: %,d products x %d variants x %d pricelists = %,d variant prices,"
                + " sandbox 50 ms latency, Growth tier, setPrices of at most %d products ===%n", products,
                VARIANTS_PER_PRODUCT, PRICELISTS.length, rows, maxBatch);
        System.out.printf("%-58s %10s %10s %10s %11s%n", "", "time", "requests", "setPrices", "complexity");
        System.out.printf("%-58s %9.1fs %10d %10d %11d   (%.2fx the lower bound)%n", "connector, first file",
                full.toMillis() / 1000.0, sent.requests(), fullCalls, sent.complexity(),
                full.toMillis() / 1000.0 / lowerBound);
        System.out.printf("%-58s %9.1fs %10d %10d %11d   (decided by %s)%n",
                "rate-limit lower bound, both buckets (same calls)", lowerBound, sent.requests(), sent.mutations(),
                sent.complexity(), RateLimitBound.decidedBy(bound, RateLimitTier.GROWTH));
        System.out.printf("%-58s %,10d products per call (%,d products / %d calls)%n",
                "adaptive batch size (complexity budget, at most " + maxBatch + ")",
                fullCalls == 0 ? 0 : Math.round((double) productsSent / fullCalls), productsSent, fullCalls);
        System.out.printf("%-58s %9.1fs %10s %10d   (fixed batches of 100 products, the default before)%n",
                "rate-limit lower bound at fixed batches of 100", RateLimitBound.seconds(fixed, RateLimitTier.GROWTH),
                "", fixedCalls);
        System.out.printf("%-58s %9.1fs %10s %10d   (%,d of %,d prices changed)%n",
                "re-drop with 1% of the prices changed", again.toMillis() / 1000.0, "", againCalls, rows / 100, rows);
    }

    /** Products PRICEBENCH00001… with variants -V1, -V2; their SKUs linked in the id table. */
    static void seed(SandboxData data, StateDatabase db, int products) {
        List<Object[]> links = new ArrayList<>();
        data.write(() -> {
            Instant now = Instant.now();
            for (int p = 1; p <= products; p++) {
                String number = String.format("PRICEBENCH%06d", p);
                int productId = data.products.nextId();
                data.products.put(new Product(productId, "Price bench " + p, ProductStatus.ACTIVE, number, null, null,
                        null, false, false, null, null, null, null, null, null, now, now));
                for (int v = 1; v <= VARIANTS_PER_PRODUCT; v++) {
                    int variantId = data.productVariants.nextId();
                    data.productVariants.put(new ProductVariant(variantId, productId, "V" + v, Status.ACTIVE,
                            "-V" + v, null, null, null, null, now));
                    links.add(new Object[] {"Sku", number + "-V" + v, (long) variantId, (long) productId, db.now()});
                }
            }
            return null;
        });
        db.jdbc().batchUpdate("INSERT INTO connector_catalogue_id (object_type, erp_key, centra_id, parent_id, "
                + "updated_at) VALUES (?, ?, ?, ?, ?)", links);
    }

    private static Duration imported(Path inbox, String name, int products, int changeEvery, int reports) {
        long start = System.nanoTime();
        write(inbox, name, products, changeEvery);
        org.awaitility.Awaitility.await().atMost(Duration.ofHours(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> reportCount(inbox.resolve(".done")) >= reports);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Every variant in every pricelist; every {@code changeEvery}-th row another price (0: none). */
    private static void write(Path inbox, String name, int products, int changeEvery) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve(name + ".tmp");
            long row = 0;
            try (BufferedWriter out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("pricelist;sku;price;currency;sale_price\n");
                for (String[] pricelist : PRICELISTS) {
                    for (int p = 1; p <= products; p++) {
                        for (int v = 1; v <= VARIANTS_PER_PRODUCT; v++) {
                            row++;
                            int price = 100 + (p * 7 + v) % 900 + (changeEvery > 0 && row % changeEvery == 0 ? 1 : 0);
                            out.write(pricelist[0] + ";" + String.format("PRICEBENCH%06d", p) + "-V" + v + ";"
                                    + price + ".00;" + pricelist[1] + ";\n");
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

    private static long calls(MeterRegistry meters) {
        return meters.find("connector.centra.requests").tag("document", "prices/setPrices").timers().stream()
                .mapToLong(Timer::count).sum();
    }
}
