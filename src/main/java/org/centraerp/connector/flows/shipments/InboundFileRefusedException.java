package org.centraerp.connector.flows.shipments;

/** An ERP file that cannot be read as a whole (bad charset, not CSV/JSON, no usable document): nothing is sent. */
public class InboundFileRefusedException extends RuntimeException {

    public InboundFileRefusedException(String message) {
        super(message);
    }
}
