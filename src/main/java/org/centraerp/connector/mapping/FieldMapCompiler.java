package org.centraerp.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.InvalidPathException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Expression;
import org.centraerp.connector.mapping.LookupTables.LookupTable;

/** Compiles {@code fields:} lists: JsonPaths, Simple expressions, lookups and constants are checked once, here. */
final class FieldMapCompiler {

    private static final List<String> SOURCES = List.of("from", "expression", "value");

    private final CamelContext camel;
    private final LookupTables lookups;

    FieldMapCompiler(CamelContext camel, LookupTables lookups) {
        this.camel = camel;
        this.lookups = lookups;
    }

    /** Every array under a {@code fields} key anywhere in the file, by key path. */
    Map<String, FieldMap> compileAll(MappingFile file) {
        Map<String, FieldMap> maps = new java.util.LinkedHashMap<>();
        collect(file, file.root(), "", maps);
        return maps;
    }

    private void collect(MappingFile file, JsonNode node, String path, Map<String, FieldMap> maps) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(entry -> {
                String child = LocatedYaml.child(path, entry.getKey());
                if (entry.getKey().equals("fields") && entry.getValue().isArray()) {
                    maps.put(child, compile(file, entry.getValue(), child));
                } else {
                    collect(file, entry.getValue(), child, maps);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(file, node.get(i), LocatedYaml.child(path, i), maps);
            }
        }
    }

