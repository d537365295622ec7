package org.centraerp.connector.flows.orders;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.MutationResult;
import org.centraerp.connector.flows.orders.OrderExports.CentraAction;
import org.centraerp.connector.flows.orders.OrderExports.Export;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells Centra that the ERP has orders: {@code setOrdersLock} (one call per batch) and/or {@code confirmOrder}
 * (PENDING orders), as configured. Runs only after the export is WRITTEN; what fails for Centra being unavailable
 * stays PENDING and ends the run (the flow pauses, see {@code ops/FlowRetryPolicy}); the next run tells Centra
 * about those first; a userError marks it FAILED for the operator.
 */
public class OrderCentraActions {

    private static final Logger log = LoggerFactory.getLogger(OrderCentraActions.class);

    private final CentraClient centra;
    private final OrderExports exports;
    private final OrdersProperties properties;
    /** A lock/confirm failed on Centra's side: orders are left PENDING for the next run of export-orders. */
    private final AtomicBoolean heldBack = new AtomicBoolean();

    public OrderCentraActions(CentraClient centra, OrderExports exports, OrdersProperties properties) {
        this.centra = centra;
        this.exports = exports;
        this.properties = properties;
    }

    /**
     * @param exported exports whose action is PENDING (others are skipped)
     * @param orders   the orders as fetched, by number, when known (to note the connector's own confirm)
     */
    public void apply(List<Export> exported, Map<Long, JsonNode> orders) {
        List<Export> pending = exported.stream().filter(e -> e.centraAction() == CentraAction.PENDING).toList();
        if (pending.isEmpty()) {
            return;
        }
        List<Long> numbers = pending.stream().map(Export::orderNumber).distinct().toList();
        try {
            if (properties.lock()) {
                MutationResult locked = centra.mutate("setOrdersLock",
                        Map.of("orders", numbers.stream().map(n -> Map.of("number", n)).toList()), Retry.SAFE);
                if (!locked.ok()) {
                    // Centra changed nothing: the orders are reported one by one for the operator.
                    pending.forEach(e -> exports.centraActionFailed(e, "setOrdersLock: " + locked.userErrors()));
                    log.warn("setOrdersLock refused for orders {}: {}", numbers, locked.userErrors());
                    return;
                }
            }
            for (Export export : pending) {
                if (properties.confirm() && "PENDING".equals(export.centraStatus())) {
                    confirm(export, orders.get(export.orderNumber()));
                } else {
                    exports.centraActionDone(export);
                }
            }
            log.debug("Centra told about orders {}", numbers);
        } catch (CentraException e) {
            // The orders stay PENDING; the route's retry policy logs the cause once and pauses the flow, whose next
            // run tells Centra about them first (heldBack).
            heldBack.set(true);
            throw e;
        }
    }

    private void confirm(Export export, JsonNode order) {
        MutationResult confirmed = centra.mutate("confirmOrder", Map.of("number", export.orderNumber()), Retry.SAFE);
        if (!confirmed.ok()) {
            exports.centraActionFailed(export, "confirmOrder: " + confirmed.userErrors());
            log.warn("confirmOrder refused for order {}: {}", export.orderNumber(), confirmed.userErrors());
            return;
        }
        exports.centraActionDone(export);
        if (order != null) {
            exports.confirmedByConnector(export, OrderVersion.afterConfirm(order));
        }
    }

    /**
     * Finishes lock/confirm left PENDING (Centra was down, or the instance died after the export). While this
     * instance holds orders back after a failure, route export-orders tells Centra about them ({@link #heldBack()}).
     */
    public void retryPending() {
        if (heldBack.get()) {
            return;
        }
        List<Export> pending = exports.pendingCentraActions(properties.batchSize(), properties.lease());
        if (!pending.isEmpty()) {
            apply(pending, Map.of());
        }
    }

    /**
     * After Centra failed to take a lock/confirm (unreachable, token refused, a permission missing), the orders
     * left PENDING go first, before new ones are exported: a failure again ends the run, so the flow stays paused
     * until Centra takes them, and no new order is exported unlocked meanwhile.
     */
    public void heldBack() {
        while (heldBack.get()) {
            List<Export> pending = exports.pendingCentraActions(properties.batchSize(), Duration.ZERO);
            if (pending.isEmpty()) {
                heldBack.set(false);
                return;
            }
            apply(pending, Map.of());
            if (pending.size() < properties.batchSize()) {
                heldBack.set(false);
            }
        }
    }
}
