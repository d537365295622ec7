package org.centraerp.connector.sandbox.graphql;

import java.time.Instant;
import java.util.List;

/** Small helpers shared by the {@code where} filters. */
public final class Filters {

    private Filters() {
    }

    /** A list filter such as {@code id: [1, 2]}: absent means "any". */
    public static <V> boolean in(List<V> wanted, V value) {
        return wanted == null || wanted.contains(value);
    }

    /** Centra's DateRange input: {@code from} and {@code to}, both inclusive and optional. */
    public record DateRange(Instant from, Instant to) {

        public static boolean contains(DateRange range, Instant value) {
            if (range == null) {
                return true;
            }
            return value != null && (range.from() == null || !value.isBefore(range.from()))
                    && (range.to() == null || !value.isAfter(range.to()));
        }
    }
}
