package org.centraerp.connector.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.erp.ErpTableCheck;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code java -jar connector.jar setup-erp-tables}: creates, in the ERP database ({@code ERP_DB_URL}), the staging
 * tables of the default mappings that are not there yet (master data, orders, returns, customers, and the tables the
 * {@code connector.erp.tables} queries read), on PostgreSQL or MariaDB, then checks what the configured mappings
 * need. Tables that exist are left as they are. The DDL is {@code samples/erp/*.sql}.
 */
public final class SetupErpTablesCommand {

    public static final String NAME = "setup-erp-tables";

    /** The DDL files, in the jar under erp-tables/ (copied from samples/erp/ by the build). */
    static final List<String> SCRIPTS = List.of("master-data-tables.sql", "order-tables.sql", "return-tables.sql",
            "customer-tables.sql", "inbound-tables.sql");
    private static final Pattern CREATE = Pattern.compile("(?is)^\\s*CREATE\\s+TABLE\\s+([A-Za-z_][A-Za-z0-9_]*)");

    private SetupErpTablesCommand() {
    }

    public static int run(String[] args) {
        ConfigurableApplicationContext context;
        try {
            context = CommandApplication.start(NAME, args, ResetStateCommand.DEFAULTS, false);
        } catch (RuntimeException e) {
            System.out.println(NAME + " failed: " + CommandApplication.rootMessage(e));
            return 3;
        }
        try (context) {
            ErpDatabase erp = context.getBean(ErpDatabase.class);
            if (!erp.configured()) {
                System.out.println(NAME + " failed: no ERP database configured — set ERP_DB_URL (e.g."
                        + " jdbc:postgresql://127.0.0.1:5432/erp or jdbc:mariadb://127.0.0.1:3306/erp), ERP_DB_USER"
                        + " and ERP_DB_PASSWORD");
                return 1;
            }
            List<String> created = create(erp.dataSource().orElseThrow());
            System.out.println(NAME + ": " + (created.isEmpty() ? "every table was there already"
                    : "created " + String.join(", ", created)));
            var problems = context.getBean(ErpTableCheck.class).problems();
            if (problems.isPresent()) {
                System.out.println(problems.get());
                return 4;
            }
            System.out.println(NAME + ": OK, every table the configured flows use is there");
            return 0;
        } catch (RuntimeException e) {
            System.out.println(NAME + " failed: " + CommandApplication.rootMessage(e));
            return 1;
        }
    }

    /**
     * Runs the DDL for each table not there yet.
     *
     * @return the tables created
     */
    public static List<String> create(DataSource dataSource) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        List<String> created = new ArrayList<>();
        for (String script : SCRIPTS) {
            for (String statement : statements(script)) {
                Matcher create = CREATE.matcher(statement);
                if (create.find()) {
                    String table = create.group(1);
                    if (exists(jdbc, table)) {
                        continue;
                    }
                    created.add(table);
                }
                jdbc.execute(statement);
            }
        }
        return created;
    }

    private static boolean exists(JdbcTemplate jdbc, String table) {
        return Boolean.TRUE.equals(jdbc.execute((java.sql.Connection connection) -> {
            var meta = connection.getMetaData();
            String schema;
            try {
                schema = connection.getSchema();
            } catch (java.sql.SQLException | AbstractMethodError e) {
                schema = null;
            }
            for (String name : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
                try (var rs = meta.getTables(connection.getCatalog(), schema, name, new String[] {"TABLE"})) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        }));
    }

    /** The script's statements: split at ';', comment lines dropped. */
    static List<String> statements(String script) {
        String resource = "erp-tables/" + script;
        try (InputStream in = SetupErpTablesCommand.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " in the connector's jar (rebuild it)");
            }
            String ddl = new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^\\s*--.*$", "");
            List<String> statements = new ArrayList<>();
            for (String statement : ddl.split(";")) {
                if (!statement.isBlank()) {
                    statements.add(statement.trim());
                }
            }
            return statements;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
