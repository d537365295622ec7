package org.centraerp.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.mapping.LookupTables.LookupTable;
import org.centraerp.connector.mapping.MasterDataMapping.EntityExport;

/**
 * Loads and checks the mappings of one customer without Spring: every {@code *.yaml} in
 * {@code <mappingsDir>/<customer>/} against its kind's schema, then JsonPaths, Simple expressions and lookups.
 * Reports all problems at once. Command line: {@code MappingValidator <mappings-dir> <customer>}.
 */
public final class MappingValidator {

    private static final Comparator<MappingProblem> IN_FILE_ORDER =
            Comparator.comparing(MappingProblem::file).thenComparingInt(MappingProblem::line);

    private final CamelContext camel;
    private final MappingSchemas schemas = new MappingSchemas();

    /** @param camel compiles Simple expressions (the application's context, or any DefaultCamelContext) */
    public MappingValidator(CamelContext camel) {
        this.camel = camel;
    }

    /** The validated mappings, or a {@link MappingConfigurationError} listing every problem. */
    public MappingSet load(Path mappingsDir, String customer) {
        List<MappingProblem> problems = new ArrayList<>();
        Optional<MappingSet> set = tryLoad(mappingsDir, customer, problems);
        problems.sort(IN_FILE_ORDER);
        if (!problems.isEmpty()) {
            throw new MappingConfigurationError("customer '" + customer + "' (" + display(mappingsDir.resolve(customer))
                    + ")", problems);
        }
        return set.orElseThrow();
    }

    /** Every problem in the customer's mappings; empty when they are fine. */
    public List<MappingProblem> validate(Path mappingsDir, String customer) {
        List<MappingProblem> problems = new ArrayList<>();
        tryLoad(mappingsDir, customer, problems);
        problems.sort(IN_FILE_ORDER);
        return problems;
    }

    private Optional<MappingSet> tryLoad(Path mappingsDir, String customer, List<MappingProblem> problems) {
        Path directory = mappingsDir.resolve(customer);
        List<Path> paths = mappingFiles(mappingsDir, directory, customer, problems);
        List<MappingFile> files = new ArrayList<>();
        Map<MappingFile, MappingKind> kinds = new LinkedHashMap<>();
        for (Path path : paths) {
            readFile(path, problems).ifPresent(file -> {
                files.add(file);
                kindOf(file).ifPresent(kind -> {
                    schemas.validate(kind, file);
                    MappingCrossChecks.check(file, kind);
                    kinds.put(file, kind);
                });
            });
        }
        LookupTables lookups = lookups(kinds, display(directory.resolve("lookups.yaml")));
        FieldMapCompiler compiler = new FieldMapCompiler(camel, lookups);
        Map<String, MappingDocument> documents = new LinkedHashMap<>();
        MasterDataMapping masterData = null;
        StockMapping stock = null;
        for (Map.Entry<MappingFile, MappingKind> entry : kinds.entrySet()) {
            MappingFile file = entry.getKey();
            MappingDocument document = new MappingDocument(file.flow(), entry.getValue(), file.displayName(),
                    file.root(), compiler.compileAll(file));
            documents.put(file.flow(), document);
            if (entry.getValue() == MappingKind.MASTER_DATA) {
                masterData = masterData(file, document);
            } else if (entry.getValue() == MappingKind.STOCK) {
                stock = StockMapping.read(file, document);
            }
        }
        return problems.isEmpty()
                ? Optional.of(new MappingSet(customer, directory, documents, lookups, masterData, stock)) : Optional.empty();
    }

    private static List<Path> mappingFiles(Path mappingsDir, Path directory, String customer,
                                           List<MappingProblem> problems) {
        if (!Files.isDirectory(directory)) {
            String message = Files.isDirectory(mappingsDir)
                    ? "no folder for customer '" + customer + "' (folders: " + String.join(", ", folders(mappingsDir))
                      + "); set connector.customer to one of them or create " + display(directory)
                    : "the mappings folder does not exist (connector.mappings-dir, resolved from "
                      + Path.of("").toAbsolutePath() + ")";
            problems.add(new MappingProblem(display(directory), "", 0, message));
            return List.of();
        }
        try (Stream<Path> list = Files.list(directory)) {
            List<Path> files = list.filter(p -> Files.isRegularFile(p) && isYaml(p)).sorted().toList();
            if (files.isEmpty()) {
                problems.add(new MappingProblem(display(directory), "", 0,
                        "no mapping files (*.yaml); copy the ones in mappings/default"));
            }
            return files;
        } catch (IOException e) {
            problems.add(new MappingProblem(display(directory), "", 0, "cannot list the folder: " + e.getMessage()));
            return List.of();
        }
    }

