package org.centraerp.connector.centra;

/** Centra could not run the document: GraphQL errors, HTTP 400, or an answer that is not a GraphQL envelope. */
public class CentraQueryException extends CentraException {

    private final boolean serverFault;

    public CentraQueryException(String message) {
        this(message, false);
    }

    /** @param serverFault every error was Centra's own internal error, not one of the request */
    public CentraQueryException(String message, boolean serverFault) {
        super(message);
        this.serverFault = serverFault;
    }

    /**
     * Centra failed inside (a GraphQL "internal" error), so the same request may go through later; otherwise the
     * request itself is invalid (a value Centra cannot take, a wrong document) and fails the same way again.
     */
    public boolean serverFault() {
        return serverFault;
    }
}
