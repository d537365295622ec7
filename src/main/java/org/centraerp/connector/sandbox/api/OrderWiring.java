package org.centraerp.connector.sandbox.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.TypeResolver;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.Address;
import org.centraerp.connector.sandbox.store.Event;
import org.centraerp.connector.sandbox.store.EventListener;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The fields of DirectToConsumerOrder and WholesaleOrder (wired once for both), order lines, addresses and events;
 * and the type resolution of the Order interface and the EventObject union (by the order's store type).
 */
@Component
@ConditionalOnSandboxEnabled
public class OrderWiring implements RuntimeWiringConfigurer {

    static final String DTC = "DirectToConsumerOrder";
    static final String WHOLESALE = "WholesaleOrder";

    /** An order line with its order, whose currency its prices are in. */
    public record LineView(OrderLine line, Order order) {
        public int id() {
            return line.id();
        }

        public int quantity() {
            return line.quantity();
        }

        public int cancelledQuantity() {
            return line.cancelledQuantity();
        }

        public double taxPercent() {
            return line.taxPercent().doubleValue();
        }

        public double discountPercent() {
            return line.unitOriginalPrice().signum() == 0 ? 0
                    : line.unitOriginalPrice().subtract(line.unitPrice()).multiply(BigDecimal.valueOf(100))
                    .divide(line.unitOriginalPrice(), 2, RoundingMode.HALF_UP).doubleValue();
        }

        public boolean hasAnyDiscount() {
            return line.unitPrice().compareTo(line.unitOriginalPrice()) != 0;
        }
    }

    /** Units of a line held in one warehouse; the id is derived from line and warehouse. */
    public record AllocationView(int id, int quantity, int warehouseId) {
    }

    /** Centra's totals of an order, in its currency. */
    public record Totals(MonetaryValue itemsSubtotal, MonetaryValue shipping, MonetaryValue handling,
                         MonetaryValue taxAdded, MonetaryValue taxDeducted, MonetaryValue taxIncluded,
                         MonetaryValue grandTotal) {
    }

    private final SandboxData data;

    public OrderWiring(SandboxData data) {
        this.data = data;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        TypeResolver byStore = env -> {
            Order order = env.getObject();
            return (GraphQLObjectType) env.getSchema().getType(
                    order.storeType() == StoreType.WHOLESALE ? WHOLESALE : DTC);
        };
        builder.type(TypeRuntimeWiring.newTypeWiring("Order").typeResolver(byStore));
        builder.type(TypeRuntimeWiring.newTypeWiring("EventObject").typeResolver(env -> env.getObject() instanceof Order
                ? byStore.getType(env) : (GraphQLObjectType) env.getSchema().getType(EventObjects.typeName(env.getObject(), data))));
        for (String type : List.of(DTC, WHOLESALE)) {
            builder.type(TypeRuntimeWiring.newTypeWiring(type)
                    .dataFetcher("createdAt", env -> date(env.<Order>getSource().createdAt(), env.getArgument("format")))
                    .dataFetcher("updatedAt", env -> date(env.<Order>getSource().updatedAt(), env.getArgument("format")))
                    .dataFetcher("orderDate", env -> date(env.<Order>getSource().orderDate(), env.getArgument("format")))
                    .dataFetcher("store", env -> data.stores.find(env.<Order>getSource().storeId()).orElse(null))
                    .dataFetcher("market", env -> data.markets.find(env.<Order>getSource().marketId()).orElse(null))
                    .dataFetcher("pricelist", env -> data.pricelists.find(env.<Order>getSource().pricelistId())
                            .orElse(null))
                    .dataFetcher("customer", env -> data.customers.find(env.<Order>getSource().customerId())
                            .orElse(null))
                    .dataFetcher("lines", env -> {
                        Order order = env.getSource();
                        boolean all = Boolean.TRUE.equals(env.getArgument("includeFullyCancelled"));
                        return order.lines().stream().filter(l -> all || l.quantity() > 0)
                                .map(l -> new LineView(l, order)).toList();
                    })
                    .dataFetcher("totals", env -> totals(env.getSource()))
                    .dataFetcher("grandTotal", env -> {
                        Totals totals = totals(env.getSource());
                        boolean includingTax = !Boolean.FALSE.equals(env.getArgument("includingTax"));
                        return includingTax ? totals.grandTotal() : money(env.<Order>getSource(),
                                totals.grandTotal().value().subtract(totals.taxIncluded().value()));
                    }));
        }
        DataFetcher<Object> size = env -> data.productSizes.find(env.<LineView>getSource().line().productSizeId())
                .orElse(null);
        builder.type(TypeRuntimeWiring.newTypeWiring("OrderLine")
                .dataFetcher("unitPrice", env -> money(env.<LineView>getSource().order(),
                        env.<LineView>getSource().line().unitPrice()))
                .dataFetcher("unitOriginalPrice", env -> money(env.<LineView>getSource().order(),
                        env.<LineView>getSource().line().unitOriginalPrice()))
                .dataFetcher("lineValue", env -> money(env.<LineView>getSource().order(),
                        env.<LineView>getSource().line().lineValue()))
                .dataFetcher("productSize", size)
                .dataFetcher("productVariant", env -> variant(env.getSource()))
                .dataFetcher("product", env -> data.products.find(variant(env.getSource()).productId()).orElse(null))
                .dataFetcher("productName", env -> data.products.find(variant(env.getSource()).productId())
                        .map(p -> p.name()).orElse(""))
                .dataFetcher("productVariantName", env -> variant(env.getSource()).name())
                .dataFetcher("display", env -> data.displays.find(env.<LineView>getSource().line().displayId())
                        .orElse(null))
                .dataFetcher("allocations", env -> {
                    OrderLine line = env.<LineView>getSource().line();
                    return line.allocations().stream().map(a -> new AllocationView(line.id() * 1000 + a.warehouseId(),
                            a.quantity(), a.warehouseId())).toList();
                }));
        builder.type(TypeRuntimeWiring.newTypeWiring("OrderLineAllocation")
                .dataFetcher("warehouse", env -> data.warehouses.find(env.<AllocationView>getSource().warehouseId())
                        .orElse(null)));
        builder.type(TypeRuntimeWiring.newTypeWiring("Address")
                .dataFetcher("country", env -> data.countries.find(env.<Address>getSource().countryId()).orElse(null))
                .dataFetcher("state", env -> null));
        builder.type(TypeRuntimeWiring.newTypeWiring("Event")
                .dataFetcher("createdAt", env -> date(env.<Event>getSource().createdAt(), env.getArgument("format")))
                .dataFetcher("store", env -> data.stores.find(env.<Event>getSource().storeId()).orElse(null))
                .dataFetcher("market", env -> data.markets.find(env.<Event>getSource().marketId()).orElse(null))
                .dataFetcher("object", env -> EventObjects.find(data, env.<Event>getSource())));
        builder.type(TypeRuntimeWiring.newTypeWiring("EventListener")
                .dataFetcher("createdAt", env -> date(env.<EventListener>getSource().createdAt(),
                        env.getArgument("format")))
                .dataFetcher("updatedAt", env -> date(env.<EventListener>getSource().updatedAt(),
                        env.getArgument("format")))
                .dataFetcher("changeTypes", env -> {
                    List<String> types = env.<EventListener>getSource().changeTypes();
                    return types == null ? List.of() : types;
                }));
    }

    private ProductVariant variant(LineView view) {
        ProductSize size = data.productSizes.find(view.line().productSizeId()).orElseThrow();
        return data.productVariants.find(size.productVariantId()).orElseThrow();
    }

    private Totals totals(Order order) {
        BigDecimal items = BigDecimal.ZERO;
        BigDecimal taxIncluded = BigDecimal.ZERO;
        for (OrderLine line : order.lines()) {
            BigDecimal value = line.lineValue();
            items = items.add(value);
            BigDecimal rate = line.taxPercent();
            if (rate.signum() > 0) {
                taxIncluded = taxIncluded.add(value.multiply(rate)
                        .divide(rate.add(BigDecimal.valueOf(100)), 2, RoundingMode.HALF_UP));
            }
        }
        BigDecimal shipping = order.shippingValue() == null ? BigDecimal.ZERO : order.shippingValue();
        return new Totals(money(order, items), money(order, shipping), money(order, BigDecimal.ZERO),
                money(order, BigDecimal.ZERO), money(order, BigDecimal.ZERO), money(order, taxIncluded),
                money(order, items.add(shipping)));
    }

    private MonetaryValue money(Order order, BigDecimal value) {
        return MonetaryValue.of(new Money(value, order.currency()), data);
    }

    private static String date(java.time.Instant instant, String format) {
        return PhpDateFormat.format(instant, format);
    }
}
