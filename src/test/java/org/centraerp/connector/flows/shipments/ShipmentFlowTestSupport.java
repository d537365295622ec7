package org.centraerp.connector.flows.shipments;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.sandbox.shipments.ShipmentFaults;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shipments and returns routes on the embedded sandbox: orders are placed in the sandbox, ERP files are dropped
 * in a temporary ERP folder, and what the connector did is read back from Centra (the sandbox) and the reports.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:shipments-e2e;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.orders.enabled=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.shipments.poll-delay=200",
        "connector.returns.poll-delay=200"})
public abstract class ShipmentFlowTestSupport {

    /** One ERP folder for the JVM: the Spring context (and its file routes) is shared by every subclass. */
    protected static final Path erp = createFolder();

    private static Path createFolder() {
        try {
            return Files.createTempDirectory("shipments-e2e-erp");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry registry) {
        registry.add("connector.erp.folder", () -> erp.toString());
    }

    @Autowired
    protected TestRestTemplate http;

    @Autowired
    protected CentraClient centra;

    @Autowired
    protected JdbcTemplate state;

    @Autowired
    protected ShipmentFaults faults;

    @BeforeEach
    @AfterEach
    void calm() {
        faults.reset();
    }

    /** Places orders in the sandbox; answers their numbers. */
    @SuppressWarnings("unchecked")
    protected List<Integer> placeOrders(int count) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        Map<String, Object> placed = http.postForObject("/sandbox/admin/orders",
                new HttpEntity<>("{\"count\":" + count + "}", headers), Map.class);
        return (List<Integer>) placed.get("numbers");
    }

    protected JsonNode order(int number) {
        return centra.query("testOrderShipments", Map.of("number", number)).data().path("orders").get(0);
    }

    /** CSV rows shipping every line of the order in full: shipment_no;order_no;sku;ean;quantity;carrier;... */
    protected List<String> shipEverything(String reference, int number, String tracking) {
        List<String> rows = new ArrayList<>();
        for (JsonNode line : order(number).path("lines")) {
            rows.add(String.join(";", reference, Integer.toString(number), line.path("productSize").path("SKU").asText(),
                    "", line.path("quantity").asText(), "PostNord", "MyPack Home", tracking,
                    "https://tracking.example/" + tracking, "", "1", "2026-01-09 15:18:33"));
        }
        return rows;
    }

    protected static final String SHIPMENT_HEADER = "shipment_no;order_no;sku;ean;quantity;carrier;service;"
            + "tracking_no;tracking_url;return_tracking_no;packages;shipped_at";

    /** Drops a file as the ERP would: written as .tmp, then renamed. */
    protected Path drop(String flow, String name, String header, List<String> rows) {
        try {
            Path inbox = Files.createDirectories(erp.resolve("in").resolve(flow));
            Path temp = inbox.resolve(name + ".tmp");
            List<String> all = new ArrayList<>();
            all.add(header);
            all.addAll(rows);
            Files.write(temp, all, StandardCharsets.UTF_8);
            return Files.move(temp, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the n-th report of a file name (re-drops get time-stamped names) and answers its rows. */
    protected List<Map<String, String>> awaitReport(String flow, String name, int nth) {
        Path done = erp.resolve("in").resolve(flow).resolve(".done");
        String base = name.substring(0, name.lastIndexOf('.'));
        // the report is written just before the file is moved: wait for both, so a re-drop of the name never meets it
        await().atMost(Duration.ofSeconds(30)).until(() -> reports(done, base).size() >= nth
                && !Files.exists(erp.resolve("in").resolve(flow).resolve(name)));
        try (var parser = org.apache.commons.csv.CSVParser.builder().setReader(Files.newBufferedReader(reports(done, base).get(nth - 1)))
                .setFormat(org.apache.commons.csv.CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
                        .setSkipHeaderRecord(true).get()).get()) {
            return parser.stream().map(r -> r.toMap()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> reports(Path done, String base) throws IOException {
        if (!Files.isDirectory(done)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(done)) {
            return files.filter(p -> p.getFileName().toString().startsWith(base)
                    && p.getFileName().toString().endsWith(".report.csv"))
                    .sorted(java.util.Comparator.comparing((Path p) -> p.getFileName().toString().length())
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    protected static Map<String, String> row(List<Map<String, String>> report, String reference) {
        return report.stream().filter(r -> reference.equals(r.get("erp_reference"))).findFirst()
                .orElseThrow(() -> new AssertionError("no report row for " + reference + ": " + report));
    }
}
