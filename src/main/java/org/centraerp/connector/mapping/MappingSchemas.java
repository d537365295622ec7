package org.centraerp.connector.mapping;

import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/** The JSON schema of each mapping kind (classpath {@code mapping-schemas/}), and validation against it. */
final class MappingSchemas {

    private static final String ID_PREFIX = "https://centra-erp-connector.org/mapping-schemas/";

    private final Map<MappingKind, JsonSchema> schemas = new EnumMap<>(MappingKind.class);
    private final Map<String, JsonNode> rawSchemas = new HashMap<>();

    MappingSchemas() {
        // $ids name a web address; the files come from the classpath (no network at start-up).
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(ID_PREFIX, "classpath:mapping-schemas/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().pathType(PathType.JSON_PATH)
                .build();
        for (MappingKind kind : MappingKind.values()) {
            schemas.put(kind, factory.getSchema(SchemaLocation.of("classpath:" + kind.schemaResource()), config));
        }
        rawSchemas.put("field.schema.json", readResource("mapping-schemas/field.schema.json"));
        for (MappingKind kind : MappingKind.values()) {
            rawSchemas.put(kind.yamlName() + ".schema.json", readResource(kind.schemaResource()));
        }
    }

    private static JsonNode readResource(String resource) {
        try (InputStream in = MappingSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    void validate(MappingKind kind, MappingFile file) {
        Set<ValidationMessage> messages = schemas.get(kind).validate(file.root());
        messages.stream()
                .sorted(Comparator.comparing((ValidationMessage m) -> file.yaml().line(keyPath(m.getInstanceLocation())))
                        .thenComparing(ValidationMessage::getMessage))
                .forEach(m -> report(file, m));
    }

    private void report(MappingFile file, ValidationMessage message) {
        String path = keyPath(message.getInstanceLocation());
        String text = switch (message.getType()) {
            case "required" -> "missing required property '" + message.getProperty() + "'";
            case "additionalProperties" -> "unknown property '" + message.getProperty() + "'" + allowed(message);
            case "enum" -> "'" + Quoting.abbreviate(text(message.getInstanceNode())) + "' is not one of "
                    + enumValues(message);
            case "type" -> "'" + Quoting.abbreviate(text(message.getInstanceNode())) + "': " + message.getError();
            default -> message.getError();
        };
        if ("additionalProperties".equals(message.getType())) {
            path = LocatedYaml.child(path, message.getProperty());
        }
        file.problem(path, text);
    }

    private static String text(JsonNode node) {
        return node == null ? "" : node.isValueNode() ? node.asText() : node.toString();
    }

    /** The allowed values of an enum keyword, as the schema lists them: "string, integer, decimal, ...". */
    private static String enumValues(ValidationMessage message) {
        Object[] arguments = message.getArguments();
        String listed = arguments != null && arguments.length > 0 ? String.valueOf(arguments[0]) : "";
        return listed.isEmpty() ? "the allowed values" : listed.replace("\"", "");
    }

    /** The properties the schema does allow, to make typos obvious: " (allowed: from, expression, ...)". */
    private String allowed(ValidationMessage message) {
        SchemaLocation location = message.getSchemaLocation();
        String iri = location.getAbsoluteIri() == null ? "" : location.getAbsoluteIri().toString();
        JsonNode node = rawSchemas.get(iri.substring(iri.lastIndexOf('/') + 1));
        JsonNodePath fragment = location.getFragment();
        for (int i = 0; node != null && i < fragment.getNameCount() - 1; i++) { // the last is "additionalProperties"
            Object element = fragment.getElement(i);
            node = element instanceof Integer index ? node.get(index) : node.get((String) element);
        }
        if (node == null || !node.path("properties").isObject()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        node.get("properties").fieldNames().forEachRemaining(names::add);
        return " (allowed: " + String.join(", ", names) + ")";
    }

    /** networknt's instance location ({@code $.entities.stores.fields[2]}) in our key path form. */
    static String keyPath(JsonNodePath location) {
        String path = "";
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? LocatedYaml.child(path, index) : LocatedYaml.child(path, (String) element);
        }
        return path;
    }
}
