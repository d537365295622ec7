package org.centraerp.connector.flows.returns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraProblem;
import org.centraerp.connector.centra.MutationResult;
import org.centraerp.connector.flows.shipments.InboundDocument;
import org.centraerp.connector.flows.shipments.ShipmentOutcome;
import org.centraerp.connector.flows.shipments.ShipmentProgress;
import org.centraerp.connector.flows.shipments.ShipmentProgress.Step;

/**
 * One ERP return into Centra: the returned SKUs/EANs are found among the order's completed shipments, then
 * {@code createReturn} (per shipment, and per stock decision: back to the warehouse or removed from stock) and
 * {@code completeReturn}. Each Centra return carries the ERP reference as its externalId
 * ({@code <ref>}, {@code <ref>#restock}/{@code <ref>#no-restock} when the decisions differ, plus
 * {@code /<shipment number>} when the lines came in several shipments), so a repeat finds it instead of returning
 * the items twice.
 */
public class ReturnDelivery {

    public static final String FLOW = "returns";

    private final CentraClient centra;
    private final ShipmentProgress progress;
    private final boolean restockDefault;
    private final boolean sendEmail;

    public ReturnDelivery(CentraClient centra, ShipmentProgress progress, boolean restockDefault, boolean sendEmail) {
        this.centra = centra;
        this.progress = progress;
        this.restockDefault = restockDefault;
        this.sendEmail = sendEmail;
    }

    public ShipmentOutcome deliver(InboundDocument document) {
        if (!document.isValid()) {
            return ShipmentOutcome.refused(document, document.problems().isEmpty() ? "no lines"
                    : String.join("; ", document.problems()));
        }
        JsonNode order = order(document.orderNumber());
        if (order == null) {
            return ShipmentOutcome.refused(document, "unknown order " + document.orderNumber());
        }
        Map<Boolean, List<Map<String, Object>>> byDecision = byDecision(document);
        List<String> ids = new ArrayList<>();
        boolean didSomething = false;
        for (Map.Entry<Boolean, List<Map<String, Object>>> part : byDecision.entrySet()) {
            String key = key(document, byDecision, part.getKey());
            List<JsonNode> existing = existing(order, key);
            if (existing.isEmpty()) {
                Map<JsonNode, Map<Integer, Integer>> lines = new LinkedHashMap<>();
                String refusal = resolve(document, order, part.getValue(), lines);
                if (refusal != null) {
                    return ShipmentOutcome.refused(document, refusal);
                }
                for (Map.Entry<JsonNode, Map<Integer, Integer>> shipment : lines.entrySet()) {
                    String externalId = lines.size() == 1 ? key : key + "/" + shipment.getKey().path("number").asText();
                    String created = create(document, shipment.getKey(), shipment.getValue(), part.getKey(),
                            externalId, ids);
                    if (created != null) {
                        return ShipmentOutcome.refused(document, created);
                    }
                    didSomething = true;
                }
                existing = existing(order(document.orderNumber()), key);
            }
            for (JsonNode ret : existing) {
                long id = ret.path("id").asLong();
                if (!ids.contains(Long.toString(id))) {
                    ids.add(Long.toString(id));
                }
                if (!"COMPLETED".equals(ret.path("status").asText())) {
                    MutationResult result = centra.mutate("completeReturn", Map.of("id", id, "sendEmail", sendEmail),
                            Retry.NEVER);
                    if (!result.ok()) {
                        return new ShipmentOutcome(document.reference(), document.orderNumber().toString(),
                                ShipmentOutcome.INCOMPLETE, String.join(",", ids),
                                "complete refused: " + reason(result.userErrors()));
                    }
                    didSomething = true;
                }
                progress.step(FLOW, ret.path("externalId").asText(), Step.COMPLETED, id);
            }
        }
        return new ShipmentOutcome(document.reference(), document.orderNumber().toString(),
                didSomething ? ShipmentOutcome.COMPLETED : ShipmentOutcome.ALREADY_COMPLETED, String.join(",", ids),
                didSomething ? "returned and completed" : "returned earlier; nothing sent");
    }

    /** The document's lines by whether they go back to the warehouse (a line's restock, else the mapping's). */
    Map<Boolean, List<Map<String, Object>>> byDecision(InboundDocument document) {
        Map<Boolean, List<Map<String, Object>>> byDecision = new LinkedHashMap<>();
        for (Map<String, Object> line : document.lines()) {
            boolean restock = line.get("restock") instanceof Boolean b ? b : restockDefault;
            byDecision.computeIfAbsent(restock, k -> new ArrayList<>()).add(line);
        }
        return byDecision;
    }

