package org.centraerp.connector.sandbox.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * Centra's Relay connections ({@code xxxConnection(first, last, after, before)}): {@code totalCount}, {@code edges}
 * with opaque cursors and {@code pageInfo}. Cursors are base64 of {@code "<key>:<value>"}, as Centra's
 * {@code "bnVtYmVyOjE2Ng=="} is base64 of {@code "number:166"}.
 */
public final class Connections {

    private Connections() {
    }

    public record Connection<T>(int totalCount, List<Edge<T>> edges, PageInfo pageInfo) {
    }

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    public static String cursor(String key, Object value) {
        return Base64.getEncoder().encodeToString((key + ":" + value).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Slices {@code rows} (already filtered and sorted): after/before by cursor, then the first or last n.
     *
     * @param cursorOf the cursor of a row
     */
    public static <T> Connection<T> of(List<T> rows, Function<T, String> cursorOf, Integer first, Integer last,
                                       String after, String before) {
        if (first != null && (first < 0 || first > ListQuery.MAX_LIMIT)
                || last != null && (last < 0 || last > ListQuery.MAX_LIMIT)) {
            throw new CentraQueryException("Limit must be in range 1 - " + ListQuery.MAX_LIMIT);
        }
        int from = 0;
        int to = rows.size();
        if (after != null) {
            int at = indexOf(rows, cursorOf, after);
            if (at >= 0) {
                from = at + 1;
            }
        }
        if (before != null) {
            int at = indexOf(rows, cursorOf, before);
            if (at >= 0) {
                to = Math.max(from, at);
            }
        }
        int start = from;
        int end = to;
        if (first == null && last == null) {
            end = Math.min(to, from + 20);
        }
        if (first != null) {
            end = Math.min(to, start + first);
        }
        if (last != null) {
            start = Math.max(start, end - last);
        }
        List<Edge<T>> edges = new ArrayList<>(end - start);
        for (T row : rows.subList(start, end)) {
            edges.add(new Edge<>(cursorOf.apply(row), row));
        }
        var page = new PageInfo(end < to, start > from,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(rows.size(), edges, page);
    }

    private static <T> int indexOf(List<T> rows, Function<T, String> cursorOf, String cursor) {
        for (int i = 0; i < rows.size(); i++) {
            if (cursor.equals(cursorOf.apply(rows.get(i)))) {
                return i;
            }
        }
        return -1;
    }
}
