package org.centraerp.connector.sandbox.fidelity;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Judges an answer against the documented one, with the rules of Centra fidelity checking:
 * <ul>
 * <li>schema: no GraphQL validation error (unknown field, argument, type or enum value, syntax);</li>
 * <li>envelope: JSON with {@code data} and/or {@code errors}, and {@code extensions.permissionsUsed} a list;</li>
 * <li>shape: wherever both answers hold a value, every documented field is present with the same JSON kind
 * (objects field by field, lists by their first element).</li>
 * </ul>
 * Permission sets equal to the documented ones and answers with data are counted, not required.
 */
public final class FidelityCheck {

    private static final List<String> VALIDATION_HINTS = List.of("cannot query field", "unknown argument",
            "unknown type", "validation error", "is not defined", "unknown enum", "undefined field", "wrongtype",
            "fieldundefined", "unknownargument", "unknowntype", "missing field argument", "not a valid",
            "syntax error", "invalid syntax", "invalidsyntax", "expected type", "missing required");

    /** What one replay found: the problems (empty = passed), the validation errors, and the counted extras. */
    public record Verdict(List<String> problems, List<String> validationErrors, boolean permissionsAsDocumented,
                          boolean answeredWithData) {

        public boolean passed() {
            return problems.isEmpty();
        }
    }

    private FidelityCheck() {
    }

    public static Verdict judge(JsonNode documented, int status, JsonNode got) {
        List<String> problems = new ArrayList<>();
        List<String> validation = new ArrayList<>();
        boolean permsEqual = false;
        boolean withData = false;
        if (got == null || !got.isObject()) {
            problems.add("HTTP " + status + ", not JSON");
            return new Verdict(problems, validation, false, false);
        }
        JsonNode errors = got.path("errors");
        for (JsonNode error : errors) {
            if (isValidationError(error)) {
                validation.add(error.path("message").asText());
            }
        }
        if (!validation.isEmpty()) {
            problems.add("schema: " + String.join("; ", validation.subList(0, Math.min(3, validation.size()))));
        }
        if (!got.has("data") && errors.isEmpty()) {
            problems.add("envelope: neither data nor errors");
        }
        JsonNode perms = got.path("extensions").path("permissionsUsed");
        if (!perms.isArray()) {
            problems.add("envelope: extensions.permissionsUsed missing");
        } else {
            JsonNode documentedPerms = documented.path("extensions").path("permissionsUsed");
            permsEqual = documentedPerms.isArray() && sorted(documentedPerms).equals(sorted(perms));
        }
        JsonNode data = got.path("data");
        if (data.isObject()) {
            for (Iterator<JsonNode> values = data.elements(); values.hasNext(); ) {
                JsonNode value = values.next();
                if (!value.isNull() && !(value.isContainerNode() && value.isEmpty())) {
                    withData = true;
                }
            }
        }
        compare(documented.path("data"), data, "data", problems);
        return new Verdict(problems, validation, permsEqual, withData);
    }

    static boolean isValidationError(JsonNode error) {
        String classification = error.path("extensions").path("classification").asText("").toLowerCase(Locale.ROOT);
        if (classification.contains("validation") || classification.contains("syntax")) {
            return true;
        }
        String message = error.path("message").asText("").toLowerCase(Locale.ROOT);
        return VALIDATION_HINTS.stream().anyMatch(message::contains);
    }

    private static void compare(JsonNode doc, JsonNode got, String path, List<String> problems) {
        if (doc.isMissingNode() || doc.isNull() || got.isMissingNode() || got.isNull()) {
            return;
        }
        String kd = kind(doc);
        String kg = kind(got);
        if (!kd.equals(kg)) {
            problems.add(path + ": documented " + kd + ", got " + kg);
            return;
        }
        if (doc.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = doc.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!got.has(field.getKey())) {
                    problems.add(path + "." + field.getKey() + ": missing");
                } else {
                    compare(field.getValue(), got.get(field.getKey()), path + "." + field.getKey(), problems);
                }
            }
        } else if (doc.isArray() && !doc.isEmpty() && !got.isEmpty()) {
            compare(doc.get(0), got.get(0), path + "[0]", problems);
        }
    }

    private static String kind(JsonNode value) {
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isNumber()) {
            return "number";
        }
        if (value.isTextual()) {
            return "string";
        }
        return value.isArray() ? "list" : "object";
    }

    private static List<String> sorted(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(v -> values.add(v.asText()));
        values.sort(null);
        return values;
    }
}
