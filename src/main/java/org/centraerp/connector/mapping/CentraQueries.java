package org.centraerp.connector.mapping;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraSchema;
import org.centraerp.connector.mapping.CentraPaths.Read;

/**
 * The Centra → ERP queries of one customer: for each flow, its frame ({@code centra/frames/<name>.graphql}: the
 * operation and what the flow itself needs) plus every path its mapping reads, checked against Centra's schema; or
 * the customer's own {@code queries/<name>.graphql}, checked the same way. Problems name the mapping file, line and
 * key ({@code mappings/acme/orders.yaml:41: header.fields[7].from: Order has no field 'grandTotl' (did you mean
 * 'grandTotal'?)}).
 */
public final class CentraQueries {

    /** Where built queries' frames are on the class path. */
    static final String FRAMES = "centra/frames/";

    /**
     * One query a flow runs.
     *
     * @param document the name the flow runs it by ({@code orders}, {@code returns/returns}, {@code markets} ...)
     * @param text     the GraphQL document
     * @param source   where it comes from, for the operator
     */
    public record Query(String document, String text, String source) {
    }

    /** The queries, or the problems that stop the start. */
    public record Outcome(List<Query> queries, List<MappingProblem> problems) {
    }

    /**
     * A Centra → ERP flow's query: the document name the flow runs, its frame, and which field lists of which
     * mapping read from it (key path of the list → where its records are in the query's list item).
     */
    record FlowQuery(String document, String frame, MappingDocument mapping, Map<String, List<String>> parts) {

        /** The file name under {@code queries/} that replaces the built query. */
        String overrideName() {
            return document.substring(document.lastIndexOf('/') + 1) + ".graphql";
        }
    }

    private CentraQueries() {
    }

    /** The flows' queries from the customer's mappings; {@code schema} null: only the customer's own queries. */
    public static Outcome plan(MappingSet mappings, CentraSchema schema) {
        List<Query> queries = new ArrayList<>();
        List<MappingProblem> problems = new ArrayList<>();
        CentraQueryBuilder builder = new CentraQueryBuilder(schema);
        for (FlowQuery flow : flows(mappings, problems)) {
            Lines lines = Lines.of(flow.mapping());
            List<Read> reads = new ArrayList<>();
            List<String[]> invalid = new ArrayList<>();
            flow.parts().forEach((key, prefix) -> reads.addAll(
                    CentraPaths.of(fieldList(flow.mapping(), key), key, prefix, invalid)));
            invalid.forEach(i -> problems.add(lines.problem(i[0], i[1])));
            Path override = mappings.directory().resolve("queries").resolve(flow.overrideName());
            if (Files.isRegularFile(override)) {
                String display = MappingValidator.display(override);
                String text = read(override);
                String frame = flow.frame() == null ? text : resource(flow.frame());
                for (CentraQueryBuilder.Problem p : builder.check(frame, text, reads)) {
                    problems.add(new MappingProblem(display, "", p.queryLine(), p.message()));
                }
                queries.add(new Query(flow.document(), text, display));
            } else if (schema != null) {
                CentraQueryBuilder.Result result = builder.build(resource(flow.frame()), reads);
                result.problems().forEach(p -> problems.add(p.keyPath().isEmpty()
                        ? new MappingProblem(flow.mapping().file(), "", 0, p.message())
                        : lines.problem(p.keyPath(), p.message())));
                queries.add(new Query(flow.document(), "# Built from " + flow.mapping().file() + " and "
                        + flow.frame() + "\n" + result.text(), flow.mapping().file()));
            }
        }
        checkOtherQueries(mappings, builder, flows(mappings, new ArrayList<>()), problems);
        return new Outcome(queries, problems);
    }