    private static Optional<MappingFile> readFile(Path path, List<MappingProblem> problems) {
        String name = path.getFileName().toString();
        String flow = name.substring(0, name.lastIndexOf('.'));
        String display = display(path);
        try {
            LocatedYaml yaml = LocatedYaml.read(path, display, problems);
            MappingFile file = new MappingFile(display, flow, yaml, problems);
            if (yaml.root() == null) {
                return Optional.empty();
            }
            if (!yaml.root().isObject()) {
                file.problem("", "expected keys (kind: ..., ...) at the top of the file");
                return Optional.empty();
            }
            return Optional.of(file);
        } catch (IOException e) {
            problems.add(new MappingProblem(display, "", 0, "cannot read the file: " + e.getMessage()));
            return Optional.empty();
        }
    }

    private static Optional<MappingKind> kindOf(MappingFile file) {
        JsonNode kind = file.root().get("kind");
        if (kind == null || !kind.isTextual()) {
            file.problem(kind == null ? "" : "kind", "missing 'kind' at the top of the file (one of: "
                    + MappingKind.names() + ")");
            return Optional.empty();
        }
        Optional<MappingKind> known = MappingKind.fromYaml(kind.asText());
        if (known.isEmpty()) {
            file.problem("kind", "unknown kind '" + kind.asText() + "' (kinds: " + MappingKind.names() + ")");
        }
        return known;
    }

    private static LookupTables lookups(Map<MappingFile, MappingKind> kinds, String defaultFile) {
        Map<String, LookupTable> tables = new LinkedHashMap<>();
        String definedIn = defaultFile;
        for (Map.Entry<MappingFile, MappingKind> entry : kinds.entrySet()) {
            if (entry.getValue() != MappingKind.LOOKUPS) {
                continue;
            }
            MappingFile file = entry.getKey();
            definedIn = file.displayName();
            file.root().path("tables").fields().forEachRemaining(table -> {
                String at = LocatedYaml.child("tables", table.getKey());
                LookupTable existing = tables.get(table.getKey());
                if (existing != null) {
                    file.problem(at, "lookup table '" + table.getKey() + "' is also defined in " + existing.file());
                    return;
                }
                Map<String, String> entries = new LinkedHashMap<>();
                table.getValue().fields().forEachRemaining(e -> entries.put(e.getKey(), FieldRule.text(
                        Optional.ofNullable(FieldMapCompiler.constant(e.getValue())).orElse(""))));
                tables.put(table.getKey(), new LookupTable(table.getKey(), entries, file.displayName()));
            });
        }
        return new LookupTables(tables, definedIn);
    }

    private static MasterDataMapping masterData(MappingFile file, MappingDocument document) {
        JsonNode root = file.root();
        JsonNode csv = root.path("csv");
        Charset charset = null;
        String charsetName = csv.path("charset").asText("UTF-8");
        try {
            charset = Charset.forName(charsetName);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            file.problem("csv.charset", "unknown charset '" + charsetName + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
        Map<String, EntityExport> entities = new LinkedHashMap<>();
        root.path("entities").fields().forEachRemaining(e -> {
            String fieldsPath = "entities." + e.getKey() + ".fields";
            FieldMap fields = document.fieldMaps().get(fieldsPath);
            if (fields != null) {
                entities.put(e.getKey(), new EntityExport(e.getKey(), e.getValue().path("file").asText(),
                        Optional.ofNullable(e.getValue().path("table").textValue()), fields));
            }
        });
        MasterDataMapping.Format format = "json".equals(root.path("format").asText("csv"))
                ? MasterDataMapping.Format.JSON : MasterDataMapping.Format.CSV;
        String delimiter = csv.path("delimiter").asText(";");
        return new MasterDataMapping(file.displayName(), format, new MasterDataMapping.Csv(
                delimiter.isEmpty() ? ';' : delimiter.charAt(0), charset, csv.path("header").asBoolean(true)), entities);
    }

    private static boolean isYaml(Path path) {
        String name = path.getFileName().toString();
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static List<String> folders(Path mappingsDir) {
        try (Stream<Path> list = Files.list(mappingsDir)) {
            return list.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Paths as the operator typed them (relative to the working folder), with forward slashes. */
    static String display(Path path) {
        return path.normalize().toString().replace('\\', '/');
    }

    /** Checks one customer's mappings: prints every problem and exits 1, or prints a summary and exits 0. */
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: MappingValidator <mappings-dir> <customer>");
            System.exit(2);
        }
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            List<MappingProblem> problems = new MappingValidator(camel).validate(Path.of(args[0]), args[1]);
            problems.forEach(System.out::println);
            System.out.println(problems.isEmpty() ? "mappings of '" + args[1] + "' are valid"
                    : problems.size() + " problem(s) in the mappings of '" + args[1] + "'");
            System.exit(problems.isEmpty() ? 0 : 1);
        }
    }
}
