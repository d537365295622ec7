package org.centraerp.connector.erp;

/** A whole ERP file cannot be used (wrong header, wrong charset, broken CSV); the message says why. */
public class ErpFileRefusedException extends RuntimeException {

    public ErpFileRefusedException(String message, Throwable cause) {
        super(message, cause);
    }

    public ErpFileRefusedException(String message) {
        super(message);
    }
}
