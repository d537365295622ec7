package org.centraerp.connector.sandbox.shipments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Problems;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.graphql.Filters;
import org.centraerp.connector.sandbox.store.Return;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;
import org.centraerp.connector.sandbox.store.StockLevel;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Returns: returns, createReturn and completeReturn. A return takes back units of a completed shipment, never more
 * than it shipped minus what earlier returns took back. Released back to the warehouse (or sent to another one), the
 * units are physical stock again; removed from stock, they are not. Rejected input changes nothing.
 */
@Controller
@ConditionalOnSandboxEnabled
public class ReturnController {

    enum ReturnStatus { IN_PROGRESS, COMPLETED }

    record ReturnFilter(List<Integer> id, List<String> externalId, List<ReturnStatus> status, Integer customerId,
                        StoreType storeType, Filters.DateRange createdAt) {
    }

    record ShipmentRef(Integer id, String externalId) {
    }

    record IdRef(Integer id) {
    }

    record LineInput(IdRef shipmentLine, Integer quantity) {
    }

    record StockPolicy(Boolean releaseItemsBackToWarehouse, Boolean removeItemsFromStock,
                       IdRef sendItemsToDifferentWarehouse) {
    }

    record CreateInput(ShipmentRef shipment, List<LineInput> lines, StockPolicy returnStockActionPolicy,
                       String comment, Instant createdAt, String externalId) {
    }

    record CompleteInput(Boolean sendEmail) {
    }

    static final Map<String, Comparator<Return>> SORT = Map.of("id", Comparator.comparingInt(Return::id));

    private final SandboxData data;
    private final ShipmentFaults faults;

    public ReturnController(SandboxData data, ShipmentFaults faults) {
        this.data = data;
        this.faults = faults;
    }

