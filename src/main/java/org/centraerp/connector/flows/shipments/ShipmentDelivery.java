package org.centraerp.connector.flows.shipments;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraProblem;
import org.centraerp.connector.centra.MutationResult;
import org.centraerp.connector.flows.shipments.ShipmentProgress.Entry;
import org.centraerp.connector.flows.shipments.ShipmentProgress.Step;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ERP shipment into Centra: create it for its lines, get it paid (capture, mark paid, or nothing), complete it
 * with tracking. Each step is recorded under the ERP reference before the next one starts, so a repeat (re-sent
 * file, restart after a crash) continues where the last attempt stopped and never creates a second shipment.
 * <p>
 * The one gap a state row cannot close is a crash after Centra created the shipment and before its id was recorded:
 * the reference is then CREATING, and the shipment is found in Centra by its externalId (set right after the create)
 * or, if the crash came before that too, as the order's only untagged, unshipped shipment of exactly these lines.
 * Centra errors other than userErrors (unreachable, 5xx) propagate: the file is read again later.
 */
public class ShipmentDelivery {

    public static final String FLOW = "shipments";

    /** How a shipment is paid before it is completed (mapping key {@code capture}). */
    public enum Payment { CAPTURE, MARK_PAID, NONE;

        public static Payment of(String text) {
            return valueOf(text.trim().toUpperCase().replace('-', '_'));
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ShipmentDelivery.class);

    private final CentraClient centra;
    private final ShipmentProgress progress;
    private final Payment payment;
    private final boolean sendEmail;

    public ShipmentDelivery(CentraClient centra, ShipmentProgress progress, Payment payment, boolean sendEmail) {
        this.centra = centra;
        this.progress = progress;
        this.payment = payment;
        this.sendEmail = sendEmail;
    }

    public ShipmentOutcome deliver(InboundDocument shipment) {
        if (!shipment.isValid()) {
            return ShipmentOutcome.refused(shipment, shipment.problems().isEmpty() ? "no lines"
                    : String.join("; ", shipment.problems()));
        }
        String reference = shipment.reference();
        Optional<Entry> entry = progress.find(FLOW, reference);
        if (entry.isPresent() && entry.get().step() == Step.COMPLETED) {
            String conflict = conflict(shipment, entry.get());
            return conflict != null ? outcome(shipment, ShipmentOutcome.CONFLICT, entry.get().centraId(), conflict)
                    : outcome(shipment, ShipmentOutcome.ALREADY_COMPLETED, entry.get().centraId(),
                    "completed earlier; nothing sent");
        }
        JsonNode order = order(shipment.orderNumber());
        if (order == null) {
            return ShipmentOutcome.refused(shipment, "unknown order " + shipment.orderNumber());
        }
        if (entry.isPresent() && entry.get().orderNumber() != shipment.orderNumber()) {
            return ShipmentOutcome.refused(shipment, "reference " + reference + " was used for order "
                    + entry.get().orderNumber() + " before");
        }
        Map<Integer, Integer> lines = new LinkedHashMap<>();
        Step step = entry.map(Entry::step).orElse(null);
        Long id = entry.map(Entry::centraId).orElse(null);
        if (id == null) {
            JsonNode found = existing(order, reference, null);
            if (found == null) {
                String refusal = resolveLines(shipment, order, lines);
                if (refusal != null) {
                    return ShipmentOutcome.refused(shipment, refusal);
                }
                found = step == Step.CREATING ? existing(order, reference, lines) : null;
            }
            if (found != null) {
                id = found.path("id").asLong();
            } else {
                Created created = create(shipment, lines);
                if (created.refusal() != null) {
                    return ShipmentOutcome.refused(shipment, created.refusal());
                }
                id = created.id();
            }
            centra.mutate("tagShipment", Map.of("id", id, "externalId", reference), Retry.SAFE).orThrow();
            progress.step(FLOW, reference, Step.CREATED, id);
            step = Step.CREATED;
            order = order(shipment.orderNumber());
        }
        JsonNode current = shipmentOf(order, id);
        if (step == Step.CREATED) {
            String refusal = pay(id, current);
            if (refusal != null) {
                return outcome(shipment, ShipmentOutcome.INCOMPLETE, id, "capture refused: " + refusal
                        + "; shipment created but not completed; drop the file again once the payment is sorted");
            }
            progress.step(FLOW, reference, Step.PAID, id);
        }
        String refusal = complete(shipment, id, current);
        if (refusal != null) {
            return outcome(shipment, ShipmentOutcome.INCOMPLETE, id, "complete refused: " + refusal);
        }
        progress.step(FLOW, reference, Step.COMPLETED, id);
        log.info("ERP shipment {} of order {} completed in Centra as shipment {}", reference, shipment.orderNumber(), id);
        return outcome(shipment, ShipmentOutcome.COMPLETED, id, paymentDone() + "completed with tracking "
                + (shipment.text("tracking_number") == null ? "(none)" : shipment.text("tracking_number")));
    }

