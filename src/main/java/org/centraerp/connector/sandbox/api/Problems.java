package org.centraerp.connector.sandbox.api;

import java.util.ArrayList;
import java.util.List;

/** Collects a mutation's userErrors and userWarnings while it validates its input. */
public final class Problems {

    private final List<UserError> errors = new ArrayList<>();
    private final List<UserWarning> warnings = new ArrayList<>();

    public Problems error(String message, String... path) {
        errors.add(new UserError(message, List.of(path)));
        return this;
    }

    public Problems warning(String message, String... path) {
        warnings.add(new UserWarning(message, List.of(path)));
        return this;
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<UserError> errors() {
        return List.copyOf(errors);
    }

    public List<UserWarning> warnings() {
        return List.copyOf(warnings);
    }

    /** Rejects a required text that is missing or blank. */
    public void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            error(field + " is required", "input", field);
        }
    }
}
