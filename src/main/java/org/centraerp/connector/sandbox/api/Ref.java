package org.centraerp.connector.sandbox.api;

import java.util.Optional;
import java.util.function.Function;

import org.centraerp.connector.sandbox.store.Identified;
import org.centraerp.connector.sandbox.store.Table;

/** Centra's reference inputs such as StoreInput or ProductInput: exactly one of {@code id} or {@code externalId}. */
public record Ref(Integer id, String externalId) {

    public <T extends Identified> Optional<T> find(Table<T> table, Function<T, String> externalIdOf) {
        if (id != null) {
            return table.find(id);
        }
        if (externalId != null) {
            return table.stream().filter(row -> externalId.equals(externalIdOf.apply(row))).findFirst();
        }
        return Optional.empty();
    }

    public <T extends Identified> Optional<T> find(Table<T> table) {
        return id == null ? Optional.empty() : table.find(id);
    }

    /**
     * The referenced row, or empty with Centra's userError "{@code <type> with <ref> does not exist}" under
     * {@code input.<field>}.
     */
    public <T extends Identified> Optional<T> require(Table<T> table, String type, String field, Problems problems) {
        Optional<T> row = find(table);
        if (row.isEmpty()) {
            problems.error(type + " with " + describe() + " does not exist", "input", field);
        }
        return row;
    }

    /** How the reference reads in a userError message. */
    public String describe() {
        return id != null ? "id " + id : "external id \"" + externalId + "\"";
    }
}
