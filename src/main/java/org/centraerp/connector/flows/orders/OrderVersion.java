package org.centraerp.connector.flows.orders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The content version of a Centra order: SHA-256 of the order as fetched, without the fields that change when
 * nothing the ERP cares about changed ({@code updatedAt}) or that the connector changes itself ({@code isLocked}).
 * Centra answers fields in the document's order, so the same content gives the same text.
 */
public final class OrderVersion {

    static final List<String> IGNORED = List.of("updatedAt", "isLocked");

    private OrderVersion() {
    }

    public static String of(JsonNode order) {
        ObjectNode copy = order.deepCopy();
        copy.remove(IGNORED);
        return sha256(copy.toString());
    }

    /** The version the order will have after the connector confirmed it (status CONFIRMED, nothing else). */
    public static String afterConfirm(JsonNode order) {
        ObjectNode copy = order.deepCopy();
        copy.put("status", "CONFIRMED");
        return of(copy);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