    FieldMap compile(MappingFile file, JsonNode list, String path) {
        List<FieldRule> rules = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode field = list.get(i);
            String at = LocatedYaml.child(path, i);
            if (!field.isObject() || !field.path("name").isTextual()) {
                continue; // the schema check reports it
            }
            String name = field.get("name").asText();
            String first = seen.putIfAbsent(name, at);
            if (first != null) {
                file.problem(LocatedYaml.child(at, "name"), "duplicate field name '" + name + "' (also " + first + ")");
            }
            compileField(file, field, at).ifPresent(rules::add);
        }
        return new FieldMap(file.displayName() + ": " + path, rules, camel);
    }

    private Optional<FieldRule> compileField(MappingFile file, JsonNode field, String at) {
        int before = file.problems().size();
        List<String> sources = SOURCES.stream().filter(field::has).toList();
        if (sources.size() != 1) {
            file.problem(at, sources.isEmpty() ? "no source: set one of from, expression or value"
                    : "set only one of from, expression, value (found " + String.join(", ", sources) + ")");
            return Optional.empty();
        }
        FieldType type = type(file, field, at);
        String datePattern = datePattern(file, field, at, type);
        LookupTable lookup = lookup(file, field, at);
        NumberRange range = range(file, field, at, type);
        FieldRule.Source source = source(file, field, at, sources.get(0));
        Object defaultValue = constant(field.get("default"));
        Object lookupDefault = constant(field.get("lookup-default"));
        if (lookup == null) { // with a lookup, value and default are codes, not the typed result
            checkConstant(file, LocatedYaml.child(at, "value"), field.get("value"), type, datePattern, range);
            checkConstant(file, LocatedYaml.child(at, "default"), field.get("default"), type, datePattern, range);
        }
        checkConstant(file, LocatedYaml.child(at, "lookup-default"), field.get("lookup-default"), type, datePattern,
                range);
        if (file.problems().size() > before || source == null) {
            return Optional.empty();
        }
        return Optional.of(new FieldRule(field.get("name").asText(), source, defaultValue, lookup,
                field.has("lookup-default"), lookupDefault, field.path("required").asBoolean(false), type, datePattern, range));
    }

    private FieldRule.Source source(MappingFile file, JsonNode field, String at, String kind) {
        String key = LocatedYaml.child(at, kind);
        JsonNode node = field.get(kind);
        if (kind.equals("value")) {
            return new FieldRule.Constant(constant(node));
        }
        if (!node.isTextual()) {
            return null; // the schema check reports it
        }
        String text = node.asText();
        if (kind.equals("from")) {
            try {
                return new FieldRule.FromPath(text, FieldRule.FromPath.compile(text));
            } catch (InvalidPathException | IllegalArgumentException e) {
                file.problem(key, "invalid JsonPath '" + text + "': " + e.getMessage());
                return null;
            }
        }
        try {
            Expression expression = camel.resolveLanguage("simple").createExpression(text);
            expression.init(camel);
            return new FieldRule.SimpleExpression(text, expression);
        } catch (RuntimeException e) {
            file.problem(key, "invalid Simple expression '" + text + "': " + firstLine(e.getMessage()));
            return null;
        }
    }

    private static FieldType type(MappingFile file, JsonNode field, String at) {
        if (!field.path("type").isTextual()) {
            return null;
        }
        try {
            return FieldType.fromYaml(field.get("type").asText());
        } catch (IllegalArgumentException e) {
            return null; // the schema check reports it
        }
    }

    private static String datePattern(MappingFile file, JsonNode field, String at, FieldType type) {
        if (!field.path("format").isTextual()) {
            return null;
        }
        String pattern = field.get("format").asText();
        String key = LocatedYaml.child(at, "format");
        if (type != FieldType.DATE) {
            file.problem(key, "format is only used with type: date");
            return null;
        }
        try {
            DateTimeFormatter.ofPattern(pattern);
            return pattern;
        } catch (IllegalArgumentException e) {
            file.problem(key, "invalid date pattern '" + pattern + "': " + e.getMessage());
            return null;
        }
    }

    /** min, max and exponent of a number field; null for other types (they may not set them). */
    private static NumberRange range(MappingFile file, JsonNode field, String at, FieldType type) {
        boolean number = type == FieldType.INTEGER || type == FieldType.DECIMAL;
        for (String key : List.of("min", "max", "exponent")) {
            if (field.has(key) && !number) {
                file.problem(LocatedYaml.child(at, key), key + " is only used with type: integer or decimal");
            }
        }
        if (!number) {
            return null;
        }
        BigDecimal min = field.path("min").isNumber() ? field.get("min").decimalValue() : null;
        BigDecimal max = field.path("max").isNumber() ? field.get("max").decimalValue() : null;
        if (min != null && max != null && min.compareTo(max) > 0) {
            file.problem(LocatedYaml.child(at, "min"), "min " + min.toPlainString() + " is more than max "
                    + max.toPlainString());
        }
        return NumberRange.of(type, min, max, field.path("exponent").asBoolean(false));
    }

    private LookupTable lookup(MappingFile file, JsonNode field, String at) {
        if (!field.path("lookup").isTextual()) {
            return null;
        }
        String name = field.get("lookup").asText();
        Optional<LookupTable> table = lookups.table(name);
        if (table.isEmpty()) {
            file.problem(LocatedYaml.child(at, "lookup"), "lookup table '" + name + "' does not exist ("
                    + (lookups.tables().isEmpty() ? "no lookup tables defined: add a file with kind: lookups"
                    : "tables: " + String.join(", ", lookups.tables().keySet())) + ")");
        }
        return table.orElse(null);
    }

    private static void checkConstant(MappingFile file, String key, JsonNode node, FieldType type, String pattern,
                                      NumberRange range) {
        Object value = constant(node);
        if (type == null || FieldRule.isMissing(value)) {
            return;
        }
        try {
            type.convert(value, pattern, range);
        } catch (IllegalArgumentException e) {
            file.problem(key, e.getMessage() + " (the field has type: " + type.yamlName() + ")");
        }
    }

    /** A YAML scalar as a Java value: text, Long/BigInteger, BigDecimal, Boolean; null if absent. */
    static Object constant(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.isIntegralNumber() ? (Object) (node.canConvertToLong() ? node.longValue() : node.bigIntegerValue())
                    : node.decimalValue();
        }
        return node.isBoolean() ? (Object) node.booleanValue() : node.asText();
    }

    private static String firstLine(String message) {
        return message == null ? "" : Stream.of(message.split("\\R")).findFirst().orElse("");
    }
}
