package org.centraerp.connector.flows.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.flows.orders.OrderExports.Export;
import org.centraerp.connector.flows.orders.OrderInbox.Claim;

/** What one run of route export-orders works on: the claimed order numbers, the fetched orders, the exports made. */
public final class OrderBatch {

    private final List<Claim> claims;
    private final Map<Long, JsonNode> orders = new LinkedHashMap<>();
    private final List<Export> exported = new ArrayList<>();
    private final List<OrderFile> files = new ArrayList<>();
    private final int capacity;

    public OrderBatch(List<Claim> claims, int capacity) {
        this.claims = List.copyOf(claims);
        this.capacity = capacity;
    }

    public List<Claim> claims() {
        return claims;
    }

    public boolean isEmpty() {
        return claims.isEmpty();
    }

    /** As many orders as one batch takes: there may be more waiting. */
    public boolean isFull() {
        return claims.size() >= capacity;
    }

    public List<Long> numbers() {
        return claims.stream().map(Claim::orderNumber).toList();
    }

    public Map<Long, JsonNode> orders() {
        return orders;
    }

    public List<Export> exported() {
        return exported;
    }

    /** The order versions whose file is to be written to the ERP's outbox. */
    public List<OrderFile> files() {
        return files;
    }

    /** One order version's file on its way to the outbox endpoint. */
    public record OrderFile(Claim claim, String updatedAt, OrderExporter.Pending pending) {
        public String name() {
            return pending.fileName();
        }
    }

    @Override
    public String toString() {
        return "OrderBatch" + numbers();
    }
}
