package org.centraerp.connector.sandbox.shipments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.OrderService;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Problems;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.OrderStatus;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Shipments: shipments/shipment, createShipment, updateShipment, captureShipment and completeShipment. A shipment
 * ships lines of its order, never more than ordered (cancelled units excluded) minus what other shipments ship;
 * cancelled orders ship nothing. The order becomes PROCESSING with its first shipment and SHIPPED when every
 * ordered unit is in a completed, paid shipment. Rejected input changes nothing.
 */
@Controller
@ConditionalOnSandboxEnabled
public class ShipmentController {

    record ShipmentFilter(List<Integer> id, List<Integer> orderNumber, List<String> externalId, Boolean isShipped,
                          DateRange createdAt) {
        boolean test(Shipment s) {
            return (id == null || id.contains(s.id())) && (orderNumber == null || orderNumber.contains(s.orderNumber()))
                    && (externalId == null || externalId.contains(s.externalId()))
                    && (isShipped == null || isShipped == s.isShipped())
                    && DateRange.contains(createdAt, s.createdAt());
        }
    }

    record OrderRef(String id, Integer number) {
    }

    record IdRef(Integer id) {
    }

    record LineInput(IdRef orderLine, Integer quantity) {
    }

    record MoneyInput(BigDecimal value, String currencyIsoCode) {
    }

    record InfoInput(String carrier, String service, Integer packagesNumber, String trackingNumber,
                     String returnTrackingNumber, MoneyInput internalShippingCost) {
    }

    record CreateInput(OrderRef order, List<LineInput> lines, Boolean isGoodToGo, Boolean isPaid, Boolean capture,
                       Instant createdAt, Instant shippedAt, InfoInput shipmentInfo, Boolean sendEmail,
                       String additionalMessage, Boolean allocateDemand) {
    }

    record UpdateInput(InfoInput shipmentInfo, String additionalMessage, Boolean isGoodToGo, Boolean isPaid,
                       String externalId) {
    }

    record CompleteInput(Instant shippedAt, InfoInput shipmentInfo, Boolean sendEmail, String additionalMessage) {
    }

    /** What captureShipment answers: the payment entry and the shipment. */
    public record Capture(PaymentEntry paymentHistoryEntry, Shipment shipment) {
    }

    /** The capture's entry in the order's payment history. */
    public record PaymentEntry(int id, Instant createdAt, String status, String entryType, String externalReference,
                               BigDecimal value, String currency) {
    }

    static final Map<String, Comparator<Shipment>> SORT = Map.of("id", Comparator.comparingInt(Shipment::id));

    private final SandboxData data;
    private final OrderService orders;
    private final ShipmentFaults faults;
    private final ShipmentRules rules;

    public ShipmentController(SandboxData data, OrderService orders, ShipmentFaults faults, ShipmentRules rules) {
        this.data = data;
        this.orders = orders;
        this.faults = faults;
        this.rules = rules;
    }

