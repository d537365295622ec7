package org.centraerp.connector.flows.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.MutationResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Centra the ERP keys of what the import created or found ({@code setIdConversions}), in batches. Off when
 * the token has no integration name (connector.catalogue.id-conversions=false); the connector's own id table is what
 * the import relies on, so a refused batch is logged, not fatal. Thread-safe: products synced side by side add
 * to one buffer; a full batch is sent by the thread that filled it, outside the lock.
 */
final class IdConversionBuffer {

    private static final Logger log = LoggerFactory.getLogger(IdConversionBuffer.class);
    private static final int BATCH = 200;

    private final CentraClient centra;
    private final boolean enabled;
    private final List<Map<String, Object>> pending = new ArrayList<>();

    IdConversionBuffer(CentraClient centra, boolean enabled) {
        this.centra = centra;
        this.enabled = enabled;
    }

    void add(String objectType, long internalId, String externalId) {
        if (!enabled) {
            return;
        }
        List<Map<String, Object>> full = null;
        synchronized (pending) {
            pending.add(Map.of("objectType", objectType, "internalId", internalId, "externalId", externalId));
            if (pending.size() >= BATCH) {
                full = take();
            }
        }
        send(full);
    }

    void flush() {
        List<Map<String, Object>> rest;
        synchronized (pending) {
            rest = take();
        }
        send(rest);
    }

    private List<Map<String, Object>> take() {
        List<Map<String, Object>> batch = List.copyOf(pending);
        pending.clear();
        return batch;
    }

    private void send(List<Map<String, Object>> batch) {
        if (batch == null || batch.isEmpty()) {
            return;
        }
        MutationResult result = centra.mutate("setIdConversions", Map.of("input", batch), Retry.SAFE);
        if (!result.ok()) {
            log.warn("Centra refused {} ID conversions (the import goes on; the connector's id table has them): {}",
                    batch.size(), result.userErrors());
        }
    }
}
