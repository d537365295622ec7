package org.centraerp.connector.sandbox.graphql;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Centra's list arguments: {@code where} (a predicate built by the caller), {@code sort} (values like
 * {@code name_DESC}), {@code limit} (1-200) and {@code page} (from 1).
 */
public final class ListQuery {

    public static final int MAX_LIMIT = 200;

    private ListQuery() {
    }

    /**
     * Filters, sorts and pages {@code rows}.
     *
     * @param sortKeys comparators by sort field name ("id", "name", ...); ties fall back to the row order given
     */
    public static <T> List<T> run(Stream<T> rows, Predicate<T> where, List<String> sort,
                                  Map<String, Comparator<T>> sortKeys, Integer limit, Integer page) {
        int size = checkedLimit(limit);
        int number = page == null ? 1 : page;
        if (number < 1) {
            // guess: Centra's wording for a bad page is not documented
            throw new CentraQueryException("Page must be greater than 0");
        }
        Stream<T> filtered = rows.filter(where);
        Comparator<T> order = comparator(sort, sortKeys);
        if (order != null) {
            filtered = filtered.sorted(order);
        }
        return filtered.skip((long) (number - 1) * size).limit(size).toList();
    }

    /** Like {@link #run} for nested lists whose limit is optional: no limit means all rows. */
    public static <T> List<T> runAll(Stream<T> rows, Predicate<T> where, List<String> sort,
                                     Map<String, Comparator<T>> sortKeys, Integer limit, Integer page) {
        if (limit == null) {
            Comparator<T> order = comparator(sort, sortKeys);
            Stream<T> filtered = rows.filter(where);
            return (order == null ? filtered : filtered.sorted(order)).toList();
        }
        return run(rows, where, sort, sortKeys, limit, page);
    }

    public static int checkedLimit(Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw new CentraQueryException("Limit must be in range 1 - " + MAX_LIMIT);
        }
        return size;
    }

    private static <T> Comparator<T> comparator(List<String> sort, Map<String, Comparator<T>> sortKeys) {
        if (sort == null) {
            return null;
        }
        Comparator<T> order = null;
        for (String value : sort) {
            int cut = value.lastIndexOf('_');
            Comparator<T> key = sortKeys.get(value.substring(0, cut));
            if (key == null) {
                continue;
            }
            Comparator<T> step = value.endsWith("_DESC") ? key.reversed() : key;
            order = order == null ? step : order.thenComparing(step);
        }
        return order;
    }
}
