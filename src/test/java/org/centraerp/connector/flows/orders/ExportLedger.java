package org.centraerp.connector.flows.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the ERP got, per order number: versions as files in {@code out/orders/}, versions as header rows, and the
 * connector's own export records. {@link #problems} lists every way this differs from "each placed order exactly
 * once, as version 1": a missing order, a second file or row, a stray {@code .tmp}, an order nobody placed.
 */
public record ExportLedger(Map<Long, List<Integer>> files, List<String> tmpFiles, Map<Long, List<Integer>> headers,
                           Map<Long, List<String>> exports, boolean withTables) {

    private static final Pattern ORDER_FILE = Pattern.compile("order-(\\d+)-(\\d+)\\.json");

    /** Reads the folder and tables; {@code erp} null: files only. */
    public static ExportLedger read(Path erpFolder, JdbcTemplate erp, JdbcTemplate state) {
        Map<Long, List<Integer>> files = new TreeMap<>();
        List<String> tmp = new ArrayList<>();
        for (String name : names(erpFolder.resolve("out/orders"))) {
            Matcher m = ORDER_FILE.matcher(name);
            if (m.matches()) {
                files.computeIfAbsent(Long.parseLong(m.group(1)), n -> new ArrayList<>()).add(Integer.parseInt(m.group(2)));
            } else {
                tmp.add(name);
            }
        }
        Map<Long, List<Integer>> headers = new TreeMap<>();
        if (erp != null) {
            erp.query("SELECT order_number, export_version FROM erp_order_header ORDER BY order_number, export_version",
                    rs -> {
                        headers.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getInt(2));
                    });
        }
        Map<Long, List<String>> exports = new TreeMap<>();
        state.query("SELECT order_number, export_version, state FROM connector_order_export"
                + " ORDER BY order_number, export_version", rs -> {
                    exports.computeIfAbsent(rs.getLong(1), n -> new ArrayList<>()).add(rs.getInt(2) + ":" + rs.getString(3));
                });
        return new ExportLedger(files, tmp, headers, exports, erp != null);
    }

    /** Empty when every placed order is in the ERP exactly once (version 1) and nothing else is. */
    public List<String> problems(Collection<Long> placed) {
        List<String> problems = problemsOf(placed);
        Stream.of(files.keySet(), headers.keySet(), exports.keySet()).flatMap(Collection::stream).distinct()
                .filter(n -> !placed.contains(n))
                .forEach(n -> problems.add("order " + n + " exported but not placed by this test"));
        tmpFiles.forEach(name -> problems.add("left-over file " + name));
        return problems;
    }

    /** Like {@link #problems} for these orders only, when other tests share the ERP folder and tables. */
    public List<String> problemsOf(Collection<Long> placed) {
        List<String> problems = new ArrayList<>();
        for (long number : new TreeSet<>(placed)) {
            expectOnce(problems, "file", number, files.get(number));
            if (withTables) {
                expectOnce(problems, "ERP header row", number, headers.get(number));
            }
            List<String> records = exports.get(number);
            if (records == null || !records.equals(List.of("1:WRITTEN"))) {
                problems.add("order " + number + ": export records " + records + ", expected [1:WRITTEN]");
            }
        }
        return problems;
    }

    private static void expectOnce(List<String> problems, String what, long number, List<Integer> versions) {
        if (versions == null) {
            problems.add("order " + number + ": no " + what);
        } else if (!versions.equals(List.of(1))) {
            problems.add("order " + number + ": " + what + " versions " + versions + ", expected [1]");
        }
    }

    /**
     * Waits until every placed order is WRITTEN, locked or confirmed in Centra as configured (action DONE), and
     * nothing for it is left in the inbox.
     */
    public static void awaitExported(JdbcTemplate state, Collection<Long> placed, java.time.Duration atMost) {
        String numbers = String.join(",", placed.stream().map(String::valueOf).toList());
        org.awaitility.Awaitility.await().atMost(atMost).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> state.queryForObject("SELECT COUNT(*) FROM connector_order_export e"
                        + " JOIN connector_order_inbox i ON i.order_number = e.order_number WHERE e.state = 'WRITTEN'"
                        + " AND e.centra_action = 'DONE' AND i.requested = i.handled AND e.order_number IN ("
                        + numbers + ")", Integer.class) == placed.size());
    }

    /** Placed orders whose version 1 is WRITTEN (finished by some instance). */
    public long written(Collection<Long> placed) {
        return placed.stream().filter(n -> exports.getOrDefault(n, List.of()).contains("1:WRITTEN")).count();
    }

    private static List<String> names(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
