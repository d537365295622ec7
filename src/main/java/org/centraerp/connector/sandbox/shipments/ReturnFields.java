package org.centraerp.connector.sandbox.shipments;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.api.MonetaryValue;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.Return;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;

/** Centra's fields of DirectToConsumerReturn/WholesaleReturn and a shipment's totals, valued at the order's prices. */
final class ReturnFields {

    /** Totals of returned or shipped units: their value, the tax included in it, and the total. */
    public record Totals(MonetaryValue itemsValue, MonetaryValue itemsSubtotal, MonetaryValue taxIncluded,
                         MonetaryValue grandTotal) {
    }

    private ReturnFields() {
    }

    static TypeRuntimeWiring.Builder wire(TypeRuntimeWiring.Builder type, SandboxData data) {
        return type
                .dataFetcher("returnStatus", env -> env.<Return>getSource().completed() ? "COMPLETED" : "IN_PROGRESS")
                .dataFetcher("totalQuantity", env -> env.<Return>getSource().lines().stream()
                        .mapToInt(Return.Line::quantity).sum())
                .dataFetcher("returnedToStock", env -> env.<Return>getSource().restocked())
                .dataFetcher("currencyBaseRate", env -> 1.0)
                .dataFetcher("usedFallbackTax", env -> false)
                .dataFetcher("returnWarehouse", env -> null)
                .dataFetcher("discountsApplied", env -> List.of())
                .dataFetcher("store", env -> order(env.getSource(), data)
                        .flatMap(o -> data.stores.find(o.storeId())).orElse(null))
                .dataFetcher("customer", env -> order(env.getSource(), data)
                        .flatMap(o -> data.customers.find(o.customerId())).orElse(null))
                .dataFetcher("totals", env -> returnTotals(env.getSource(), data))
                .dataFetcher("grandTotal", env -> {
                    Totals totals = returnTotals(env.getSource(), data);
                    return Boolean.FALSE.equals(env.getArgument("includingTax"))
                            ? minus(totals.grandTotal(), totals.taxIncluded(), data) : totals.grandTotal();
                });
    }

    static Totals shipmentTotals(Shipment shipment, SandboxData data) {
        Order order = data.orders.byNumber(shipment.orderNumber()).orElseThrow();
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Shipment.Line line : shipment.lines()) {
            OrderLine orderLine = line(order, line.orderLineId());
            BigDecimal lineValue = orderLine.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            value = value.add(lineValue);
            tax = tax.add(taxIn(lineValue, orderLine.taxPercent()));
        }
        return totals(order, value, tax, data);
    }

    private static Totals returnTotals(Return ret, SandboxData data) {
        Order order = data.orders.byNumber(ret.orderNumber()).orElseThrow();
        Shipment shipment = data.shipments.find(ret.shipmentId()).orElseThrow();
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Return.Line line : ret.lines()) {
            int orderLineId = shipment.lines().stream().filter(l -> l.id() == line.shipmentLineId())
                    .mapToInt(Shipment.Line::orderLineId).findFirst().orElseThrow();
            OrderLine orderLine = line(order, orderLineId);
            BigDecimal lineValue = orderLine.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
            value = value.add(lineValue);
            tax = tax.add(taxIn(lineValue, orderLine.taxPercent()));
        }
        return totals(order, value, tax, data);
    }

    private static Totals totals(Order order, BigDecimal value, BigDecimal tax, SandboxData data) {
        MonetaryValue items = money(order, value, data);
        return new Totals(items, items, money(order, tax, data), items);
    }

    /** The tax included in a gross value at {@code percent}. */
    private static BigDecimal taxIn(BigDecimal gross, BigDecimal percent) {
        return percent.signum() <= 0 ? BigDecimal.ZERO
                : gross.multiply(percent).divide(percent.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP);
    }

    private static OrderLine line(Order order, int id) {
        return order.lines().stream().filter(l -> l.id() == id).findFirst().orElseThrow();
    }

    private static java.util.Optional<Order> order(Return ret, SandboxData data) {
        return data.orders.byNumber(ret.orderNumber());
    }

    private static MonetaryValue money(Order order, BigDecimal value, SandboxData data) {
        return MonetaryValue.of(new Money(value, order.currency()), data);
    }

    private static MonetaryValue minus(MonetaryValue a, MonetaryValue b, SandboxData data) {
        return MonetaryValue.of(new Money(a.value().subtract(b.value()), a.currency().code()), data);
    }
}
