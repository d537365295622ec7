package org.centraerp.connector.sandbox.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.shipments.ShipmentController.PaymentEntry;
import org.centraerp.connector.sandbox.store.Customer;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.OrderStatus;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;
import org.centraerp.connector.sandbox.store.Voucher;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The order fields of 55-order-details.graphqls, derived from the order and its shipments: the discount its lines
 * carry, its payments (an authorization when placed, a capture per captured shipment), shipped units per line, the
 * shipping tax; and a customer's last order.
 */
@Component
@ConditionalOnSandboxEnabled
public class OrderDetailsWiring implements RuntimeWiringConfigurer {

    /** An applied discount: the amount off the order's lines, and the voucher that gave it (or null). */
    public record AppliedDiscount(MonetaryValue value, Instant date, Voucher discount) {
    }

    private final SandboxData data;

    public OrderDetailsWiring(SandboxData data) {
        this.data = data;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.type(TypeRuntimeWiring.newTypeWiring("OrderDiscount")
                .typeResolver(env -> (GraphQLObjectType) env.getSchema().getType("AppliedDiscount")));
        builder.type(TypeRuntimeWiring.newTypeWiring("AppliedDiscount")
                .dataFetcher("date", env -> PhpDateFormat.format(env.<AppliedDiscount>getSource().date(),
                        env.getArgument("format"))));
        for (String type : List.of(OrderWiring.DTC, OrderWiring.WHOLESALE)) {
            builder.type(TypeRuntimeWiring.newTypeWiring(type)
                    .dataFetcher("discountsApplied", env -> discounts(env.getSource()))
                    .dataFetcher("paymentHistory", env -> payments(env.getSource())));
        }
        builder.type(TypeRuntimeWiring.newTypeWiring("OrderLine")
                .dataFetcher("shippedQuantity", env -> {
                    OrderWiring.LineView view = env.getSource();
                    return shipments(view.order()).stream().mapToInt(s -> s.quantityOf(view.id())).sum();
                }));
        builder.type(TypeRuntimeWiring.newTypeWiring("OrderTotals")
                .dataFetcher("shippingTaxIncluded", env -> shippingTax(env.getSource())));
        builder.type(TypeRuntimeWiring.newTypeWiring("Customer")
                .dataFetcher("lastOrder", env -> lastOrder(env.getSource())));
    }

    /**
     * One discount per order: what its lines are sold below their original price (Centra's example shows 0 too), with
     * the voucher applied to the order, if any.
     */
    private List<AppliedDiscount> discounts(Order order) {
        BigDecimal off = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            off = off.add(line.unitOriginalPrice().subtract(line.unitPrice())
                    .multiply(BigDecimal.valueOf(line.quantity())));
        }
        Voucher voucher = data.vouchers.stream().filter(v -> v.orderNumbers().contains(order.number())).findFirst()
                .orElse(null);
        return List.of(new AppliedDiscount(money(order, off), order.createdAt(), voucher));
    }

    /** The authorization when the order was placed, then one capture per captured shipment. */
    private List<PaymentEntry> payments(Order order) {
        List<PaymentEntry> entries = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            total = total.add(line.lineValue());
        }
        total = total.add(order.shippingValue() == null ? BigDecimal.ZERO : order.shippingValue());
        String status = order.status() == OrderStatus.CANCELLED ? "CANCELLED" : "SUCCESS";
        // guess: entry types and statuses; Centra's capture answers entryType CAPTURE, status SUCCESS
        entries.add(new PaymentEntry(order.number() * 100, order.createdAt(), status, "AUTHORIZATION",
                "sandbox-auth-" + order.number(), total, order.currency()));
        for (Shipment shipment : shipments(order)) {
            if (shipment.isCaptured()) {
                BigDecimal value = BigDecimal.ZERO;
                for (Shipment.Line line : shipment.lines()) {
                    value = value.add(order.lines().stream().filter(l -> l.id() == line.orderLineId()).findFirst()
                            .map(l -> l.unitPrice().multiply(BigDecimal.valueOf(line.quantity())))
                            .orElse(BigDecimal.ZERO));
                }
                entries.add(new PaymentEntry(shipment.id(), shipment.capturedAt(), "SUCCESS", "CAPTURE",
                        "sandbox-capture-" + shipment.id(), value, order.currency()));
            }
        }
        return entries;
    }

    private MonetaryValue shippingTax(OrderWiring.Totals totals) {
        // the totals carry no order; the shipping's currency is the totals' currency
        BigDecimal shipping = totals.shipping().value();
        BigDecimal items = totals.itemsSubtotal().value();
        BigDecimal taxOnItems = totals.taxIncluded().value();
        BigDecimal tax = items.signum() == 0 ? BigDecimal.ZERO
                : shipping.multiply(taxOnItems).divide(items, 2, RoundingMode.HALF_UP);
        return MonetaryValue.of(new Money(tax, totals.shipping().currency().code()), data);
    }

    private List<Shipment> shipments(Order order) {
        return data.shipments.stream().filter(s -> s.orderNumber() == order.number()).toList();
    }

    private Order lastOrder(Customer customer) {
        return data.orders.stream().filter(o -> o.customerId() != null && o.customerId() == customer.id())
                .max(Comparator.comparing(Order::orderDate)).orElse(null);
    }

    private MonetaryValue money(Order order, BigDecimal value) {
        return MonetaryValue.of(new Money(value, order.currency()), data);
    }
}
