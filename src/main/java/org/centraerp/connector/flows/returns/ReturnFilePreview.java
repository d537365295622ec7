package org.centraerp.connector.flows.returns;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.shipments.InboundDocument;
import org.centraerp.connector.flows.shipments.InboundDocumentReader;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final CentraClient centra;
    private final ShipmentProgress progress;

    public ReturnFilePreview(CentraClient centra, ShipmentProgress progress) {
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
        ReturnDelivery delivery = new ReturnDelivery(centra, progress, mapping.flag("restock-default", true),
                mapping.flag("send-email", false));
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        for (InboundDocument document : documents) {
            List<Map.Entry<String, Map<String, Object>>> calls = new ArrayList<>();
            String skipped = plan(delivery, document, calls);
            String what = document.source() + ": return " + (document.reference() == null ? "(no reference)"
                    : document.reference()) + " of order " + document.orderNumber();
            if (skipped != null) {
                out.println(what + " — " + skipped);
                continue;
            }
            out.println(what + " — " + String.join(", ", calls.stream().map(Map.Entry::getKey).toList()));
            calls.forEach(call -> {
                out.println("# " + call.getKey() + ", variables:");
                out.println(json(call.getValue()));
            });
        }
        return 0;
    }

    /** The calls, in order, into {@code calls}; or why none is made. Follows {@link ReturnDelivery#deliver}. */
    private static String plan(ReturnDelivery delivery, InboundDocument document,
                               List<Map.Entry<String, Map<String, Object>>> calls) {
        if (!document.isValid()) {
            return "refused — " + (document.problems().isEmpty() ? "no lines"
                    : String.join("; ", document.problems()));
        }
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

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