    /**
     * Why a document whose reference was completed before is not that shipment again (another order, other lines),
     * or null when it is the same one re-sent.
     */
    String conflict(InboundDocument shipment, Entry done) {
        String reused = "reference " + shipment.reference() + " was completed before as Centra shipment "
                + done.centraId();
        if (done.orderNumber() != shipment.orderNumber()) {
            return reused + " of order " + done.orderNumber() + "; nothing sent - give this shipment its own reference";
        }
        JsonNode order = order(shipment.orderNumber());
        JsonNode earlier = done.centraId() == null ? null : shipmentOf(order, done.centraId());
        if (earlier == null) {
            return null; // nothing to compare with: taken as the same shipment
        }
        Map<String, Integer> shipped = new TreeMap<>();
        Map<Integer, JsonNode> orderLines = new HashMap<>();
        order.path("lines").forEach(l -> orderLines.put(l.path("id").asInt(), l.path("productSize")));
        earlier.path("lines").forEach(l -> {
            JsonNode size = orderLines.get(l.path("orderLine").path("id").asInt());
            shipped.merge(size == null ? "?" : size.path("SKU").asText(), l.path("quantity").asInt(), Integer::sum);
        });
        Map<String, Integer> wanted = new TreeMap<>();
        for (Map<String, Object> line : shipment.lines()) {
            String sku = text(line.get("sku"));
            String ean = text(line.get("ean"));
            if (sku == null && ean != null) {
                sku = orderLines.values().stream().filter(size -> ean.equals(size.path("EAN").asText(null)))
                        .map(size -> size.path("SKU").asText()).findFirst().orElse("EAN " + ean);
            }
            wanted.merge(sku, line.get("quantity") instanceof Number n ? n.intValue() : 0, Integer::sum);
        }
        return wanted.equals(shipped) ? null : reused + " with " + shipped + "; this file has " + wanted
                + " for it - not shipped: give a new shipment its own reference";
    }

    /** Centra's new shipment id, or why Centra refused to create it. */
    private record Created(Long id, String refusal) {
    }

    /** Creates the shipment, recorded as CREATING first and CREATED with its id right after. */
    private Created create(InboundDocument shipment, Map<Integer, Integer> lines) {
        progress.creating(FLOW, shipment.reference(), shipment.orderNumber());
        MutationResult result = centra.mutate("createShipment", createVariables(shipment, lines), Retry.NEVER);
        if (!result.ok()) {
            progress.forget(FLOW, shipment.reference());
            return new Created(null, reason(result.userErrors()));
        }
        long id = result.payload().path("shipment").path("id").asLong();
        progress.step(FLOW, shipment.reference(), Step.CREATED, id);
        return new Created(id, null);
    }

    /** Null when paid as configured, else Centra's reason. */
    private String pay(long id, JsonNode current) {
        switch (payment) {
            case CAPTURE -> {
                if (current != null && current.path("isCaptured").asBoolean()) {
                    return null;
                }
                MutationResult result = centra.mutate("captureShipment", Map.of("id", id), Retry.NEVER);
                return result.ok() ? null : reason(result.userErrors());
            }
            case MARK_PAID -> {
                MutationResult result = centra.mutate("markShipmentPaid", Map.of("id", id), Retry.SAFE);
                return result.ok() ? null : reason(result.userErrors());
            }
            default -> {
                return null;
            }
        }
    }

    private String complete(InboundDocument shipment, long id, JsonNode current) {
        if (current != null && current.path("isShipped").asBoolean()) {
            return null;
        }
        MutationResult result = centra.mutate("completeShipment", completeVariables(shipment, id), Retry.NEVER);
        if (result.ok()) {
            return null;
        }
        // An answer lost on the way back: Centra completed it already.
        JsonNode again = shipmentOf(order(shipment.orderNumber()), id);
        return again != null && again.path("isShipped").asBoolean() ? null : reason(result.userErrors());
    }

    /** completeShipment's variables: tracking and packages from the ERP, sendEmail from the file or the mapping. */
    Map<String, Object> completeVariables(InboundDocument shipment, Object id) {
        Map<String, Object> info = new HashMap<>();
        putIfPresent(info, "carrier", shipment.text("carrier"));
        putIfPresent(info, "service", shipment.text("service"));
        putIfPresent(info, "trackingNumber", shipment.text("tracking_number"));
        putIfPresent(info, "returnTrackingNumber", shipment.text("return_tracking_number"));
        if (shipment.header().get("packages") instanceof Number packages) {
            info.put("packagesNumber", packages.intValue());
        }
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("id", id);
        variables.put("info", info);
        variables.put("sendEmail", shipment.header().get("send_email") instanceof Boolean b ? b : sendEmail);
        putIfPresent(variables, "shippedAt", shipment.text("shipped_at"));
        return variables;
    }

