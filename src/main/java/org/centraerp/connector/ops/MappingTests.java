package org.centraerp.connector.ops;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.centraerp.connector.erp.ErpFileFormat;
import org.centraerp.connector.flows.orders.MappedOrder;
import org.centraerp.connector.flows.orders.OrderErpWriter;
import org.centraerp.connector.flows.records.RecordExport;
import org.centraerp.connector.flows.returns.ReturnsConfiguration;
import org.centraerp.connector.mapping.MappedRecord;
import org.centraerp.connector.mapping.MappingDocument;
import org.centraerp.connector.mapping.MappingKind;
import org.centraerp.connector.mapping.MappingSet;
import org.centraerp.connector.mapping.MasterDataMapping;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.mapping.RecordMappingException;

/**
 * A customer's mapping regression tests: under {@code mappings/<customer>/tests/<flow>/} each
 * {@code <case>.centra.json} (a Centra record as the flow's query answers it; for master data a list) has a
 * {@code <case>.expected.<ext>} with exactly what the ERP gets. Flows: {@code orders}, {@code returns},
 * {@code master-data/<entity>}, and each flow of mapping kind export by its name (e.g. {@code customers}). {@code check} runs them and prints a diff for each that differs.
 */
public final class MappingTests {

    /** One case: its input file, whether the output matched, and if not, what differs. */
    public record Outcome(String file, boolean passed, String difference) {
    }

