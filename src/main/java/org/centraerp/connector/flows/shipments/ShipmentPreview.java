package org.centraerp.connector.flows.shipments;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CentraClient centra;
    private final ShipmentProgress progress;

    public ShipmentPreview(CentraClient centra, ShipmentProgress progress) {
        this.centra = centra;
        this.progress = progress;
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(InboundDocumentsMapping mapping, Path file, PrintStream out) {
        if (!Files.isRegularFile(file)) {
            out.println("preview: no file " + file);
            return 1;
        }
        String name = file.getFileName().toString();
        List<InboundDocument> documents;
        try {
            documents = new InboundDocumentReader(mapping).read(file);
        } catch (RuntimeException e) {
            out.println("preview: " + name + " cannot be read: " + e.getMessage());
            return 1;
        }
        ShipmentDelivery delivery = new ShipmentDelivery(centra, progress,
                ShipmentDelivery.Payment.of(mapping.option("capture", "capture")), mapping.flag("send-email", true));
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        for (InboundDocument shipment : documents) {
            Map<String, Object> calls = new LinkedHashMap<>();
            String skipped = plan(delivery, shipment, calls);
            String what = shipment.source() + ": shipment " + (shipment.reference() == null ? "(no reference)"
                    : shipment.reference()) + " of order " + shipment.orderNumber();
            if (skipped != null) {
                out.println(what + " — " + skipped);
                continue;
            }
            out.println(what + " — " + String.join(", ", calls.keySet()));
            calls.forEach((call, variables) -> {
                out.println("# " + call + ", variables:");
                out.println(json(variables));
            });
        }
        return 0;
    }

    /** The calls (in order) into {@code calls}; or why none is made. Follows {@link ShipmentDelivery#deliver}. */
    private String plan(ShipmentDelivery delivery, InboundDocument shipment, Map<String, Object> calls) {
        if (!shipment.isValid()) {
            return "refused — " + (shipment.problems().isEmpty() ? "no lines" : String.join("; ",
                    shipment.problems()));
        }
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
                    calls.put("createShipment", ShipmentDelivery.createVariables(shipment, lines));
                }
            }
            id = found != null ? found.path("id").asLong() : NEW_SHIPMENT;
            current = found;
            calls.put("tagShipment", Map.of("id", id, "externalId", reference));
            step = Step.CREATED;
        } else {
            current = ShipmentDelivery.shipmentOf(order, (Long) id);
        }
        if (step == Step.CREATED) {
            Object shipmentId = id;
            delivery.paymentMutation(current).ifPresent(call -> calls.put(call, Map.of("id", shipmentId)));
        }
        if (current == null || !current.path("isShipped").asBoolean()) {
            calls.put("completeShipment", delivery.completeVariables(shipment, id));
        }
        return calls.isEmpty() ? "skipped, nothing left to send" : null;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