    /** createShipment's variables for the resolved order lines (order line id → quantity). */
    static Map<String, Object> createVariables(InboundDocument shipment, Map<Integer, Integer> lines) {
        List<Map<String, Object>> input = new ArrayList<>();
        lines.forEach((line, quantity) -> input.add(Map.of("orderLine", Map.of("id", line), "quantity", quantity)));
        return Map.of("order", shipment.orderNumber(), "lines", input);
    }

    /** The payment mutation the mapping's {@code capture} asks for, if any, when the shipment is not paid yet. */
    Optional<String> paymentMutation(JsonNode current) {
        return switch (payment) {
            case CAPTURE -> current != null && current.path("isCaptured").asBoolean() ? Optional.empty()
                    : Optional.of("captureShipment");
            case MARK_PAID -> Optional.of("markShipmentPaid");
            case NONE -> Optional.empty();
        };
    }

    /**
     * Maps the ERP's lines (SKU/EAN, quantity) to order lines; the reason when one cannot be shipped. Units of one SKU
     * on several order lines fill them in order.
     */
    static String resolveLines(InboundDocument shipment, JsonNode order, Map<Integer, Integer> lines) {
        if ("CANCELLED".equals(order.path("status").asText())) {
            return "order " + shipment.orderNumber() + " is cancelled";
        }
        Map<Integer, Integer> room = new HashMap<>();
        for (Map<String, Object> line : shipment.lines()) {
            String sku = text(line.get("sku"));
            String ean = text(line.get("ean"));
            int quantity = ((Number) line.get("quantity")).intValue();
            List<JsonNode> candidates = new ArrayList<>();
            for (JsonNode orderLine : order.path("lines")) {
                JsonNode size = orderLine.path("productSize");
                if ((sku != null && sku.equals(size.path("SKU").asText(null)))
                        || (sku == null && ean != null && ean.equals(size.path("EAN").asText(null)))) {
                    candidates.add(orderLine);
                }
            }
            String item = sku != null ? "SKU " + sku : "EAN " + ean;
            if (candidates.isEmpty()) {
                return "line not in order: " + item + " is not in order " + shipment.orderNumber();
            }
            if (quantity < 1) {
                return "quantity " + quantity + " of " + item + " must be at least 1";
            }
            int left = quantity;
            int ordered = 0;
            for (JsonNode orderLine : candidates) {
                int id = orderLine.path("id").asInt();
                int free = room.computeIfAbsent(id, k -> orderLine.path("quantity").asInt());
                ordered += orderLine.path("quantity").asInt();
                int take = Math.min(free, left);
                if (take > 0) {
                    lines.merge(id, take, Integer::sum);
                    room.put(id, free - take);
                    left -= take;
                }
            }
            if (left > 0) {
                return "quantity more than ordered: " + quantity + " of " + item + ", order " + shipment.orderNumber()
                        + " has " + ordered;
            }
        }
        return null;
    }

    /**
     * The order's shipment this reference made: tagged with it, or (after a crash before tagging, {@code lines}
     * given) the only untagged, unshipped one of exactly these lines.
     */
    static JsonNode existing(JsonNode order, String reference, Map<Integer, Integer> lines) {
        List<JsonNode> untagged = new ArrayList<>();
        for (JsonNode shipment : order.path("shipments")) {
            if (reference.equals(shipment.path("externalId").asText(null))) {
                return shipment;
            }
            if (shipment.path("externalId").isNull() && !shipment.path("isShipped").asBoolean()
                    && lines != null && lines.equals(linesOf(shipment))) {
                untagged.add(shipment);
            }
        }
        return untagged.size() == 1 ? untagged.get(0) : null;
    }

    private static Map<Integer, Integer> linesOf(JsonNode shipment) {
        Map<Integer, Integer> lines = new LinkedHashMap<>();
        shipment.path("lines").forEach(l -> lines.merge(l.path("orderLine").path("id").asInt(),
                l.path("quantity").asInt(), Integer::sum));
        return lines;
    }

    JsonNode order(Integer number) {
        JsonNode orders = centra.query("shipmentOrder", Map.of("number", number)).data().path("orders");
        return orders.isArray() && !orders.isEmpty() ? orders.get(0) : null;
    }

    static JsonNode shipmentOf(JsonNode order, long id) {
        if (order == null) {
            return null;
        }
        for (JsonNode shipment : order.path("shipments")) {
            if (shipment.path("id").asLong() == id) {
                return shipment;
            }
        }
        return null;
    }

    private String paymentDone() {
        return switch (payment) {
            case CAPTURE -> "captured, ";
            case MARK_PAID -> "marked paid, ";
            case NONE -> "";
        };
    }

    private static ShipmentOutcome outcome(InboundDocument shipment, String outcome, Long id, String reason) {
        return new ShipmentOutcome(shipment.reference(), String.valueOf(shipment.orderNumber()), outcome,
                id == null ? "" : id.toString(), reason);
    }

    private static String reason(List<CentraProblem> errors) {
        return errors.stream().map(CentraProblem::message).collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
