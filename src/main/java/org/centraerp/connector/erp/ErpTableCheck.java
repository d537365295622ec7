package org.centraerp.connector.erp;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.centraerp.connector.mapping.MappingKind;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.OrdersMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Checks, when an ERP database is configured, that every table a configured flow writes (master data, orders,
 * returns export, customers: the tables of their mappings, with the columns the mappings name) or reads
 * ({@code connector.erp.tables.<flow>} queries) exists. Says what is missing in one line at start, in health
 * (component {@code erpTables}) and in {@code check}; the {@code setup-erp-tables} command creates the default ones.
 */
@Component("erpTables")
public class ErpTableCheck implements HealthIndicator, SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ErpTableCheck.class);
    private static final Pattern FROM = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([A-Za-z_][A-Za-z0-9_]*)");

    /** A table a flow needs, with the columns it reads or writes (empty: only the table is checked). */
    public record Need(String flow, String table, Set<String> columns) {
    }

    private final ErpDatabase database;
    private final MappingRepository mappings;
    private final ErpTableProperties tables;
    private final Environment environment;
    private volatile List<String> lastProblems = List.of();

    public ErpTableCheck(ErpDatabase database, MappingRepository mappings, ErpTableProperties tables,
                         Environment environment) {
        this.database = database;
        this.mappings = mappings;
        this.tables = tables;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!database.configured() || !environment.getProperty("connector.command", "").isBlank()) {
            return; // commands (check, setup-erp-tables) print the problems themselves
        }
        try {
            problems().ifPresent(line -> log.warn(line));
        } catch (RuntimeException e) {
            log.warn("ERP database: cannot look at its tables ({}); checked again by /actuator/health",
                    mostSpecific(e));
        }
    }

    @Override
    public Health health() {
        if (!database.configured()) {
            return Health.up().withDetail("erpDatabase", "not configured (files only)").build();
        }
        try {
            Optional<String> problems = problems();
            return problems.isEmpty() ? Health.up().build()
                    : Health.down().withDetail("missing", lastProblems).withDetail("what to do", whatToDo()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", mostSpecific(e)).build();
        }
    }

    public boolean configured() {
        return database.configured();
    }

    /** One line naming every missing table and column, or empty when all are there (or there is no ERP database). */
    public Optional<String> problems() {
        if (!database.configured()) {
            return Optional.empty();
        }
        List<String> problems = missing(database.dataSource().orElseThrow(), needs());
        lastProblems = problems;
        return problems.isEmpty() ? Optional.empty()
                : Optional.of("ERP database: " + String.join("; ", problems) + " — " + whatToDo());
    }

    private static String whatToDo() {
        return "run the setup-erp-tables command (creates the default tables), or create them as"
                + " samples/erp/*.sql does and the mappings name";
    }

    /** What the configured flows need. */
    List<Need> needs() {
        List<Need> needs = new ArrayList<>();
        mappings.masterData().entities().values().forEach(entity -> entity.table().ifPresent(table ->
                needs.add(new Need("export-master-data", table, new LinkedHashSet<>(entity.fields().fieldNames())))));
        if (environment.getProperty("connector.orders.enabled", Boolean.class, true)) {
            addExport(needs, "export-orders", mappings.orders(), "order_number");
        }
        if (environment.getProperty("connector.returns.export.enabled", Boolean.class, true)) {
            mappings.documents(MappingKind.RETURNS_EXPORT).stream().findFirst().ifPresent(document -> addExport(needs,
                    "export-returns", OrdersMapping.of(document, Set.of("return_id", "export_version", "line_no"),
                            "return-"), "return_id"));
        }
        if (environment.getProperty("connector.customers.enabled", Boolean.class, true)) {
            addRecordExport(needs, "export-customers", "customers");
        }
        tables.tables().forEach((flow, table) -> {
            if (table.enabled() && table.query() != null) {
                Matcher from = FROM.matcher(table.query());
                while (from.find()) {
                    needs.add(new Need("connector.erp.tables." + flow, from.group(1), Set.of()));
                }
            }
        });
        return needs;
    }

    /** A record export (kind export, e.g. customers.yaml): its table, with its key and field columns. */
    private void addRecordExport(List<Need> needs, String flow, String mapping) {
        mappings.document(mapping).filter(document -> document.kind() == MappingKind.EXPORT).ifPresent(document -> {
            String table = document.root().path("table").asText("");
            if (!table.isEmpty()) {
                Set<String> columns = new LinkedHashSet<>();
                document.root().path("key").forEach(key -> columns.add(key.asText()));
                columns.addAll(document.fieldMap("fields").fieldNames());
                needs.add(new Need(flow, table, columns));
            }
        });
    }

    private static void addExport(List<Need> needs, String flow, OrdersMapping mapping, String key) {
        mapping.header().table().ifPresent(table -> {
            Set<String> columns = new LinkedHashSet<>(List.of(key, "export_version"));
            columns.addAll(mapping.header().fields().fieldNames());
            needs.add(new Need(flow, table, columns));
        });
        mapping.lines().table().ifPresent(table -> {
            Set<String> columns = new LinkedHashSet<>(List.of(key, "export_version", "line_no"));
            columns.addAll(mapping.lines().fields().fieldNames());
            needs.add(new Need(flow, table, columns));
        });
    }

    /** The problems with {@code needs} in the database: a missing table, or a table without some columns. */
    static List<String> missing(DataSource dataSource, List<Need> needs) {
        Map<String, Set<String>> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Need need : needs) {
                Set<String> columns = found.computeIfAbsent(need.table().toLowerCase(Locale.ROOT),
                        table -> columns(connection, need.table()));
                if (columns.isEmpty()) {
                    String problem = "missing table " + need.table() + " (" + need.flow() + ")";
                    if (!problems.contains(problem)) {
                        problems.add(problem);
                    }
                    continue;
                }
                Set<String> lacking = new TreeSet<>();
                for (String column : need.columns()) {
                    if (!columns.contains(column.toLowerCase(Locale.ROOT))) {
                        lacking.add(column);
                    }
                }
                if (!lacking.isEmpty()) {
                    problems.add("table " + need.table() + " lacks column" + (lacking.size() > 1 ? "s " : " ")
                            + String.join(", ", lacking) + " (" + need.flow() + ")");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the ERP database's tables: " + e.getMessage(), e);
        }
        return problems;
    }

    /** The table's columns, lower case; empty when there is no such table in the connection's schema. */
    private static Set<String> columns(Connection connection, String table) {
        try {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = schemaOf(connection);
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
                Set<String> columns = new LinkedHashSet<>();
                try (ResultSet rs = meta.getColumns(connection.getCatalog(), schema, name, "%")) {
                    while (rs.next()) {
                        columns.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
                if (!columns.isEmpty()) {
                    return columns;
                }
            }
            return Set.of();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the columns of " + table + ": " + e.getMessage(), e);
        }
    }

    private static String schemaOf(Connection connection) {
        try {
            return connection.getSchema();
        } catch (SQLException | AbstractMethodError e) {
            return null;
        }
    }

    private static String mostSpecific(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
