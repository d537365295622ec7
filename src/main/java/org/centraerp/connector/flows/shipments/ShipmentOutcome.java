package org.centraerp.connector.flows.shipments;

/**
 * What happened to one ERP shipment or return: a line of the file's report.
 *
 * @param reference  the ERP reference (or the place in the file when it has none)
 * @param order      the order number as given, or empty
 * @param outcome    completed, already-completed, conflict, refused, incomplete
 * @param centra     Centra's shipment number / return id, or empty
 * @param reason     why it was refused or left incomplete; what was done otherwise
 */
public record ShipmentOutcome(String reference, String order, String outcome, String centra, String reason) {

    public static final String COMPLETED = "completed";
    public static final String ALREADY_COMPLETED = "already-completed";
    /** The reference was completed before with other lines or for another order: nothing sent. */
    public static final String CONFLICT = "conflict";
    public static final String REFUSED = "refused";
    /** Created in Centra but not finished (capture refused): dropping the file again continues it. */
    public static final String INCOMPLETE = "incomplete";

    public static ShipmentOutcome refused(InboundDocument document, String reason) {
        return new ShipmentOutcome(document.reference() == null ? document.source() : document.reference(),
                document.orderNumber() == null ? "" : document.orderNumber().toString(), REFUSED, "", reason);
    }
}
