package org.centraerp.connector.mapping;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The named code tables of one customer (files of kind {@code lookups}). */
public final class LookupTables {

    private final Map<String, LookupTable> tables;
    private final String definedIn;

    LookupTables(Map<String, LookupTable> tables, String definedIn) {
        this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
        this.definedIn = definedIn;
    }

    public Optional<LookupTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public Map<String, LookupTable> tables() {
        return tables;
    }

    /** Where an operator adds entries, e.g. {@code mappings/acme/lookups.yaml}. */
    public String definedIn() {
        return definedIn;
    }

    /**
     * One table: code to value, compared exactly as text.
     *
     * @param file the file that defines it, for "add it to ..." hints
     */
    public record LookupTable(String name, Map<String, String> entries, String file) {

        public LookupTable {
            entries = Collections.unmodifiableMap(entries);
        }

        public Optional<String> get(String code) {
            return Optional.ofNullable(entries.get(code));
        }
    }
}
