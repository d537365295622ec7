package org.centraerp.connector.flows.shipments;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.centraerp.connector.mapping.InboundDocumentsMapping;

/**
 * What a flow of ERP documents (shipments, returns) would send for one file, sending nothing and recording
 * nothing: per document (its lines in the file) the calls it would make, each with its variables, or why none.
 * The flow's own preview says which calls ({@link Planner}).
 */
public final class InboundDocumentPreview {

    /** One flow's plan for a document. */
    @FunctionalInterface
    public interface Planner {
        /** Adds the calls, in order, to {@code calls} (name, variables); answers why none is made, or null. */
        String plan(InboundDocument document, List<Map.Entry<String, Object>> calls);
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private InboundDocumentPreview() {
    }

    /**
     * Prints the preview of {@code file}, each document named as a {@code noun} (shipment, return); 0 when the
     * file could be read, 1 otherwise.
     */
    public static int print(String noun, InboundDocumentsMapping mapping, Path file, PrintStream out,
                            Planner planner) {
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
        out.println("# Preview of " + name + " with " + mapping.file() + ": nothing is sent");
        for (InboundDocument document : documents) {
            List<Map.Entry<String, Object>> calls = new ArrayList<>();
            String skipped = planned(planner, document, calls);
            String what = document.source() + ": " + noun + " " + (document.reference() == null ? "(no reference)"
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

    /** A document the file's checks refused never gets to the flow's plan. */
    private static String planned(Planner planner, InboundDocument document,
                                  List<Map.Entry<String, Object>> calls) {
        if (!document.isValid()) {
            return "refused — " + (document.problems().isEmpty() ? "no lines"
                    : String.join("; ", document.problems()));
        }
        return planner.plan(document, calls);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }
}
