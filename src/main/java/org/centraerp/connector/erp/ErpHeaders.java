package org.centraerp.connector.erp;

/** The header names every ERP file route uses (imports through route template import-erp-file, exports alike). */
public final class ErpHeaders {

    /** The flow, as in {@code connector.<flow>.*}: stock, products, bundles, prices, shipments, returns, orders... */
    public static final String FLOW = "ErpFlow";
    /** Why the whole file is refused; absent when it can be applied. */
    public static final String REFUSAL = "ErpFileRefusal";
    /** Where the inbox's consumer moves the file, relative to the inbox: {@code .done/<name>} or {@code .error/<name>}. */
    public static final String ARCHIVE = "ErpFileArchive";

    private ErpHeaders() {
    }
}
