package org.centraerp.connector.sandbox.shipments;

import java.math.BigDecimal;
import java.time.Instant;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.OrderService;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.OrderStatus;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;
import org.springframework.stereotype.Component;

/** What shipments do to their order (status) and the sums the mutations check. Call inside {@link SandboxData#write}. */
@Component
@ConditionalOnSandboxEnabled
public class ShipmentRules {

    // guess: Centra's wording when the payment provider refuses the capture
    static final String CAPTURE_REFUSED = "Capture failed: the payment provider refused to capture the payment";

    private final SandboxData data;
    private final OrderService orders;

    public ShipmentRules(SandboxData data, OrderService orders) {
        this.data = data;
        this.orders = orders;
    }

    /** Units of an order line in any shipment. */
    int shipped(int orderNumber, int orderLineId) {
        return data.shipments.stream().filter(s -> s.orderNumber() == orderNumber)
                .mapToInt(s -> s.quantityOf(orderLineId)).sum();
    }

    /** PROCESSING with a shipment; SHIPPED once every unit is in a completed, paid shipment. Queues an event. */
    void orderShipmentsChanged(Order order, Instant now) {
        if (order.status() == OrderStatus.CANCELLED) {
            return;
        }
        var shipments = data.shipments.stream().filter(s -> s.orderNumber() == order.number()).toList();
        boolean everyUnitShipped = order.lines().stream().allMatch(line -> line.quantity() <= shipments.stream()
                .filter(s -> s.isShipped() && s.isPaid()).mapToInt(s -> s.quantityOf(line.id())).sum());
        OrderStatus status = shipments.isEmpty() ? order.status()
                : everyUnitShipped ? OrderStatus.SHIPPED : OrderStatus.PROCESSING;
        Order changed = data.orders.put(order.with(status, now));
        orders.orderChanged(changed, "UPDATED");
    }

    Shipment.Info info(Shipment.Info current, ShipmentController.InfoInput input) {
        if (input == null) {
            return current;
        }
        return new Shipment.Info(or(input.carrier(), current.carrier()), or(input.service(), current.service()),
                input.packagesNumber() != null ? input.packagesNumber() : current.packages(),
                or(input.trackingNumber(), current.trackingNumber()),
                or(input.returnTrackingNumber(), current.returnTrackingNumber()),
                input.internalShippingCost() != null ? input.internalShippingCost().value()
                        : current.internalShippingCost());
    }

    /** The value of the shipped units, at the order's prices. */
    BigDecimal value(Shipment shipment, Order order) {
        BigDecimal total = BigDecimal.ZERO;
        for (Shipment.Line line : shipment.lines()) {
            OrderLine orderLine = order.lines().stream().filter(l -> l.id() == line.orderLineId()).findFirst()
                    .orElseThrow();
            total = total.add(orderLine.unitPrice().multiply(BigDecimal.valueOf(line.quantity())));
        }
        return total;
    }

    private static String or(String given, String current) {
        return given != null ? given : current;
    }
}
