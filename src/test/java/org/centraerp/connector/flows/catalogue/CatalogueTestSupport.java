package org.centraerp.connector.flows.catalogue;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
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
 * Dropping ERP files in an inbox, waiting for their reports, and reading the sandbox back over its GraphQL API, for
 * the catalogue and price tests.
 */
public final class CatalogueTestSupport {

    static final String DEMO_TOKEN = "sandbox-demo-token";
    static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path inbox;
    private final String sandboxBase;

    public CatalogueTestSupport(Path inbox, String sandboxBase) {
        this.inbox = inbox;
        this.sandboxBase = sandboxBase;
    }

    public Path inbox() {
        return inbox;
    }

    /** Writes the file as {@code name.tmp} and renames it, as an ERP should. */
    public Path drop(String name, String content) {
        try {
            Files.createDirectories(inbox);
            Path temp = inbox.resolve(name + ".tmp");
            Files.writeString(temp, content, StandardCharsets.UTF_8);
            return Files.move(temp, inbox.resolve(name), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sample(String path) {
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clearInbox() {
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

    /** Waits until the n-th report is in .done/ and the inbox holds no file; the reports, oldest first. */
    public List<Path> awaitReports(int count) {
        await().atMost(PATIENCE).until(() -> files(".done", ".report.csv").size() >= count && waiting().isEmpty());
        return files(".done", ".report.csv");
    }

    public List<Path> awaitErrors(int count) {
        await().atMost(PATIENCE).until(() -> files(".error", ".error.txt").size() >= count && waiting().isEmpty());
        return files(".error", ".error.txt");
    }

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
                    .sorted(Comparator.comparing(CatalogueTestSupport::modified)
                            .thenComparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report's rows as column → value maps, by line number. */
    public static Map<Long, Map<String, String>> report(Path report) {
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

    /** Every SKU in the sandbox with its EAN, as "SKU" → "EAN". */
    public Map<String, String> skus() {
        Map<String, String> skus = new TreeMap<>();
        for (JsonNode product : graphql("{ products(limit: 200) { variants { productSizes { SKU EAN } } } }")
                .path("data").path("products")) {
            for (JsonNode variant : product.path("variants")) {
                for (JsonNode size : variant.path("productSizes")) {
                    skus.merge(size.path("SKU").asText(), size.path("EAN").asText(), (a, b) -> a + "+DUPLICATE");
                }
            }
        }
        return skus;
    }

    public JsonNode graphql(String query) {
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

    /** POST /sandbox/admin/reset: the seeded store. */
    public void resetSandbox() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(sandboxBase + "/sandbox/admin/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError("reset answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Calls of Centra documents whose name starts with the prefix, made in this JVM, whatever their outcome. */
    public static long calls(MeterRegistry registry, String documentPrefix) {
        return registry.find("connector.centra.requests").timers().stream()
                .filter(t -> String.valueOf(t.getId().getTag("document")).startsWith(documentPrefix))
                .mapToLong(Timer::count).sum();
    }

    /** Mutations the import sends: every catalogue/create*, update*, and setIdConversions. */
    public static long mutations(MeterRegistry registry) {
        return calls(registry, "catalogue/create") + calls(registry, "catalogue/update")
                + calls(registry, "setIdConversions") + calls(registry, "prices/setPrices");
    }

    static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static long modified(Path path) {
        try {
            return Files.getLastModifiedTime(path).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }
}