    @QueryMapping
    public List<Shipment> shipments(@Argument ShipmentFilter where, @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.shipments.stream(), s -> where == null || where.test(s), List.of("id_ASC"), SORT,
                limit, page);
    }

    @QueryMapping
    public Shipment shipment(@Argument Integer id) {
        return data.shipments.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createShipment(@Argument CreateInput input) {
        faults.maybeFail("createShipment");
        return data.write(() -> {
            var problems = new Problems();
            Optional<Order> found = findOrder(input.order(), problems);
            if (found.isEmpty()) {
                return Payload.rejected(problems);
            }
            Order order = found.get();
            if (order.status() == OrderStatus.CANCELLED) {
                problems.error("Order " + order.number() + " is cancelled; it cannot be shipped", "input", "order");
                return Payload.rejected(problems);
            }
            List<Shipment.Line> lines = lines(order, input.lines(), problems);
            if (lines.isEmpty() && !problems.hasErrors()) {
                problems.error("Order " + order.number() + " has nothing left to ship", "input", "lines");
            }
            boolean capture = Boolean.TRUE.equals(input.capture());
            if (capture && faults.captureRefused(order.number())) {
                problems.error(ShipmentRules.CAPTURE_REFUSED, "input", "capture");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Instant now = Instant.now();
            long existing = data.shipments.stream().filter(s -> s.orderNumber() == order.number()).count();
            boolean paid = capture || Boolean.TRUE.equals(input.isPaid());
            Shipment.Info info = rules.info(Shipment.Info.NONE, input.shipmentInfo());
            Shipment shipment = new Shipment(data.shipments.nextId(), order.number() + "-" + (existing + 1),
                    order.number(), null, lines, !Boolean.FALSE.equals(input.isGoodToGo()), paid,
                    paid ? now : null, capture, capture ? now : null, input.shippedAt() != null,
                    input.shippedAt(), info, input.additionalMessage(),
                    input.createdAt() != null ? input.createdAt() : now, now);
            data.shipments.put(shipment);
            rules.orderShipmentsChanged(order, now);
            return Payload.of(shipment, problems);
        });
    }

    @MutationMapping
    public Payload updateShipment(@Argument Integer id, @Argument UpdateInput input) {
        faults.maybeFail("updateShipment");
        return data.write(() -> {
            var problems = new Problems();
            Optional<Shipment> found = findShipment(id, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Shipment shipment = found.get();
            Instant now = Instant.now();
            Shipment updated = shipment.updated(input.externalId() != null ? input.externalId() : shipment.externalId(),
                    input.isGoodToGo() != null ? input.isGoodToGo() : shipment.isGoodToGo(),
                    rules.info(shipment.info(), input.shipmentInfo()),
                    input.additionalMessage() != null ? input.additionalMessage() : shipment.additionalMessage(), now);
            if (input.isPaid() != null && input.isPaid() != shipment.isPaid()) {
                updated = updated.withPayment(input.isPaid(), input.isPaid() ? now : null, updated.isCaptured(),
                        updated.capturedAt(), now);
            }
            data.shipments.put(updated);
            rules.orderShipmentsChanged(data.orders.byNumber(shipment.orderNumber()).orElseThrow(), now);
            return Payload.of(updated, problems);
        });
    }

    @MutationMapping
    public Payload captureShipment(@Argument Integer id) {
        faults.maybeFail("captureShipment");
        return data.write(() -> {
            var problems = new Problems();
            Optional<Shipment> found = findShipment(id, problems);
            if (found.isPresent() && found.get().isCaptured()) {
                problems.error("Shipment " + found.get().number() + " is already captured", "id");
            } else if (found.isPresent() && faults.captureRefused(found.get().orderNumber())) {
                problems.error(ShipmentRules.CAPTURE_REFUSED, "id");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Shipment shipment = found.get();
            Order order = data.orders.byNumber(shipment.orderNumber()).orElseThrow();
            Instant now = Instant.now();
            Shipment captured = data.shipments.put(shipment.withPayment(true,
                    shipment.paidAt() != null ? shipment.paidAt() : now, true, now, now));
            rules.orderShipmentsChanged(order, now);
            PaymentEntry entry = new PaymentEntry(shipment.id(), now, "SUCCESS", "CAPTURE",
                    "sandbox-capture-" + shipment.id(), rules.value(shipment, order), order.currency());
            return Payload.of(new Capture(entry, captured), problems);
        });
    }

    @MutationMapping
    public Payload completeShipment(@Argument Integer id, @Argument CompleteInput input) {
        faults.maybeFail("completeShipment");
        return data.write(() -> {
            var problems = new Problems();
            Optional<Shipment> found = findShipment(id, problems);
            if (found.isPresent() && found.get().isShipped()) {
                problems.error("Shipment " + found.get().number() + " is already completed", "id");
            }
            Instant now = Instant.now();
            Instant shippedAt = input != null && input.shippedAt() != null ? input.shippedAt() : now;
            if (shippedAt.isAfter(now.plusSeconds(60))) {
                problems.error("shippedAt cannot be in the future", "input", "shippedAt");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Shipment shipment = found.get();
            Shipment completed = data.shipments.put(shipment.shipped(shippedAt,
                    rules.info(shipment.info(), input == null ? null : input.shipmentInfo()),
                    input != null && input.additionalMessage() != null ? input.additionalMessage()
                            : shipment.additionalMessage(), now));
            rules.orderShipmentsChanged(data.orders.byNumber(shipment.orderNumber()).orElseThrow(), now);
            return Payload.of(completed, problems);
        });
    }

    // --- helpers ---

    private Optional<Order> findOrder(OrderRef ref, Problems problems) {
        if (ref == null || (ref.id() == null) == (ref.number() == null)) {
            problems.error("Exactly one input field should be provided", "input", "order");
            return Optional.empty();
        }
        Optional<Order> order = ref.id() != null ? data.orders.byId(ref.id()) : data.orders.byNumber(ref.number());
        if (order.isEmpty()) {
            problems.error("Order with " + (ref.id() != null ? "id \"" + ref.id() + "\"" : "number " + ref.number())
                    + " does not exist", "input", "order");
        }
        return order;
    }

    private Optional<Shipment> findShipment(Integer id, Problems problems) {
        Optional<Shipment> shipment = data.shipments.find(id);
        if (shipment.isEmpty()) {
            problems.error("Shipment with id " + id + " does not exist", "id");
        }
        return shipment;
    }

    /** The shipment's lines: the input's, checked against the order; all that is left to ship without input. */
    private List<Shipment.Line> lines(Order order, List<LineInput> input, Problems problems) {
        Map<Integer, Integer> wanted = new LinkedHashMap<>();
        if (input == null) {
            for (OrderLine line : order.lines()) {
                int left = line.quantity() - rules.shipped(order.number(), line.id());
                if (left > 0) {
                    wanted.put(line.id(), left);
                }
            }
        } else {
            for (int i = 0; i < input.size(); i++) {
                LineInput line = input.get(i);
                Integer lineId = line.orderLine() == null ? null : line.orderLine().id();
                Optional<OrderLine> orderLine = order.lines().stream()
                        .filter(l -> lineId != null && l.id() == lineId).findFirst();
                if (orderLine.isEmpty()) {
                    problems.error("Order line with id " + lineId + " does not exist in order " + order.number(),
                            "input", "lines", Integer.toString(i), "orderLine");
                    continue;
                }
                int total = wanted.getOrDefault(lineId, 0) + (line.quantity() == null ? 0 : line.quantity());
                int left = orderLine.get().quantity() - rules.shipped(order.number(), lineId);
                if (line.quantity() == null || line.quantity() < 1 || total > left) {
                    problems.error("Quantity " + line.quantity() + " of order line " + lineId + " is more than the "
                            + Math.max(0, left) + " left to ship (ordered " + orderLine.get().quantity()
                            + ", shipped " + rules.shipped(order.number(), lineId) + ")",
                            "input", "lines", Integer.toString(i), "quantity");
                    continue;
                }
                wanted.put(lineId, total);
            }
        }
        if (problems.hasErrors()) {
            return List.of();
        }
        List<Shipment.Line> lines = new ArrayList<>();
        wanted.forEach((lineId, quantity) -> lines.add(new Shipment.Line(data.nextShipmentLineId(), lineId, quantity)));
        return List.copyOf(lines);
    }
}