    /**
     * The customer's other documents under {@code queries/} (for routes' {@code centra:} endpoints): valid GraphQL
     * that Centra's schema accepts.
     */
    private static void checkOtherQueries(MappingSet mappings, CentraQueryBuilder builder, List<FlowQuery> flows,
                                          List<MappingProblem> problems) {
        Path folder = mappings.directory().resolve("queries");
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<String> overrides = flows.stream().map(FlowQuery::overrideName).toList();
        try (java.util.stream.Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".graphql")).sorted().toList()) {
                if (!overrides.contains(file.getFileName().toString())) {
                    String text = read(file);
                    for (CentraQueryBuilder.Problem p : builder.check(text, text, List.of())) {
                        problems.add(new MappingProblem(MappingValidator.display(file), "", p.queryLine(), p.message()));
                    }
                }
            }
        } catch (IOException e) {
            problems.add(new MappingProblem(MappingValidator.display(folder), "", 0, "cannot list: " + e.getMessage()));
        }
    }

    /** The Centra → ERP flows of these mappings and the frames their queries start from. */
    static List<FlowQuery> flows(MappingSet mappings, List<MappingProblem> problems) {
        List<FlowQuery> flows = new ArrayList<>();
        Map<String, List<String>> headerAndLines = new LinkedHashMap<>();
        headerAndLines.put("header.fields", List.of());
        headerAndLines.put("lines.fields", List.of("lines"));
        mappings.documents(MappingKind.ORDERS).stream().findFirst().ifPresent(d ->
                flows.add(new FlowQuery("orders", FRAMES + "orders.graphql", d, headerAndLines)));
        mappings.documents(MappingKind.RETURNS_EXPORT).stream().findFirst().ifPresent(d ->
                flows.add(new FlowQuery("returns/returns", FRAMES + "returns.graphql", d, headerAndLines)));
        for (MappingDocument d : mappings.documents(MappingKind.EXPORT)) {
            String query = d.root().path("query").asText(d.flow());
            String frame = FRAMES + query + ".graphql";
            if (resourceExists(frame) || Files.isRegularFile(mappings.directory().resolve("queries")
                    .resolve(query + ".graphql"))) {
                flows.add(new FlowQuery(query, resourceExists(frame) ? frame : null, d, Map.of("fields", List.of())));
            } else {
                problems.add(Lines.of(d).problem("query", "no query '" + query + "': write it in "
                        + MappingValidator.display(mappings.directory().resolve("queries").resolve(query + ".graphql"))));
            }
        }
        for (MappingDocument d : mappings.documents(MappingKind.MASTER_DATA)) {
            d.root().path("entities").fieldNames().forEachRemaining(entity -> {
                String frame = FRAMES + entity + ".graphql";
                if (resourceExists(frame)) {
                    flows.add(new FlowQuery(entity, frame, d, Map.of("entities." + entity + ".fields", List.of())));
                } else {
                    problems.add(Lines.of(d).problem("entities." + entity, "no Centra query for entity '" + entity
                            + "' (entities: stores, markets, warehouses, pricelists, sizeCharts)"));
                }
            });
        }
        return flows;
    }

    private static JsonNode fieldList(MappingDocument document, String keyPath) {
        JsonNode node = document.root();
        for (String part : keyPath.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }

    static String resource(String name) {
        try (InputStream in = CentraQueries.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + ": " + e.getMessage(), e);
        }
    }

    private static boolean resourceExists(String name) {
        return CentraQueries.class.getClassLoader().getResource(name) != null;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + MappingValidator.display(file) + ": " + e.getMessage(), e);
        }
    }

    /** Lines of a mapping file's keys, read again from the file (the validated document keeps only the tree). */
    private record Lines(String file, LocatedYaml yaml) {

        static Lines of(MappingDocument document) {
            try {
                return new Lines(document.file(), LocatedYaml.read(Path.of(document.file()), document.file(),
                        new ArrayList<>()));
            } catch (IOException e) {
                return new Lines(document.file(), null);
            }
        }

        MappingProblem problem(String keyPath, String message) {
            return new MappingProblem(file, keyPath, yaml == null ? 0 : yaml.line(keyPath), message);
        }
    }
}
