package org.centraerp.connector.centra;

/**
 * Centra refused the request before running it: GraphQL errors and no {@code data} (a variable value it cannot
 * take, such as a number out of range), or HTTP 400. Nothing was changed, and the same request will be refused
 * again: no passing fault to retry. Batch senders split the batch until the refused item stands alone and report
 * it; a single item is reported as refused.
 */
public class CentraInvalidRequestException extends CentraQueryException {

    public CentraInvalidRequestException(String message) {
        super(message);
    }
}