    @QueryMapping
    public List<Return> returns(@Argument ReturnFilter where, @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.returns.stream(), r -> matches(where, r), List.of("id_ASC"), SORT, limit, page);
    }

    private boolean matches(ReturnFilter where, Return r) {
        if (where == null) {
            return true;
        }
        Optional<Order> order = data.orders.byNumber(r.orderNumber());
        return (where.id() == null || where.id().contains(r.id()))
                && (where.externalId() == null || where.externalId().contains(r.externalId()))
                && (where.status() == null || where.status().contains(r.completed() ? ReturnStatus.COMPLETED
                        : ReturnStatus.IN_PROGRESS))
                && (where.customerId() == null || order.map(o -> where.customerId().equals(o.customerId())).orElse(false))
                && (where.storeType() == null || order.map(o -> o.storeType() == where.storeType()).orElse(false))
                && Filters.DateRange.contains(where.createdAt(), r.createdAt());
    }

    @MutationMapping
    public Payload createReturn(@Argument CreateInput input) {
        faults.maybeFail("createReturn");
        return data.write(() -> {
            var problems = new Problems();
            Optional<Shipment> found = shipment(input.shipment(), problems);
            StockPolicy policy = input.returnStockActionPolicy();
            int chosen = policy == null ? 0 : (Boolean.TRUE.equals(policy.releaseItemsBackToWarehouse()) ? 1 : 0)
                    + (Boolean.TRUE.equals(policy.removeItemsFromStock()) ? 1 : 0)
                    + (policy.sendItemsToDifferentWarehouse() != null ? 1 : 0);
            if (chosen != 1) {
                problems.error("Exactly one input field should be provided", "input", "returnStockActionPolicy");
            } else if (policy.sendItemsToDifferentWarehouse() != null
                    && !data.warehouses.exists(policy.sendItemsToDifferentWarehouse().id())) {
                problems.error("Warehouse with id " + policy.sendItemsToDifferentWarehouse().id() + " does not exist",
                        "input", "returnStockActionPolicy", "sendItemsToDifferentWarehouse");
            }
            if (found.isPresent() && !found.get().isShipped()) {
                problems.error("Shipment " + found.get().number() + " is not completed; only shipped items can be"
                        + " returned", "input", "shipment");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Shipment shipment = found.get();
            Map<Integer, Integer> wanted = lines(shipment, input.lines(), problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            boolean restock = !Boolean.TRUE.equals(policy.removeItemsFromStock());
            Order order = data.orders.byNumber(shipment.orderNumber()).orElseThrow();
            List<Return.Line> lines = new ArrayList<>();
            wanted.forEach((shipmentLineId, quantity) -> {
                lines.add(new Return.Line(data.nextReturnLineId(), shipmentLineId, quantity));
                if (restock) {
                    restock(order, shipment, shipmentLineId, quantity, policy.sendItemsToDifferentWarehouse());
                }
            });
            Instant now = Instant.now();
            Return created = data.returns.put(new Return(data.returns.nextId(), shipment.id(), shipment.orderNumber(),
                    input.externalId(), List.copyOf(lines), restock, input.comment(), false,
                    input.createdAt() != null ? input.createdAt() : now, null));
            return Payload.of(created, problems);
        });
    }

    @MutationMapping
    public Payload completeReturn(@Argument Integer id, @Argument CompleteInput input) {
        faults.maybeFail("completeReturn");
        return data.write(() -> {
            var problems = new Problems();
            Optional<Return> found = data.returns.find(id);
            if (found.isEmpty()) {
                problems.error("Return with id " + id + " does not exist", "id");
            } else if (found.get().completed()) {
                problems.error("Return " + id + " is already completed", "id");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            return Payload.of(data.returns.put(found.get().completed(Instant.now())), problems);
        });
    }

    private Optional<Shipment> shipment(ShipmentRef ref, Problems problems) {
        if (ref == null || (ref.id() == null) == (ref.externalId() == null)) {
            problems.error("Exactly one input field should be provided", "input", "shipment");
            return Optional.empty();
        }
        Optional<Shipment> shipment = ref.id() != null ? data.shipments.find(ref.id())
                : data.shipments.stream().filter(s -> ref.externalId().equals(s.externalId())).findFirst();
        if (shipment.isEmpty()) {
            problems.error("Shipment with " + (ref.id() != null ? "id " + ref.id()
                    : "externalId \"" + ref.externalId() + "\"") + " does not exist", "input", "shipment");
        }
        return shipment;
    }

    private Map<Integer, Integer> lines(Shipment shipment, List<LineInput> input, Problems problems) {
        Map<Integer, Integer> wanted = new LinkedHashMap<>();
        if (input == null || input.isEmpty()) {
            problems.error("A return needs at least one line", "input", "lines");
            return wanted;
        }
        for (int i = 0; i < input.size(); i++) {
            LineInput line = input.get(i);
            Integer lineId = line.shipmentLine() == null ? null : line.shipmentLine().id();
            Optional<Shipment.Line> shipped = shipment.lines().stream()
                    .filter(l -> lineId != null && l.id() == lineId).findFirst();
            if (shipped.isEmpty()) {
                problems.error("Shipment line with id " + lineId + " does not exist in shipment " + shipment.number(),
                        "input", "lines", Integer.toString(i), "shipmentLine");
                continue;
            }
            int returned = data.returns.stream().filter(r -> r.shipmentId() == shipment.id())
                    .mapToInt(r -> r.quantityOf(lineId)).sum();
            int left = shipped.get().quantity() - returned;
            int total = wanted.getOrDefault(lineId, 0) + (line.quantity() == null ? 0 : line.quantity());
            if (line.quantity() == null || line.quantity() < 1 || total > left) {
                problems.error("Quantity " + line.quantity() + " of shipment line " + lineId + " is more than the "
                        + Math.max(0, left) + " that can still be returned", "input", "lines", Integer.toString(i),
                        "quantity");
                continue;
            }
            wanted.put(lineId, total);
        }
        return wanted;
    }

    /** Physical stock up in the chosen warehouse, else where the line was allocated, else the first warehouse. */
    private void restock(Order order, Shipment shipment, int shipmentLineId, int quantity, IdRef warehouse) {
        Shipment.Line line = shipment.lines().stream().filter(l -> l.id() == shipmentLineId).findFirst().orElseThrow();
        OrderLine orderLine = order.lines().stream().filter(l -> l.id() == line.orderLineId()).findFirst().orElseThrow();
        Integer warehouseId = warehouse != null ? warehouse.id()
                : orderLine.allocations().stream().map(OrderLine.Allocation::warehouseId).findFirst()
                        .orElse(data.warehouses.stream().map(w -> w.id()).findFirst().orElse(null));
        if (warehouseId == null) {
            return;
        }
        StockLevel level = data.stock.get(orderLine.productSizeId(), warehouseId);
        data.stock.put(level.withPhysical(level.physical() + quantity));
    }
}
