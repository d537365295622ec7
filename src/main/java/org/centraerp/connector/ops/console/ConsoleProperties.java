package org.centraerp.connector.ops.console;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operator console ({@code connector.console}).
 *
 * @param users       who may log in: {@code name:role:bcrypt-hash} entries separated by commas or blanks, role
 *                    {@code viewer} or {@code operator}; blank: one operator with a password generated at start
 * @param freshness   how often each flow is expected to do something
 * @param recentFiles files listed per inbox
 * @param reportRows  report lines shown per page of a file's report
 */
@ConfigurationProperties("connector.console")
public record ConsoleProperties(String users, @DefaultValue Freshness freshness, @DefaultValue("50") int recentFiles,
                                @DefaultValue("500") int reportRows) {

    /**
     * @param expected    route id → the longest normal time between two successful runs; a flow not listed has
     *                    no freshness
     * @param staleFactor late past {@code expected}, stale past {@code expected × staleFactor}
     */
    public record Freshness(Map<String, Duration> expected, @DefaultValue("3") int staleFactor) {

        public Freshness {
            expected = expected == null ? Map.of() : Map.copyOf(expected);
        }
    }
}
