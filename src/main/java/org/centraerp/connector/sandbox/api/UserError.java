package org.centraerp.connector.sandbox.api;

import java.util.List;

/** A userError of a mutation payload; non-empty userErrors mean nothing was changed. */
public record UserError(String message, List<String> path) {
}
