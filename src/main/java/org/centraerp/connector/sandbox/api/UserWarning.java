package org.centraerp.connector.sandbox.api;

import java.util.List;

/** A userWarning of a mutation payload: the mutation succeeded, with a remark. */
public record UserWarning(String message, List<String> path) {
}
