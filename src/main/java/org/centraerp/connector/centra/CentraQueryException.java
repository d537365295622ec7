package org.centraerp.connector.centra;

/** Centra could not run the document: GraphQL errors, HTTP 400, or an answer that is not a GraphQL envelope. */
public class CentraQueryException extends CentraException {

    public CentraQueryException(String message) {
        super(message);
    }
}
