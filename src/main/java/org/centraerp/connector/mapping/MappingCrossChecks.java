package org.centraerp.connector.mapping;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks that need more than one key of a file, made at start so nothing fails later at run time: every column a
 * field of an ERP file reads is one the file has ({@code columns:}), and every table and column an export writes to
 * an ERP database is a name SQL can take.
 */
final class MappingCrossChecks {

    /** Plain SQL identifiers only: table and column names are written into statements. */
    static final Pattern SQL_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private static final Pattern BRACKETED = Pattern.compile("^\\$?\\.?\\['([^']+)'\\]$");
    private static final Pattern PLAIN = Pattern.compile("^(?:\\$\\.)?([A-Za-z0-9_ -]+)$");
    private static final Pattern BODY_KEY = Pattern.compile("\\$\\{body\\[([^\\]]+)\\]}");

    private MappingCrossChecks() {
    }

    static void check(MappingFile file, MappingKind kind) {
        switch (kind) {
            case STOCK -> columnsRead(file);
            case ORDERS, RETURNS_EXPORT -> {
                tableNames(file, "header");
                tableNames(file, "lines");
            }
            default -> {
            }
        }
    }

    /** The ERP columns a field reads: its {@code from:} when that names a column, and {@code ${body[...]}} keys. */
    static List<String> columnsOf(JsonNode field) {
        Set<String> columns = new LinkedHashSet<>();
        String from = field.path("from").asText("");
        Matcher bracketed = BRACKETED.matcher(from);
        Matcher plain = PLAIN.matcher(from);
        if (bracketed.matches()) {
            columns.add(bracketed.group(1));
        } else if (plain.matches()) {
            columns.add(plain.group(1));
        }
        Matcher body = BODY_KEY.matcher(field.path("expression").asText(""));
        while (body.find()) {
            columns.add(body.group(1));
        }
        return new ArrayList<>(columns);
    }

    /** Stock: each {@code from:} (and {@code ${body[...]}}) must be one of {@code columns:}. */
    private static void columnsRead(MappingFile file) {
        JsonNode columns = file.root().path("columns");
        JsonNode fields = file.root().path("fields");
        if (!columns.isArray() || !fields.isArray()) {
            return; // the schema check reports it
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.asText()));
        for (int i = 0; i < fields.size(); i++) {
            JsonNode field = fields.get(i);
            String key = LocatedYaml.child(LocatedYaml.child("fields", i), field.has("from") ? "from" : "expression");
            for (String column : columnsOf(field)) {
                if (!names.contains(column)) {
                    file.problem(key, "'" + column + "' is not one of the columns " + names + " (a file's header "
                            + "must have every name in columns:); fix the name or add it to columns:");
                }
            }
        }
    }

    /** Orders and returns export: with a {@code table:}, the table and each field name must be SQL identifiers. */
    private static void tableNames(MappingFile file, String part) {
        JsonNode section = file.root().path(part);
        if (!section.path("table").isTextual()) {
            return;
        }
        String table = section.get("table").asText();
        if (!SQL_IDENTIFIER.matcher(table).matches()) {
            file.problem(LocatedYaml.child(part, "table"), "'" + table + "' cannot be a table name (letters, digits "
                    + "and _ only, not starting with a digit)");
        }
        JsonNode fields = section.path("fields");
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).path("name").asText("");
            if (!name.isEmpty() && !SQL_IDENTIFIER.matcher(name).matches()) {
                file.problem(LocatedYaml.child(LocatedYaml.child(LocatedYaml.child(part, "fields"), i), "name"), "'"
                        + name + "' cannot be a column of table " + table + " (letters, digits and _ only, not "
                        + "starting with a digit); rename the field");
            }
        }
    }
}
