package org.centraerp.connector.mapping;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A YAML file read into a Jackson tree, remembering the line of every key so problems can point at
 * it. Key paths look like {@code entities.stores.fields[2].lookup}.
 */
final class LocatedYaml {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_-]+");
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonNode root;
    private final Map<String, Integer> lines;

    private LocatedYaml(JsonNode root, Map<String, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Reads the file; syntax errors and duplicate keys become problems (root is null on a syntax error). */
    static LocatedYaml read(Path file, String displayName, List<MappingProblem> problems) throws IOException {
        Map<String, Integer> lines = new HashMap<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             JsonParser parser = YAML.createParser(reader)) {
            JsonNode root = parser.nextToken() == null ? null
                    : new Builder(parser, lines, displayName, problems).read("");
            return new LocatedYaml(root, lines);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            problems.add(new MappingProblem(displayName, "", line, "not valid YAML: " + e.getOriginalMessage()));
            return new LocatedYaml(null, lines);
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line of the key, or of its nearest parent that has one; 0 if none. */
    int line(String keyPath) {
        String path = keyPath;
        while (true) {
            Integer line = lines.get(path);
            if (line != null) {
                return line;
            }
            if (path.isEmpty()) {
                return 0;
            }
            path = parent(path);
        }
    }

    static String child(String path, String key) {
        String segment = PLAIN_KEY.matcher(key).matches() ? key : "['" + key + "']";
        return path.isEmpty() || segment.startsWith("[") ? path + segment : path + "." + segment;
    }

    static String child(String path, int index) {
        return path + "[" + index + "]";
    }

    private static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** Builds the tree token by token, recording where each key starts. */
    private record Builder(JsonParser parser, Map<String, Integer> lines, String file, List<MappingProblem> problems) {

        JsonNode read(String path) throws IOException {
            lines.putIfAbsent(path, parser.currentTokenLocation().getLineNr());
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> readObject(path);
                case START_ARRAY -> readArray(path);
                case VALUE_STRING -> NODES.textNode(parser.getText());
                case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? NODES.numberNode(parser.getBigIntegerValue()) : NODES.numberNode(parser.getLongValue());
                case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
                case VALUE_TRUE -> NODES.booleanNode(true);
                case VALUE_FALSE -> NODES.booleanNode(false);
                case VALUE_NULL -> NODES.nullNode();
                default -> NODES.textNode(parser.getText());
            };
        }

        private ObjectNode readObject(String path) throws IOException {
            ObjectNode object = NODES.objectNode();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                String keyPath = child(path, key);
                int line = parser.currentTokenLocation().getLineNr();
                if (object.has(key)) {
                    problems.add(new MappingProblem(file, keyPath, line,
                            "duplicate key '" + key + "' (first on line " + lines.get(keyPath) + "); keep one"));
                }
                lines.put(keyPath, line);
                parser.nextToken();
                object.set(key, read(keyPath));
            }
            return object;
        }

        private ArrayNode readArray(String path) throws IOException {
            ArrayNode array = NODES.arrayNode();
            List<JsonNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(read(child(path, items.size())));
            }
            array.addAll(items);
            return array;
        }
    }
}
