package org.centraerp.connector.flows.stock;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.testsupport.ConnectorProcess;
import org.centraerp.connector.testsupport.MetricsLogin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The large-file stock benchmark (not a unit test; run {@code bench/stock-large.sh}): one stock file of
 * {@code sizes} sizes x 2 warehouses (1,000,000 lines by default) through a connector whose JVM has
 * {@code -Xmx256m}. The sandbox runs in this JVM (it holds every size, so it needs the larger heap) without
 * latency or rate limits, since the point is memory, not Centra's pace; the connector runs in a child JVM.
 * Prints the time, lines per second, the connector's peak heap (sampled from its /actuator/prometheus every
 * 200 ms) and the report's outcomes, which must cover every line.
 */
public final class StockLargeFileBenchmark {

    private static final String CONNECTOR_HEAP = "-Xmx256m";

    private StockLargeFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int sizes = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        Path work = Files.createTempDirectory("stock-large-bench");
        ConfigurableApplicationContext sandbox = new SpringApplication(ConnectorApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:sandbox-host",
                "--camel.main.auto-startup=false",
                "--connector.master-data.at-start=false",
                "--connector.sandbox.rate-limit-tier=NONE",
                "--logging.level.root=WARN");
        int exit = 1;
        try {
            exit = run(sandbox, work, sizes) ? 0 : 1;
        } finally {
            sandbox.close();
        }
        System.exit(exit);
    }

    private static boolean run(ConfigurableApplicationContext sandbox, Path work, int sizes) throws Exception {
        StockBenchmark.seed(sandbox.getBean(SandboxData.class), sizes);
        int sandboxPort = ((WebServerApplicationContext) sandbox).getWebServer().getPort();
        int connectorPort = freePort();
        Path inbox = work.resolve("erp/in/stock");
        long lines = (long) sizes * StockBenchmark.WAREHOUSES;
        Path log = work.resolve("connector.log");
        List<String> arguments = List.of(
                "--connector.centra.url=http://127.0.0.1:" + sandboxPort + "/sandbox/graphql",
                "--connector.centra.token=sandbox-demo-token",
                "--connector.sandbox.enabled=false",
                "--server.port=" + connectorPort,
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath(),
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.master-data.at-start=false",
                "--connector.centra.rate-limit.mutations-per-10s=0",
                "--connector.centra.rate-limit.requests-per-10s=0",
                "--logging.level.org.centraerp.connector.centra=WARN",
                MetricsLogin.connectorArgument());
        try (ConnectorProcess connector = ConnectorProcess.start("stock-large", log,
                List.of(CONNECTOR_HEAP, "-XX:+UseSerialGC"), arguments)) {
            awaitUntil(Duration.ofMinutes(2), connector::started);
            HeapSampler heap = new HeapSampler(connectorPort);
            heap.sample();
            long baseline = heap.peak();
            long start = System.nanoTime();
            StockBenchmark.drop(inbox, "stock-large.csv", sizes, 0);
            Path done = inbox.resolve(".done");
            awaitUntil(Duration.ofHours(2), () -> {
                heap.sample();
                return reports(done).size() == 1 || !connector.isAlive();
            });
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!connector.isAlive()) {
                System.out.println("The connector ended while reading the file; see " + log);
                return false;
            }
            Map<String, Long> outcomes = outcomes(reports(done).get(0));
            long reported = outcomes.values().stream().mapToLong(Long::longValue).sum();
            System.out.printf("%n=== Stock large-file benchmark: %,d sizes x %d warehouses = %,d lines, connector JVM %s,"
                    + " sandbox without latency or rate limits ===%n", sizes, StockBenchmark.WAREHOUSES, lines,
                    CONNECTOR_HEAP);
            System.out.printf("%-40s %10.1f s%n", "time, drop to report", took.toMillis() / 1000.0);
            System.out.printf("%-40s %,10.0f%n", "lines per second", lines / (took.toMillis() / 1000.0));
            System.out.printf("%-40s %,10d MB (%,d MB after start; sampled every 200 ms)%n",
                    "connector peak heap in use", heap.peak() >> 20, baseline >> 20);
            System.out.printf("%-40s %,10d of %,d lines %s%n", "lines in the report", reported, lines, outcomes);
            return reported == lines;
        }
    }

    /** The heap in use of the connector, summed over its pools, as its Prometheus endpoint tells. */
    private static final class HeapSampler {
        private final HttpClient http = HttpClient.newHttpClient();
        private final URI uri;
        private final AtomicLong peak = new AtomicLong();
        private long lastSample;

        HeapSampler(int port) {
            uri = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
        }

        void sample() {
            if (System.nanoTime() - lastSample < 200_000_000L) {
                return;
            }
            lastSample = System.nanoTime();
            try {
                String text = http.send(MetricsLogin.authorized(HttpRequest.newBuilder(uri)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                long used = text.lines()
                        .filter(l -> l.startsWith("jvm_memory_used_bytes{") && l.contains("area=\"heap\""))
                        .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                        .sum();
                peak.accumulateAndGet(used, Math::max);
            } catch (IOException e) {
                // the connector is busy or gone; the next sample tells
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        long peak() {
            return peak.get();
        }
    }

    /** How many report lines have each outcome, read as a stream (the report has a line per stock line). */
    private static Map<String, Long> outcomes(Path report) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(report, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            int column = List.of(header.split(";")).indexOf("outcome");
            if (column < 0) {
                throw new IllegalStateException("the report has no outcome column: " + header);
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                counts.merge(line.split(";", -1)[column], 1L, Long::sum);
            }
        }
        return counts;
    }

    private static List<Path> reports(Path done) throws IOException {
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".report.csv")).toList();
        }
    }

    private static void awaitUntil(Duration atMost, java.util.concurrent.Callable<Boolean> condition)
            throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up after " + atMost);
            }
            Thread.sleep(100);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