    static final String RECORD = ".centra.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private MappingTests() {
    }

    /** Every case under the customer's {@code tests/}, in file order; none when there is no such folder. */
    public static List<Outcome> run(MappingSet mappings) {
        Path tests = mappings.directory().resolve("tests");
        if (!Files.isDirectory(tests)) {
            return List.of();
        }
        List<Outcome> outcomes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path input : files.filter(f -> f.getFileName().toString().endsWith(RECORD)).sorted().toList()) {
                outcomes.add(runCase(mappings, tests, input));
            }
        } catch (IOException e) {
            outcomes.add(new Outcome(display(tests), false, "cannot read the tests: " + e.getMessage()));
        }
        return outcomes;
    }

    /** Prints one line per case (and the diff of each that failed); 0 when all passed, 1 otherwise. */
    public static int print(List<Outcome> outcomes, PrintStream out) {
        if (outcomes.isEmpty()) {
            return 0;
        }
        long failed = outcomes.stream().filter(o -> !o.passed()).count();
        out.println("Mapping tests:");
        for (Outcome outcome : outcomes) {
            out.println("  " + (outcome.passed() ? "ok     " : "FAILED ") + outcome.file());
            if (!outcome.passed()) {
                outcome.difference().lines().forEach(l -> out.println("         " + l));
            }
        }
        out.println(failed == 0 ? "mapping tests: " + outcomes.size() + " passed"
                : "check failed: " + failed + " of " + outcomes.size() + " mapping tests differ from their expected"
                  + " output — fix the mapping, or the .expected file if the change is intended");
        return failed == 0 ? 0 : 1;
    }

    private static Outcome runCase(MappingSet mappings, Path tests, Path input) {
        String name = input.getFileName().toString();
        String caseName = name.substring(0, name.length() - RECORD.length());
        Path relative = tests.relativize(input.getParent());
        String flow = relative.getNameCount() == 0 ? "" : relative.getName(0).toString();
        String file = display(input);
        try {
            JsonNode record = JSON.readTree(input.toFile());
            Rendered actual = switch (flow) {
                case "orders" -> order(mappings, record);
                case "returns" -> returned(mappings, record);
                case "master-data" -> masterData(mappings, relative.getNameCount() > 1
                        ? relative.getName(1).toString() : "", record);
                default -> exported(mappings, flow, record);
            };
            Optional<Path> expected = expected(input.getParent(), caseName);
            if (expected.isEmpty()) {
                return new Outcome(file, false, "no " + caseName + ".expected.* beside it; the ERP would get:\n"
                        + actual.text());
            }
            String wanted = Files.readString(expected.get(), actual.charset());
            return difference(wanted, actual.text()).map(d -> new Outcome(file, false, d))
                    .orElse(new Outcome(file, true, ""));
        } catch (RecordMappingException e) {
            return new Outcome(file, false, "cannot be mapped: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return new Outcome(file, false, e.getMessage());
        }
    }

    private record Rendered(String text, Charset charset) {
    }

    private static Rendered order(MappingSet mappings, JsonNode order) {
        OrdersMapping mapping = OrdersMapping.of(single(mappings, MappingKind.ORDERS));
        MappedOrder mapped = MappedOrder.map(mapping, order, 1);
        return new Rendered(new String(OrderErpWriter.render(mapping, mapped), mapping.csv().charset()),
                mapping.csv().charset());
    }

    private static Rendered returned(MappingSet mappings, JsonNode found) {
        OrdersMapping mapping = OrdersMapping.of(single(mappings, MappingKind.RETURNS_EXPORT),
                ReturnsConfiguration.EXPORT_COLUMNS, "return-");
        int version = "COMPLETED".equals(found.path("status").asText()) ? 2 : 1;
        MappedOrder mapped = MappedOrder.map(mapping, found, "return_id", found.path("id").asLong(), version);
        return new Rendered(new String(OrderErpWriter.render(mapping, mapped), mapping.csv().charset()),
                mapping.csv().charset());
    }

    /** A flow of mapping kind export (e.g. customers): the record's file as {@link RecordExport} renders it. */
    private static Rendered exported(MappingSet mappings, String flow, JsonNode record) {
        MappingDocument document = mappings.document(flow).filter(d -> d.kind() == MappingKind.EXPORT)
                .orElseThrow(() -> new IllegalArgumentException("unknown flow folder '" + flow + "' (orders, returns,"
                        + " master-data/<entity>, or a flow of mapping kind export such as customers)"));
        Map<String, Object> row = document.fieldMap("fields").map(record);
        return new Rendered(new String(RecordExport.content(row), StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static Rendered masterData(MappingSet mappings, String entity, JsonNode objects) {
        MasterDataMapping mapping = mappings.masterData();
        MasterDataMapping.EntityExport export = mapping.entity(entity).orElseThrow(() -> new IllegalArgumentException(
                "entity '" + entity + "' is not in " + mapping.file() + " (folders: tests/master-data/<entity>)"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (JsonNode object : objects.isArray() ? objects : JSON.createArrayNode().add(objects)) {
            MappedRecord mapped = export.fields().apply(object);
            if (mapped.isValid()) { // as the flow does: an object the mapping cannot take is left out
                rows.add(mapped.values());
            }
        }
        Charset charset = mapping.csv().charset();
        ErpFileFormat format = mapping.format() == MasterDataMapping.Format.JSON ? ErpFileFormat.json(charset)
                : ErpFileFormat.csv(mapping.csv().delimiter(), charset, mapping.csv().header());
        return new Rendered(new String(format.render(export.fields().fieldNames(), rows), charset), charset);
    }

    private static MappingDocument single(MappingSet mappings, MappingKind kind) {
        return mappings.documents(kind).stream().findFirst().orElseThrow(() -> new IllegalArgumentException(
                "no mapping of kind " + kind.yamlName() + " to test"));
    }

    private static Optional<Path> expected(Path folder, String caseName) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith(caseName + ".expected.")).findFirst();
        }
    }

    /** Line by line: where expected and actual part, with both lines. */
    static Optional<String> difference(String expected, String actual) {
        List<String> wanted = expected.replace("\r\n", "\n").lines().toList();
        List<String> got = actual.replace("\r\n", "\n").lines().toList();
        if (wanted.equals(got)) {
            return Optional.empty();
        }
        StringBuilder diff = new StringBuilder();
        int shown = 0;
        for (int i = 0; i < Math.max(wanted.size(), got.size()) && shown < 20; i++) {
            String w = i < wanted.size() ? wanted.get(i) : null;
            String g = i < got.size() ? got.get(i) : null;
            if (!java.util.Objects.equals(w, g)) {
                diff.append("line ").append(i + 1).append(":\n");
                diff.append("  - ").append(w == null ? "(no line)" : w).append('\n');
                diff.append("  + ").append(g == null ? "(no line)" : g).append('\n');
                shown++;
            }
        }
        return Optional.of(diff.toString().stripTrailing());
    }

    private static String display(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }

}
