package org.centraerp.connector.flows.stock;

/** The whole file cannot be used (unreadable, wrong header, wrong charset): it goes to .error/ with the reason. */
public class StockFileRefusedException extends RuntimeException {

    public StockFileRefusedException(String reason) {
        super(reason);
    }

    public StockFileRefusedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