    /** The externalId (before any /<shipment number>) of one part of the document. */
    static String key(InboundDocument document, Map<Boolean, ?> byDecision, boolean restock) {
        return byDecision.size() == 1 ? document.reference()
                : document.reference() + (restock ? "#restock" : "#no-restock");
    }

    boolean sendEmail() {
        return sendEmail;
    }

    /** createReturn's variables for lines of one shipment (shipment line id → quantity). */
    static Map<String, Object> createVariables(InboundDocument document, JsonNode shipment, Map<Integer, Integer> lines,
                                               boolean restock, String externalId) {
        List<Map<String, Object>> input = new ArrayList<>();
        lines.forEach((line, quantity) -> input.add(Map.of("shipmentLine", Map.of("id", line), "quantity", quantity)));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("shipment", shipment.path("id").asInt());
        variables.put("lines", input);
        variables.put("policy", restock ? Map.of("releaseItemsBackToWarehouse", true)
                : Map.of("removeItemsFromStock", true));
        variables.put("externalId", externalId);
        if (document.text("comment") != null) {
            variables.put("comment", document.text("comment"));
        }
        return variables;
    }

    /** Creates one return; null when done, else Centra's reason. */
    private String create(InboundDocument document, JsonNode shipment, Map<Integer, Integer> lines, boolean restock,
                          String externalId, List<String> ids) {
        progress.creating(FLOW, externalId, document.orderNumber());
        MutationResult result = centra.mutate("createReturn", createVariables(document, shipment, lines, restock,
                externalId), Retry.NEVER);
        if (!result.ok()) {
            progress.forget(FLOW, externalId);
            return reason(result.userErrors());
        }
        long id = result.payload().path("return").path("id").asLong();
        progress.step(FLOW, externalId, Step.CREATED, id);
        ids.add(Long.toString(id));
        return null;
    }

    /** Returned SKUs/EANs to shipment lines of completed shipments, by what is left to return; or the reason not. */
    static String resolve(InboundDocument document, JsonNode order, List<Map<String, Object>> wanted,
                                  Map<JsonNode, Map<Integer, Integer>> lines) {
        Map<Integer, Integer> room = new HashMap<>();
        for (Map<String, Object> line : wanted) {
            String sku = text(line.get("sku"));
            String ean = text(line.get("ean"));
            String item = sku != null ? "SKU " + sku : "EAN " + ean;
            int left = ((Number) line.get("quantity")).intValue();
            boolean found = false;
            for (JsonNode shipment : order.path("shipments")) {
                if (!shipment.path("isShipped").asBoolean()) {
                    continue;
                }
                for (JsonNode shipmentLine : shipment.path("lines")) {
                    JsonNode size = shipmentLine.path("orderLine").path("productSize");
                    boolean match = sku != null ? sku.equals(size.path("SKU").asText(null))
                            : ean != null && ean.equals(size.path("EAN").asText(null));
                    if (!match) {
                        continue;
                    }
                    found = true;
                    int id = shipmentLine.path("id").asInt();
                    int free = room.computeIfAbsent(id, k -> shipmentLine.path("quantity").asInt()
                            - returned(shipment, k));
                    int take = Math.min(free, left);
                    if (take > 0) {
                        lines.computeIfAbsent(shipment, k -> new LinkedHashMap<>()).merge(id, take, Integer::sum);
                        room.put(id, free - take);
                        left -= take;
                    }
                }
            }
            if (!found) {
                return "line not shipped: " + item + " is in no completed shipment of order " + document.orderNumber();
            }
            if (left > 0) {
                return "quantity more than shipped: " + left + " of " + item + " cannot be returned (shipped less, or"
                        + " returned already)";
            }
        }
        return null;
    }

    private static int returned(JsonNode shipment, int shipmentLineId) {
        int total = 0;
        for (JsonNode ret : shipment.path("returns")) {
            for (JsonNode line : ret.path("lines")) {
                if (line.path("shipmentLine").path("id").asInt() == shipmentLineId) {
                    total += line.path("quantity").asInt();
                }
            }
        }
        return total;
    }

    /** The order's returns this key made (externalId {@code key} or {@code key/<shipment>}). */
    static List<JsonNode> existing(JsonNode order, String key) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode shipment : order.path("shipments")) {
            for (JsonNode ret : shipment.path("returns")) {
                String externalId = ret.path("externalId").asText("");
                if (externalId.equals(key) || externalId.startsWith(key + "/")) {
                    found.add(ret);
                }
            }
        }
        return found;
    }

    JsonNode order(Integer number) {
        JsonNode orders = centra.query("returnOrder", Map.of("number", number)).data().path("orders");
        return orders.isArray() && !orders.isEmpty() ? orders.get(0) : null;
    }

    private static String reason(List<CentraProblem> errors) {
        return errors.stream().map(CentraProblem::message).collect(Collectors.joining("; "));
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
