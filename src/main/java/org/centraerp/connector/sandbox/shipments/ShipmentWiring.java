package org.centraerp.connector.sandbox.shipments;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.MonetaryValue;
import org.centraerp.connector.sandbox.api.OrderWiring.LineView;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.Return;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields of shipments (DirectToConsumerShipment and WholesaleShipment, by their order's store type), their
 * lines, returns, the payloads' objects, and {@code Order.shipments}.
 */
@Component
@ConditionalOnSandboxEnabled
public class ShipmentWiring implements RuntimeWiringConfigurer {

    /** A shipment line with its shipment (for the order and its prices). */
    public record ShipmentLineView(Shipment.Line line, Shipment shipment) {
        public int id() {
            return line.id();
        }

        public int quantity() {
            return line.quantity();
        }
    }

    /** A return line with its return. */
    public record ReturnLineView(Return.Line line, Return ret) {
        public int id() {
            return line.id();
        }

        public int quantity() {
            return line.quantity();
        }
    }

    public record Carrier(String carrierName, String serviceName) {
    }

    private static final Map<String, String> PAYLOAD_OBJECTS = Map.of(
            "ShipmentCreatePayload", "shipment",
            "ShipmentUpdatePayload", "shipment",
            "ShipmentCompletePayload", "shipment",
            "ReturnCreatePayload", "return",
            "ReturnCompletePayload", "return");

    private final SandboxData data;

    public ShipmentWiring(SandboxData data) {
        this.data = data;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        builder.type(TypeRuntimeWiring.newTypeWiring("Shipment").typeResolver(env -> (GraphQLObjectType) env
                .getSchema().getType(order(env.<Shipment>getObject()).storeType() == StoreType.WHOLESALE
                        ? "WholesaleShipment" : "DirectToConsumerShipment")));
        for (String type : List.of("DirectToConsumerShipment", "WholesaleShipment")) {
            builder.type(shipmentFields(TypeRuntimeWiring.newTypeWiring(type)));
        }
        for (String type : List.of("DirectToConsumerOrder", "WholesaleOrder")) {
            builder.type(TypeRuntimeWiring.newTypeWiring(type).dataFetcher("shipments", env -> data.shipments.stream()
                    .filter(s -> s.orderNumber() == env.<Order>getSource().number()).toList()));
        }
        builder.type(TypeRuntimeWiring.newTypeWiring("ShipmentLine")
                .dataFetcher("lineValue", env -> {
                    ShipmentLineView view = env.getSource();
                    OrderLine line = orderLine(view);
                    return money(order(view.shipment()), line.unitPrice().multiply(BigDecimal.valueOf(view.quantity())));
                })
                .dataFetcher("orderLine", env -> new LineView(orderLine(env.getSource()),
                        order(env.<ShipmentLineView>getSource().shipment()))));
        PAYLOAD_OBJECTS.forEach((type, field) -> builder.type(TypeRuntimeWiring.newTypeWiring(type)
                .dataFetcher(field, env -> ((Payload) env.getSource()).object())));
        builder.type(TypeRuntimeWiring.newTypeWiring("ShipmentCapturePayload")
                .dataFetcher("shipment", env -> capture(env) == null ? null : capture(env).shipment())
                .dataFetcher("paymentHistoryEntry", env -> capture(env) == null ? null
                        : capture(env).paymentHistoryEntry()));
        builder.type(TypeRuntimeWiring.newTypeWiring("PaymentHistoryEntry")
                .dataFetcher("createdAt", env -> date(env.<ShipmentController.PaymentEntry>getSource().createdAt(), env))
                .dataFetcher("value", env -> {
                    ShipmentController.PaymentEntry entry = env.getSource();
                    return MonetaryValue.of(new Money(entry.value(), entry.currency()), data);
                }));
        builder.type(TypeRuntimeWiring.newTypeWiring("Return").typeResolver(env -> (GraphQLObjectType) env
                .getSchema().getType(data.orders.byNumber(env.<Return>getObject().orderNumber())
                        .map(o -> o.storeType() == StoreType.WHOLESALE).orElse(false)
                        ? "WholesaleReturn" : "DirectToConsumerReturn")));
        for (String type : List.of("DirectToConsumerReturn", "WholesaleReturn")) {
            builder.type(ReturnFields.wire(TypeRuntimeWiring.newTypeWiring(type)
                    .dataFetcher("status", env -> env.<Return>getSource().completed() ? "COMPLETED" : "IN_PROGRESS")
                    .dataFetcher("createdAt", env -> date(env.<Return>getSource().createdAt(), env))
                    .dataFetcher("completedAt", env -> date(env.<Return>getSource().completedAt(), env))
                    .dataFetcher("shipment", env -> data.shipments.find(env.<Return>getSource().shipmentId())
                            .orElse(null))
                    .dataFetcher("order", env -> data.orders.byNumber(env.<Return>getSource().orderNumber())
                            .orElse(null))
                    .dataFetcher("lines", env -> env.<Return>getSource().lines().stream()
                            .map(l -> new ReturnLineView(l, env.getSource())).toList()), data));
        }
        builder.type(TypeRuntimeWiring.newTypeWiring("ReturnLine")
                .dataFetcher("shipmentLine", env -> {
                    ReturnLineView view = env.getSource();
                    Shipment shipment = data.shipments.find(view.ret().shipmentId()).orElseThrow();
                    return shipment.lines().stream().filter(l -> l.id() == view.line().shipmentLineId())
                            .findFirst().map(l -> new ShipmentLineView(l, shipment)).orElse(null);
                }));
    }

    private TypeRuntimeWiring.Builder shipmentFields(TypeRuntimeWiring.Builder type) {
        DataFetcher<Object> none = env -> null;
        return type
                .dataFetcher("createdAt", env -> date(env.<Shipment>getSource().createdAt(), env))
                .dataFetcher("updatedAt", env -> date(env.<Shipment>getSource().updatedAt(), env))
                .dataFetcher("paidAt", env -> date(env.<Shipment>getSource().paidAt(), env))
                .dataFetcher("capturedAt", env -> date(env.<Shipment>getSource().capturedAt(), env))
                .dataFetcher("shippedAt", env -> date(env.<Shipment>getSource().shippedAt(), env))
                .dataFetcher("numberOfPackages", env -> env.<Shipment>getSource().info().packages())
                .dataFetcher("trackingNumber", env -> env.<Shipment>getSource().info().trackingNumber())
                .dataFetcher("returnTrackingNumber", env -> env.<Shipment>getSource().info().returnTrackingNumber())
                .dataFetcher("internalShippingCost", env -> {
                    Shipment shipment = env.getSource();
                    BigDecimal cost = shipment.info().internalShippingCost();
                    return money(order(shipment), cost == null ? BigDecimal.ZERO : cost);
                })
                .dataFetcher("grandTotal", env -> {
                    Shipment shipment = env.getSource();
                    Order order = order(shipment);
                    BigDecimal total = BigDecimal.ZERO;
                    for (Shipment.Line line : shipment.lines()) {
                        total = total.add(orderLine(new ShipmentLineView(line, shipment)).unitPrice()
                                .multiply(BigDecimal.valueOf(line.quantity())));
                    }
                    return money(order, total);
                })
                .dataFetcher("carrierInformation", env -> {
                    Shipment.Info info = env.<Shipment>getSource().info();
                    return info.carrier() == null && info.service() == null ? null
                            : new Carrier(info.carrier(), info.service());
                })
                .dataFetcher("adminUser", none)
                .dataFetcher("shipmentPlugin", none)
                .dataFetcher("discountsApplied", env -> List.of())
                .dataFetcher("lines", env -> env.<Shipment>getSource().lines().stream()
                        .map(l -> new ShipmentLineView(l, env.getSource())).toList())
                .dataFetcher("shippingAddress", env -> order(env.getSource()).shippingAddress())
                .dataFetcher("order", env -> order(env.getSource()))
                .dataFetcher("returns", env -> data.returns.stream()
                        .filter(r -> r.shipmentId() == env.<Shipment>getSource().id()).toList())
                .dataFetcher("totals", env -> ReturnFields.shipmentTotals(env.getSource(), data));
    }

    private static ShipmentController.Capture capture(DataFetchingEnvironment env) {
        return (ShipmentController.Capture) ((Payload) env.getSource()).object();
    }

    private Order order(Shipment shipment) {
        return data.orders.byNumber(shipment.orderNumber()).orElseThrow();
    }

    private OrderLine orderLine(ShipmentLineView view) {
        return order(view.shipment()).lines().stream().filter(l -> l.id() == view.line().orderLineId()).findFirst()
                .orElseThrow();
    }

    private MonetaryValue money(Order order, BigDecimal value) {
        return MonetaryValue.of(new Money(value, order.currency()), data);
    }

    private static String date(Instant instant, DataFetchingEnvironment env) {
        return instant == null ? null : PhpDateFormat.format(instant, env.getArgument("format"));
    }
}
