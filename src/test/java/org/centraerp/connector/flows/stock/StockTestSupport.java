package org.centraerp.connector.flows.stock;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Dropping stock files, waiting for their outcome, reading reports, and reading stock back from a sandbox over its
 * GraphQL API, for the stock tests (in-process or against a sandbox in another process).
 */
final class StockTestSupport {

    static final String DEMO_TOKEN = "sandbox-demo-token";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The sweaters and the chair of the seeded sandbox store. */
    static final List<String> SAMPLE_SKUS = List.of("SWEATER-RED-S", "SWEATER-RED-M", "SWEATER-RED-L",
            "SWEATER-BLUE-S", "SWEATER-BLUE-M", "SWEATER-BLUE-L", "CHAIR-OAK");

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path inbox;
    private final String sandboxBase;

    /** @param sandboxBase e.g. {@code http://127.0.0.1:8080} */
    StockTestSupport(Path inbox, String sandboxBase) {
        this.inbox = inbox;
        this.sandboxBase = sandboxBase;
    }

    Path inbox() {
        return inbox;
    }

    /** Writes the file as {@code name.tmp} and renames it, as an ERP should. */
    Path drop(String name, String content) {
        return drop(name, content.getBytes(StandardCharsets.UTF_8));
    }

    Path drop(String name, byte[] content) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve(name + ".tmp");
            Files.write(temp, content);
            return Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sampleFile() {
        try {
            return Files.readString(Path.of("samples/stock/stock.csv"), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A mappings folder with one customer, {@code delta}: the shipped default mappings with stock in delta mode
     * (movements). Copied, so that every kind the other flows need is there.
     *
     * @return the folder for {@code connector.mappings-dir}
     */
    static Path deltaMappings(Path folder) {
        try {
            Path customer = Files.createDirectories(folder.resolve("delta"));
            try (Stream<Path> files = Files.list(Path.of("mappings/default"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    Files.copy(file, customer.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Path stock = customer.resolve("stock.yaml");
            String text = Files.readString(stock);
            if (!text.contains("\nmode: absolute")) {
                throw new IllegalStateException("mappings/default/stock.yaml has no 'mode: absolute' line to turn");
            }
            Files.writeString(stock, text.replace("\nmode: absolute", "\nmode: delta"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties the inbox and its .done/.error folders. */
    void clearInbox() {
        if (!Files.exists(inbox)) {
            return;
        }
        try (Stream<Path> all = Files.walk(inbox)) {
            all.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(inbox)).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the n-th report is in .done/ and the inbox holds no file; returns the reports, oldest first. */
    List<Path> awaitReports(int count) {
        await().atMost(PATIENCE).until(() -> files(".done", ".report.csv").size() >= count && waiting().isEmpty());
        return files(".done", ".report.csv");
    }

    /** Waits until the n-th error text is in .error/ and the inbox holds no file. */
    List<Path> awaitErrors(int count) {
        await().atMost(PATIENCE).until(() -> files(".error", ".error.txt").size() >= count && waiting().isEmpty());
        return files(".error", ".error.txt");
    }

    /** Files still waiting in the inbox. */
    List<Path> waiting() {
        try (Stream<Path> list = Files.list(inbox)) {
            return list.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<Path> files(String folder, String suffix) {
        Path dir = inbox.resolve(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(p -> p.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(StockTestSupport::modified)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's lines as column → value maps, by line number. */
    static Map<Long, Map<String, String>> report(Path report) {
        try {
            Map<Long, Map<String, String>> lines = new TreeMap<>();
            for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                    .get().parse(new StringReader(Files.readString(report, StandardCharsets.UTF_8)))) {
                lines.put(Long.parseLong(record.get("line")), record.toMap());
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Physical stock in the sandbox as "SKU@warehouseId" → quantity, for every size with a stock row. */
    Map<String, Integer> physicalStock() {
        JsonNode data = graphql("{ warehouses(limit: 200) { id stock(limit: 200) { physicalQuantity "
                + "productSize { SKU } } } }").path("data");
        Map<String, Integer> stock = new TreeMap<>();
        for (JsonNode warehouse : data.path("warehouses")) {
            for (JsonNode row : warehouse.path("stock")) {
                stock.put(row.path("productSize").path("SKU").asText() + "@" + warehouse.path("id").asInt(),
                        row.path("physicalQuantity").asInt());
            }
        }
        return stock;
    }

    /** Descriptions of every stock change in the sandbox. */
    List<String> stockChangeComments() {
        JsonNode edges = graphql("{ stockChangeConnection(first: 200) { edges { node { comment } } } }")
                .path("data").path("stockChangeConnection").path("edges");
        List<String> comments = new ArrayList<>();
        edges.forEach(e -> comments.add(e.path("node").path("comment").asText()));
        return comments;
    }

    JsonNode graphql(String query) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxBase + "/sandbox/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + DEMO_TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || body.has("errors")) {
                throw new AssertionError("sandbox answered " + response.statusCode() + ": " + response.body());
            }
            return body;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** PUT /sandbox/admin/knobs. */
    void knobs(String knobsJson) {
        admin("PUT", "/sandbox/admin/knobs", knobsJson);
    }

    /** POST /sandbox/admin/reset: the seeded store, the configured knobs. */
    void resetSandbox() {
        admin("POST", "/sandbox/admin/reset", "");
    }

    private void admin(String method, String path, String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxBase + path))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls of a Centra document the connector made in this JVM, whatever their outcome. */
    static long calls(MeterRegistry registry, String document) {
        return registry.find("connector.centra.requests").tag("document", document).timers().stream()
                .mapToLong(Timer::count).sum();
    }

    static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
