package org.centraerp.connector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.springframework.jdbc.core.JdbcTemplate;

/** Runs a shipped DDL file such as {@code samples/erp/inbound-tables.sql}: statements split at ';', comments dropped. */
public final class SqlScript {

    private SqlScript() {
    }

    public static void run(JdbcTemplate jdbc, String file) {
        try {
            String ddl = Files.readString(Path.of(file), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
            Arrays.stream(ddl.split(";")).map(String::trim).filter(s -> !s.isEmpty()).forEach(jdbc::execute);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
