package org.centraerp.connector.flows.returns;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.shipments.InboundDocument;
import org.centraerp.connector.flows.shipments.InboundDocumentPreview;
import org.centraerp.connector.flows.shipments.ShipmentProgress;
import org.centraerp.connector.mapping.InboundDocumentsMapping;

/**
 * {@code preview returns-file <file>}: what route import-return-file would send for an ERP returns file, sending
 * nothing and recording nothing: per return (its lines in the file) the createReturn and completeReturn calls
 * {@link ReturnDelivery} would make, with their variables, or why none (returned earlier; refused: the report's
 * reason).
 */
public final class ReturnFilePreview {

    /** Stands for the id Centra gives a return createReturn would make. */
    static final String NEW_RETURN = "(id of the new return)";

    private final CentraClient centra;
    private final ShipmentProgress progress;

    public ReturnFilePreview(CentraClient centra, ShipmentProgress progress) {
        this.centra = centra;
        this.progress = progress;
    }

    /** Prints the preview; 0 when the file could be read, 1 otherwise. */
    public int run(InboundDocumentsMapping mapping, Path file, PrintStream out) {
        ReturnDelivery delivery = new ReturnDelivery(centra, progress, mapping.flag("restock-default", true),
                mapping.flag("send-email", false));
        return InboundDocumentPreview.print("return", mapping, file, out,
                (document, calls) -> plan(delivery, document, calls));
    }

    /** The calls, in order, into {@code calls}; or why none is made. Follows {@link ReturnDelivery#deliver}. */
    private static String plan(ReturnDelivery delivery, InboundDocument document,
                               List<Map.Entry<String, Object>> calls) {
        JsonNode order = delivery.order(document.orderNumber());
        if (order == null) {
            return "refused — unknown order " + document.orderNumber();
        }
        Map<Boolean, List<Map<String, Object>>> byDecision = delivery.byDecision(document);
        for (Map.Entry<Boolean, List<Map<String, Object>>> part : byDecision.entrySet()) {
            String key = ReturnDelivery.key(document, byDecision, part.getKey());
            List<JsonNode> existing = ReturnDelivery.existing(order, key);
            if (existing.isEmpty()) {
                Map<JsonNode, Map<Integer, Integer>> lines = new LinkedHashMap<>();
                String refusal = ReturnDelivery.resolve(document, order, part.getValue(), lines);
                if (refusal != null) {
                    return "refused — " + refusal;
                }
                for (Map.Entry<JsonNode, Map<Integer, Integer>> shipment : lines.entrySet()) {
                    String externalId = lines.size() == 1 ? key : key + "/" + shipment.getKey().path("number").asText();
                    calls.add(Map.entry("createReturn", ReturnDelivery.createVariables(document, shipment.getKey(),
                            shipment.getValue(), part.getKey(), externalId)));
                    calls.add(Map.entry("completeReturn", complete(NEW_RETURN, delivery)));
                }
            }
            for (JsonNode ret : existing) {
                if (!"COMPLETED".equals(ret.path("status").asText())) {
                    calls.add(Map.entry("completeReturn", complete(ret.path("id").asLong(), delivery)));
                }
            }
        }
        return calls.isEmpty() ? "skipped, returned earlier; nothing sent" : null;
    }

    private static Map<String, Object> complete(Object id, ReturnDelivery delivery) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("id", id);
        variables.put("sendEmail", delivery.sendEmail());
        return variables;
    }
}
