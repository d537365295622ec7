package org.centraerp.connector.centra;

import java.util.List;

/**
 * One entry of a mutation's {@code userErrors} or {@code userWarnings}.
 *
 * @param message Centra's text, e.g. "Product number already exists"
 * @param path    the input path it is about, e.g. {@code [input, productNumber]}; empty when Centra gives none
 */
public record CentraProblem(String message, List<String> path) {

    public CentraProblem {
        path = path == null ? List.of() : List.copyOf(path);
    }

    /** "input.productNumber: Product number already exists", or the message alone without a path. */
    @Override
    public String toString() {
        return path.isEmpty() ? message : String.join(".", path) + ": " + message;
    }
}
