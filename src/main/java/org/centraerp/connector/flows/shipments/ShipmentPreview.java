package org.centraerp.connector.flows.shipments;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.shipments.ShipmentProgress.Entry;
import org.centraerp.connector.flows.shipments.ShipmentProgress.Step;
import org.centraerp.connector.mapping.InboundDocumentsMapping;

/**
 * {@code preview shipments <file>}: what the shipments flow would send for an ERP file, sending nothing and
 * recording nothing: per shipment (its lines in the file) the calls {@link ShipmentDelivery} would make from where
 * the shipment stands (new, created, paid), or why it is skipped (completed earlier, refused: the report's reason),
 * each call with its variables.
 */
public final class ShipmentPreview {

    /** Stands for the id Centra gives the shipment createShipment would make. */
    static final String NEW_SHIPMENT = "(id of the new shipment)";

    private final CentraClient centra;
    private final ShipmentProgress progress;

    public ShipmentPreview(CentraClient centra, ShipmentProgress progress) {
        this.centra = centra;
        this.progress = progress;
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(InboundDocumentsMapping mapping, Path file, PrintStream out) {
        ShipmentDelivery delivery = new ShipmentDelivery(centra, progress,
                ShipmentDelivery.Payment.of(mapping.option("capture", "capture")), mapping.flag("send-email", true));
        return InboundDocumentPreview.print("shipment", mapping, file, out,
                (shipment, calls) -> plan(delivery, shipment, calls));
    }

    /** The calls (in order) into {@code calls}; or why none is made. Follows {@link ShipmentDelivery#deliver}. */
    private String plan(ShipmentDelivery delivery, InboundDocument shipment,
                        List<Map.Entry<String, Object>> calls) {
        String reference = shipment.reference();
        Optional<Entry> entry = progress.find(ShipmentDelivery.FLOW, reference);
        if (entry.isPresent() && entry.get().step() == Step.COMPLETED) {
            String conflict = delivery.conflict(shipment, entry.get());
            return conflict != null ? "conflict — " + conflict
                    : "skipped, completed earlier as Centra shipment " + entry.get().centraId();
        }
        JsonNode order = delivery.order(shipment.orderNumber());
        if (order == null) {
            return "refused — unknown order " + shipment.orderNumber();
        }
        if (entry.isPresent() && entry.get().orderNumber() != shipment.orderNumber()) {
            return "refused — reference " + reference + " was used for order " + entry.get().orderNumber()
                    + " before";
        }
        Step step = entry.map(Entry::step).orElse(null);
        Object id = entry.map(Entry::centraId).orElse(null);
        JsonNode current = null;
        if (id == null) {
            JsonNode found = ShipmentDelivery.existing(order, reference, null);
            if (found == null) {
                Map<Integer, Integer> lines = new LinkedHashMap<>();
                String refusal = ShipmentDelivery.resolveLines(shipment, order, lines);
                if (refusal != null) {
                    return "refused — " + refusal;
                }
                found = step == Step.CREATING ? ShipmentDelivery.existing(order, reference, lines) : null;
                if (found == null) {
                    calls.add(Map.entry("createShipment", ShipmentDelivery.createVariables(shipment, lines)));
                }
            }
            id = found != null ? found.path("id").asLong() : NEW_SHIPMENT;
            current = found;
            calls.add(Map.entry("tagShipment", Map.of("id", id, "externalId", reference)));
            step = Step.CREATED;
        } else {
            current = ShipmentDelivery.shipmentOf(order, (Long) id);
        }
        if (step == Step.CREATED) {
            Object shipmentId = id;
            delivery.paymentMutation(current).ifPresent(call -> calls.add(Map.entry(call, Map.of("id", shipmentId))));
        }
        if (current == null || !current.path("isShipped").asBoolean()) {
            calls.add(Map.entry("completeShipment", delivery.completeVariables(shipment, id)));
        }
        return calls.isEmpty() ? "skipped, nothing left to send" : null;
    }
}
