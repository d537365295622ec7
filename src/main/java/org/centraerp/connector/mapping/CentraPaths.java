package org.centraerp.connector.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Centra fields a {@code fields:} list reads, as chains of field names: {@code from: grandTotal.currency.code}
 * reads {@code [grandTotal, currency, code]}, {@code from: sizes[*].name} reads {@code [sizes, name]}, a filter
 * {@code attributes[?(@.type == 'x')].value} also reads {@code [attributes, type]}, and an expression
 * {@code ${body[customer][email]}} reads {@code [customer, email]}.
 */
final class CentraPaths {

    private static final Pattern BODY = Pattern.compile("\\$\\{body((?:\\[[A-Za-z_][A-Za-z0-9_]*\\])+)");
    private static final Pattern BODY_KEY = Pattern.compile("\\[([A-Za-z_][A-Za-z0-9_]*)\\]");
    private static final Pattern FILTER_REF = Pattern.compile("@((?:\\.[A-Za-z_][A-Za-z0-9_]*)+)");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * One read: a chain of Centra field names, where it is in the mapping file, and what the field makes of it.
     *
     * @param keyPath e.g. {@code header.fields[7].from}
     * @param text    the path as written, for messages
     * @param chain   field names from the record's type, e.g. {@code [grandTotal, value]}
     * @param type    the field's {@code type:} when the value is used as read (no lookup), else null
     */
    record Read(String keyPath, String text, List<String> chain, FieldType type) {
    }

    private CentraPaths() {
    }

    /**
     * Every read of a field list.
     *
     * @param fields  the {@code fields:} array
     * @param at      its key path, e.g. {@code lines.fields}
     * @param prefix  where its records are in the query's list item, e.g. {@code [lines]}; empty for the item
     * @param invalid where paths that cannot be asked for go (key path, reason)
     */
    static List<Read> of(JsonNode fields, String at, List<String> prefix, List<String[]> invalid) {
        List<Read> reads = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String fieldAt = LocatedYaml.child(at, i);
            FieldType type = field.has("lookup") ? null : type(field);
            if (field.path("from").isTextual()) {
                String key = LocatedYaml.child(fieldAt, "from");
                String text = field.get("from").asText();
                try {
                    List<List<String>> chains = fromPath(text);
                    for (int c = 0; c < chains.size(); c++) {
                        reads.add(new Read(key, text, joined(prefix, chains.get(c)), c == 0 ? type : null));
                    }
                } catch (IllegalArgumentException e) {
                    invalid.add(new String[] {key, e.getMessage()});
                }
            } else if (field.path("expression").isTextual()) {
                String key = LocatedYaml.child(fieldAt, "expression");
                String text = field.get("expression").asText();
                Matcher body = BODY.matcher(text);
                while (body.find()) {
                    List<String> chain = new ArrayList<>();
                    Matcher keyMatcher = BODY_KEY.matcher(body.group(1));
                    while (keyMatcher.find()) {
                        chain.add(keyMatcher.group(1));
                    }
                    reads.add(new Read(key, text, joined(prefix, chain), null));
                }
            }
        }
        return reads;
    }

    private static FieldType type(JsonNode field) {
        try {
            return field.path("type").isTextual() ? FieldType.fromYaml(field.get("type").asText()) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> joined(List<String> prefix, List<String> chain) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(chain);
        return List.copyOf(all);
    }

    /** The chains a JsonPath reads: the path itself first, then the fields its filters test. */
    static List<List<String>> fromPath(String text) {
        String path = text.trim();
        List<String> chain = new ArrayList<>();
        List<List<String>> chains = new ArrayList<>();
        chains.add(chain);
        int i = path.startsWith("$") ? 1 : 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                if (i + 1 < path.length() && path.charAt(i + 1) == '.') {
                    throw new IllegalArgumentException("a deep scan (..) cannot be asked of Centra: write the path in"
                            + " full, e.g. lines[*].productSize.SKU");
                }
                i++;
            } else if (c == '[') {
                int end = closing(path, i);
                String inner = path.substring(i + 1, end).trim();
                if (inner.startsWith("'") || inner.startsWith("\"")) {
                    chain.add(inner.substring(1, inner.length() - 1));
                } else if (inner.startsWith("?")) {
                    Matcher ref = FILTER_REF.matcher(inner);
                    while (ref.find()) {
                        List<String> tested = new ArrayList<>(chain);
                        tested.addAll(List.of(ref.group(1).substring(1).split("\\.")));
                        chains.add(tested);
                    }
                }
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(i, end);
                if (name.endsWith("()")) {
                    break; // a function (length(), sum() ...) of what is before it
                }
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("'" + name + "' is not a Centra field name");
                }
                chain.add(name);
                i = end;
            }
        }
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("the path names no field: use e.g. id or grandTotal.value");
        }
        return chains.stream().map(List::copyOf).toList();
    }

    private static int closing(String path, int open) {
        int depth = 0;
        char quote = 0;
        for (int i = open; i < path.length(); i++) {
            char c = path.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '[' || c == '(') {
                depth++;
            } else if (c == ']' || c == ')') {
                depth--;
                if (depth == 0 && c == ']') {
                    return i;
                }
            }
        }
        throw new IllegalArgumentException("'[' without ']'");
    }
}
