package org.centraerp.connector.sandbox.graphql;

/**
 * A query Centra refuses with a GraphQL error (not a userError), e.g. "Limit must be in range 1 - 200".
 * Answered with {@code extensions.category = "user"}, the category graphql-php gives client-safe errors (a guess:
 * Centra does not document it).
 */
public class CentraQueryException extends RuntimeException {

    public CentraQueryException(String message) {
        super(message);
    }
}
