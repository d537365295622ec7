package org.centraerp.connector.flows.shipments;

import java.util.List;
import java.util.Map;

/**
 * One shipment or return of an ERP file, mapped: its header fields, its lines, and what could not be mapped.
 *
 * @param reference the ERP reference (idempotency key); null when it is missing
 * @param source    where it is in the file, e.g. {@code lines 2-3} or {@code shipments[1]}
 * @param header    header fields by connector name (erp_reference, order_number, ...)
 * @param lines     line fields by connector name (sku, ean, quantity, ...)
 * @param problems  mapping problems, each naming its line and field; empty when the document is usable
 */
public record InboundDocument(String reference, String source, Map<String, Object> header,
                              List<Map<String, Object>> lines, List<String> problems) {

    public boolean isValid() {
        return problems.isEmpty() && reference != null && !lines.isEmpty();
    }

    public Integer orderNumber() {
        Object number = header.get("order_number");
        return number instanceof Number n ? n.intValue() : null;
    }

    public String text(String field) {
        Object value = header.get(field);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
