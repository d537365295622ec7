package org.centraerp.connector.sandbox.api;

import java.util.List;

/**
 * Every mutation payload: the changed object (exposed under its own field name, e.g. {@code market}; see
 * {@link PayloadWiring}), {@code userErrors} and {@code userWarnings}. With userErrors the object is null.
 */
public record Payload(Object object, List<UserError> userErrors, List<UserWarning> userWarnings) {

    public static Payload of(Object object, Problems problems) {
        return new Payload(problems.hasErrors() ? null : object, problems.errors(), problems.warnings());
    }

    public static Payload rejected(Problems problems) {
        return new Payload(null, problems.errors(), problems.warnings());
    }
}
