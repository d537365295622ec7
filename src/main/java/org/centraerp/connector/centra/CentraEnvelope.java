package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Centra's GraphQL envelope ({@code data}, {@code errors}, {@code extensions}) into values or exceptions. */
final class CentraEnvelope {

    /** Centra's wording: "You need Order:read permission to access orderConnection." */
    private static final Pattern MISSING_PERMISSION =
            Pattern.compile("You need (\\S+) permission to access (.+?)\\.?$");
    private static final int MAX_SNIPPET = 300;

    private final ObjectMapper json;

    CentraEnvelope(ObjectMapper json) {
        this.json = json;
    }

    /** The parsed body, or null when it is not JSON. */
    JsonNode tryParse(byte[] body) {
        try {
            JsonNode root = json.readTree(body);
            return root != null && root.isObject() ? root : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** A 200 answer as a response; GraphQL {@code errors} become exceptions, never silently dropped. */
    CentraResponse read(String document, JsonNode root) {
        throwErrors(document, root);
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new CentraQueryException("Centra answered document '" + document + "' without data"
                    + " — check that CENTRA_URL points at the Integration API (…/graphql)");
        }
        JsonNode extensions = root.path("extensions");
        List<String> permissions = new ArrayList<>();
        extensions.path("permissionsUsed").forEach(p -> permissions.add(p.asText()));
        JsonNode appVersion = extensions.get("appVersion");
        return new CentraResponse(data, extensions.path("complexity").asInt(0), permissions,
                appVersion == null || appVersion.isNull() ? null : appVersion.asText());
    }

    /** Complexity to debit from the rate limiter; 0 when the answer has none. */
    static long complexityOf(JsonNode root) {
        return root == null ? 0 : root.path("extensions").path("complexity").asLong(0);
    }

    /** Throws for a non-empty {@code errors} array: permission errors first, they say exactly what to fix. */
    void throwErrors(String document, JsonNode root) {
        JsonNode errors = root.path("errors");
        if (!errors.isArray() || errors.isEmpty()) {
            return;
        }
        List<String> permissions = new ArrayList<>();
        List<String> targets = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        boolean serverFault = true;
        for (JsonNode error : errors) {
            String message = error.path("message").asText("(no message)");
            serverFault &= internal(error);
            Matcher missing = MISSING_PERMISSION.matcher(message);
            boolean authorization = "authorization".equals(error.path("extensions").path("category").asText());
            if (missing.find()) {
                permissions.add(missing.group(1));
                targets.add(missing.group(2));
            } else if (authorization) {
                messages.add(message);
            } else {
                messages.add(message + location(error));
            }
        }
        if (!permissions.isEmpty()) {
            throw new CentraPermissionException(document, permissions, targets);
        }
        String text = "Centra could not run document '" + document + "': " + String.join("; ", messages)
                + (serverFault ? " — an internal error of Centra's; tried again later"
                : " — fix the document in src/main/resources/centra/ or its variables");
        if (serverFault) {
            throw new CentraQueryException(text, true);
        }
        // no data at all: refused before it ran (GraphQL: errors raised before execution leave out "data")
        throw root.has("data") ? new CentraQueryException(text) : new CentraInvalidRequestException(text);
    }

    /**
     * An error Centra made inside rather than one of the request. guess: Centra's GraphQL server (graphql-php)
     * marks these {@code extensions.category: "internal"}; graphql-java (the sandbox) {@code classification:
     * INTERNAL_ERROR}.
     */
    private static boolean internal(JsonNode error) {
        JsonNode extensions = error.path("extensions");
        return "internal".equals(extensions.path("category").asText())
                || "INTERNAL_ERROR".equals(extensions.path("classification").asText());
    }

    /** The message of a non-200 answer: GraphQL errors if the body has them, else a short text snippet. */
    String messageOf(byte[] body) {
        JsonNode root = tryParse(body);
        if (root != null) {
            List<String> messages = new ArrayList<>();
            root.path("errors").forEach(e -> messages.add(e.path("message").asText()));
            if (!messages.isEmpty()) {
                return String.join("; ", messages);
            }
            if (root.hasNonNull("message")) {
                return root.get("message").asText();
            }
        }
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").trim();
        return text.length() > MAX_SNIPPET ? text.substring(0, MAX_SNIPPET) + "…" : text;
    }

    /** Whether a body holds GraphQL errors (a 403 may be a missing permission rather than a bad token). */
    boolean hasPermissionError(byte[] body) {
        JsonNode root = tryParse(body);
        if (root == null) {
            return false;
        }
        for (JsonNode error : root.path("errors")) {
            if (MISSING_PERMISSION.matcher(error.path("message").asText()).find()) {
                return true;
            }
        }
        return false;
    }

    private static String location(JsonNode error) {
        JsonNode path = error.path("path");
        if (path.isArray() && !path.isEmpty()) {
            List<String> parts = new ArrayList<>();
            path.forEach(p -> parts.add(p.asText()));
            return " (at " + String.join(".", parts) + ")";
        }
        JsonNode location = error.path("locations").path(0);
        return location.isMissingNode() ? ""
                : " (line " + location.path("line").asInt() + ", column " + location.path("column").asInt() + ")";
    }

    /** userErrors or userWarnings of a mutation payload. */
    static List<CentraProblem> problems(JsonNode payload, String field) {
        List<CentraProblem> problems = new ArrayList<>();
        for (JsonNode node : payload.path(field)) {
            List<String> path = new ArrayList<>();
            JsonNode p = node.path("path");
            if (p.isArray()) {
                p.forEach(part -> path.add(part.asText()));
            } else if (p.isValueNode() && !p.isNull()) {
                path.add(p.asText());
            }
            problems.add(new CentraProblem(node.path("message").asText(node.toString()), path));
        }
        return problems;
    }
}
