package org.centraerp.connector.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.testsupport.ConnectorProcess;
import org.centraerp.connector.testsupport.MetricsLogin;
import org.centraerp.connector.flows.orders.PostgresqlSchema;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The orders benchmark (bench/orders.sh): this JVM is Centra (the sandbox at 50 ms per request, Growth tier), the
 * connector runs in a child JVM with its defaults, as in production.
 * <ol>
 *   <li>backlog to files: N orders placed before the connector starts (state in an H2 file, the default);</li>
 *   <li>backlog to PostgreSQL: the same into the ERP's header/line tables, state in PostgreSQL, no files;</li>
 *   <li>webhook to file: orders placed at a steady rate while the connector runs, the sandbox's signed webhooks
 *       telling it; latency = order file's modification time - the moment the order was placed.</li>
 * </ol>
 * The backlog time runs from the connector's first poll (the first full minute after it started, cron
 * {@code 0 * * * * ?}) to the last order in the ERP. Its lower bound is the Centra calls the export needs divided by
 * what Growth allows: 60 requests and 20 mutations per 10 s.
 */
public final class OrdersBenchmark {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final String SECRET = "bench-webhook-secret";
    /** The connector's JVM as in production: default JIT and collector. */
    static final List<String> JVM = List.of("-Xmx1g");

    final Map<String, String> options;
    final Path work;
    final int latencyPort = freePort();
    ConfigurableApplicationContext sandbox;
    int sandboxPort;

    OrdersBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        this.work = Files.createTempDirectory("orders-bench");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        OrdersBenchmark bench = new OrdersBenchmark(options);
        try {
            bench.run();
        } finally {
            if (bench.sandbox != null) {
                bench.sandbox.close();
            }
        }
        System.exit(0);
    }

    int option(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    void run() throws Exception {
        int orders = option("orders", 10_000);
        int batch = option("batch-size", 50);
        startSandbox();
        List<String> report = new ArrayList<>();
        report.add(String.format("%-26s %8s %10s %12s %12s %7s %10s", "backlog run", "orders", "time s",
                "bound s", "calls made", "ratio", "orders/s"));
        if (!options.containsKey("skip-files")) {
            report.add(backlog("files, H2 state", orders, batch, false));
        }
        if (!options.containsKey("skip-postgresql")) {
            report.add(backlog("PostgreSQL tables+state", orders, batch, true));
        }
        if (!options.containsKey("skip-latency")) {
            report.add("");
            report.add(latency(option("per-minute", 250), option("latency-seconds", 60)));
        }
        System.out.println();
        System.out.println("== Orders benchmark: sandbox 50 ms latency, Growth tier (60 requests, 20 mutations per 10 s),"
                + " batch size " + batch + " ==");
        report.forEach(System.out::println);
    }

    void startSandbox() throws Exception {
        // Command-line arguments: they win over config/application.yaml (SpringApplicationBuilder.properties would not).
        sandbox = new SpringApplicationBuilder(ConnectorApplication.class).run(
                "--server.port=0", "--camel.main.auto-startup=false", "--spring.main.banner-mode=off",
                "--spring.datasource.url=jdbc:h2:mem:bench-sandbox;DB_CLOSE_DELAY=-1",
                "--connector.sandbox.latency=50ms", "--connector.sandbox.rate-limit-tier=GROWTH",
                "--connector.sandbox.webhook.url=http://127.0.0.1:" + latencyPort + "/webhooks/centra",
                "--connector.sandbox.webhook.secret=" + SECRET, "--connector.sandbox.webhook.retries=0",
                "--connector.webhook.secret=unused-here",
                "--logging.level.root=WARN", "--logging.level.org.centraerp.connector.sandbox.webhook=ERROR");
        sandboxPort = Integer.parseInt(sandbox.getEnvironment().getProperty("local.server.port"));
        log("sandbox knobs: %s", HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandboxPort
                + "/sandbox/admin/knobs")).build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Back to the demo store with plenty of stock (it holds ~100 units). */
    void resetSandbox() throws Exception {
        post("/sandbox/admin/reset", "{}");
        SandboxData data = sandbox.getBean(SandboxData.class);
        data.write(() -> {
            data.stock.stream().toList().forEach(l -> data.stock.put(l.withPhysical(l.allocated() + 1_000_000)));
            return null;
        });
    }

    List<Long> place(int count) throws Exception {
        List<Long> numbers = new ArrayList<>();
        for (int left = count; left > 0; left -= 1000) {
            JsonNode placed = JSON.readTree(post("/sandbox/admin/orders", "{\"count\":" + Math.min(1000, left) + "}"));
            placed.path("numbers").forEach(n -> numbers.add(n.asLong()));
        }
        if (numbers.size() != count) {
            throw new IllegalStateException("placed " + numbers.size() + " of " + count + " orders");
        }
        return numbers;
    }

    List<String> connector(Path folder, int port, int batch) {
        return new ArrayList<>(List.of(
                "--connector.centra.url=http://127.0.0.1:" + sandboxPort + "/sandbox/graphql",
                "--connector.centra.token=sandbox-demo-token", "--connector.sandbox.enabled=false",
                "--server.port=" + port, "--spring.main.banner-mode=off", "--logging.level.root=WARN",
                "--logging.level.org.centraerp.connector.ConnectorApplication=INFO",
                "--connector.erp.folder=" + folder, "--connector.master-data.at-start=false",
                "--connector.orders.batch-size=" + batch,
                "--camel.main.routes-include-pattern=file:routes/export-orders.camel.yaml,file:routes/receive-centra-webhook.camel.yaml",
                MetricsLogin.connectorArgument()));
    }

    String backlog(String name, int orders, int batch, boolean postgresql) throws Exception {
        resetSandbox();
        Path folder = work.resolve(postgresql ? "erp-pg" : "erp-files");
        int port = freePort();
        List<String> args = connector(folder, port, batch);
        PostgresqlSchema state = null;
        PostgresqlSchema erp = null;
        LongSupplier done;
        if (postgresql) {
            state = PostgresqlSchema.create("bench_state");
            erp = PostgresqlSchema.create("bench_erp").withErpOrderTables();
            args.addAll(List.of("--spring.datasource.url=" + state.url(), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=", "--connector.erp.datasource.url=" + erp.url(),
                    "--connector.erp.datasource.username=postgres", "--connector.orders.files=false"));
            var tables = erp.jdbc();
            done = () -> tables.queryForObject("SELECT COUNT(*) FROM erp_order_header", Long.class);
        } else {
            args.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("state-files") + ";AUTO_SERVER=TRUE");
            done = () -> countFiles(folder.resolve("out/orders"));
        }
        long placedAt = System.nanoTime();
        place(orders);
        log("%s: %d orders placed in %d ms", name, orders, (System.nanoTime() - placedAt) / 1_000_000);
        try (ConnectorProcess connector = ConnectorProcess.start(name, work.resolve(name.replace(' ', '_') + ".log"), JVM, args)) {
            while (!connector.started()) {
                Thread.sleep(100);
            }
            // The first poll fires at the next full minute (cron 0 * * * * ?).
            Instant firstPoll = Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(1));
            log("%s: connector started, first poll at %s", name, firstPoll);
            long last = -1;
            while (done.getAsLong() < orders) {
                Thread.sleep(250);
                long now = done.getAsLong();
                if (now / 1000 != last / 1000) {
                    log("%s: %d exported", name, now);
                }
                last = now;
            }
            double seconds = Duration.between(firstPoll, Instant.now()).toMillis() / 1000.0;
            Map<String, Long> calls = calls(port);
            connector.kill();
            long fetches = (orders + batch - 1) / batch;
            long requestsNeeded = 2 * fetches + (orders + 199) / 200; // fetch + lock per batch, + poll pages of 200
            double bound = Math.max(requestsNeeded / 6.0, fetches / 2.0);
            return String.format("%-26s %8d %10.1f %12.1f %12s %7.2f %10.1f", name, orders, seconds, bound,
                    calls.getOrDefault("all", 0L) + " (" + calls.getOrDefault("setOrdersLock", 0L) + " mut)",
                    seconds / bound, orders / seconds);
        } finally {
            if (state != null) {
                state.close();
                erp.close();
            }
        }
    }

    String latency(int perMinute, int seconds) throws Exception {
        resetSandbox();
        Path folder = work.resolve("erp-latency");
        List<String> args = connector(folder, latencyPort, option("batch-size", 50));
        args.add("--spring.datasource.url=jdbc:h2:file:" + work.resolve("state-latency") + ";AUTO_SERVER=TRUE");
        args.add("--connector.webhook.secret=" + SECRET);
        Map<Long, Long> placedAt = new HashMap<>();
        try (ConnectorProcess connector = ConnectorProcess.start("latency", work.resolve("latency.log"), JVM, args)) {
            while (!connector.started()) {
                Thread.sleep(100);
            }
            int count = perMinute * seconds / 60;
            long interval = 60_000_000_000L / perMinute;
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                }
                long at = System.currentTimeMillis();
                placedAt.put(place(1).get(0), at);
            }
            Path out = folder.resolve("out/orders");
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (countFiles(out) < count && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            long[] latencies = placedAt.entrySet().stream().mapToLong(e -> fileTime(out, e.getKey()) - e.getValue())
                    .sorted().toArray();
            long missing = Arrays.stream(latencies).filter(l -> l < 0).count();
            return String.format("webhook to file, %d orders/min for %d s (%d orders): p50 %d ms, p99 %d ms, max %d ms%s",
                    perMinute, seconds, count, percentile(latencies, 50), percentile(latencies, 99),
                    latencies[latencies.length - 1], missing > 0 ? ", " + missing + " MISSING" : "");
        }
    }

    static long percentile(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static long fileTime(Path out, long number) {
        try {
            return Files.getLastModifiedTime(out.resolve("order-" + number + "-1.json")).toMillis();
        } catch (IOException e) {
            return Long.MIN_VALUE / 2;
        }
    }

    /** Centra calls the connector made, by GraphQL document, from its /actuator/prometheus. */
    static Map<String, Long> calls(int port) throws Exception {
        String text = HTTP.send(MetricsLogin.authorized(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Map<String, Long> calls = new HashMap<>();
        Matcher m = Pattern.compile("(?m)^connector_centra_requests_seconds_count\\{([^}]*)} ([0-9.E]+)").matcher(text);
        while (m.find()) {
            Matcher doc = Pattern.compile("document=\"([^\"]+)\"").matcher(m.group(1));
            long n = (long) Double.parseDouble(m.group(2));
            if (doc.find()) {
                calls.merge(doc.group(1), n, Long::sum);
            }
            calls.merge("all", n, Long::sum);
        }
        return calls;
    }

    static long countFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".json")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    String post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + sandboxPort + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS), String.format(format, args));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
