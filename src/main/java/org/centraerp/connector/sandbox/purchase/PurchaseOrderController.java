package org.centraerp.connector.sandbox.purchase;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Problems;
import org.centraerp.connector.sandbox.api.Ref;
import org.centraerp.connector.sandbox.graphql.Connections;
import org.centraerp.connector.sandbox.graphql.Connections.Connection;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.store.Currency;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.PurchaseOrder;
import org.centraerp.connector.sandbox.store.PurchaseOrderDelivery;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.StockChange;
import org.centraerp.connector.sandbox.store.StockChangeLine;
import org.centraerp.connector.sandbox.store.StockChangeType;
import org.centraerp.connector.sandbox.store.StockLevel;
import org.centraerp.connector.sandbox.store.Supplier;
import org.centraerp.connector.sandbox.store.Warehouse;
import org.centraerp.connector.sandbox.webhook.SandboxEvents;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Purchase orders and their deliveries (45-purchase-orders.graphqls): the queries, createPurchaseOrder,
 * createPurchaseOrderDelivery and acceptPurchaseOrderDelivery. Accepting a delivery puts its lines into the warehouse
 * as physical stock through a stock change, as Centra's "insert stock" does; the purchase order is COMPLETED once its
 * accepted deliveries hold every ordered unit. The fields of the types are in {@link PurchaseOrderWiring}.
 */
@Controller
@ConditionalOnSandboxEnabled
public class PurchaseOrderController {

    public static final String PENDING = "PENDING";
    public static final String COMPLETED = "COMPLETED";
    public static final String CANCELLED = "CANCELLED";
    /** Centra's event object types (centra.dev eventobjecttype.html: PurchaseOrder, PurchaseOrderDelivery). */
    public static final String ORDER_EVENT = "PurchaseOrder";
    public static final String DELIVERY_EVENT = "PurchaseOrderDelivery";

    record MoneyInput(BigDecimal value, String currencyIsoCode) {
    }

    record SizeRef(Integer id) {
    }

    record LineInput(Ref productVariant, SizeRef productSize, Integer quantity, MoneyInput unitPrice,
                     String customsType, Double customsTax, Ref orderLine) {
    }

    record PurchaseOrderCreateInput(Ref supplier, Instant ETA, Instant requestedETD, Instant confirmedETD,
                                    Ref preferredWarehouse, Ref paymentTerms, String internalComment,
                                    String externalComment, String ourReference, String externalId,
                                    List<LineInput> addPurchaseOrderLines) {
    }

    record DeliveryCreateInput(Ref purchaseOrder, Instant ETA, Instant exFactoryDate, Ref preferredWarehouse,
                               MoneyInput shippingCost, MoneyInput otherCosts, String shippingDistributionMethod,
                               Ref adminUser, List<LineInput> addUnlinkedLines, List<LineInput> addLinkedLines) {
    }

    record DeliveryAcceptInput(Ref adminUser, Ref warehouse, String stockInsertType) {
    }

    record PurchaseOrderFilter(List<Integer> id, List<String> status, DateRange createdAt, DateRange updatedAt,
                               DateRange ETA, DateRange requestedETD, DateRange confirmedETD,
                               List<String> ourReference, List<String> supplierName, List<Integer> productVariantId,
                               List<Integer> productSizeId, List<Integer> currencyId,
                               List<Integer> preferredWarehouseId, List<Integer> supplierId, List<String> externalId,
                               String search) {
    }

    record DeliveryFilter(List<Integer> id, List<String> number, String status, DateRange createdAt, DateRange ETA,
                          List<Integer> adminUserId, List<Integer> currencyId, List<Integer> productSizeId,
                          List<Integer> productVariantId, List<Integer> supplierId, List<Integer> warehouseId,
                          String search) {
    }

    private static final Map<String, Comparator<PurchaseOrder>> ORDER_SORT = Map.of(
            "id", Comparator.comparingInt(PurchaseOrder::id),
            "createdAt", Comparator.comparing(PurchaseOrder::createdAt));
    private static final Map<String, Comparator<PurchaseOrderDelivery>> DELIVERY_SORT = Map.of(
            "id", Comparator.comparingInt(PurchaseOrderDelivery::id),
            "createdAt", Comparator.comparing(PurchaseOrderDelivery::createdAt));

    private final SandboxData data;
    private final SandboxEvents events;

    public PurchaseOrderController(SandboxData data, SandboxEvents events) {
        this.data = data;
        this.events = events;
    }

    // --- queries ---

    @QueryMapping
    public List<PurchaseOrder> purchaseOrders(@Argument PurchaseOrderFilter where, @Argument List<String> sort,
                                              @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.purchaseOrders.stream(), orderFilter(where), sort, ORDER_SORT, limit, page);
    }

    @QueryMapping
    public PurchaseOrder purchaseOrder(@Argument int id) {
        return data.purchaseOrders.find(id).orElse(null);
    }

    @QueryMapping
    public Connection<PurchaseOrder> purchaseOrderConnection(@Argument PurchaseOrderFilter where,
                                                             @Argument List<String> sort, @Argument Integer first,
                                                             @Argument Integer last, @Argument String after,
                                                             @Argument String before) {
        List<PurchaseOrder> rows = ListQuery.runAll(data.purchaseOrders.stream(), orderFilter(where), sort,
                ORDER_SORT, null, null);
        return Connections.of(rows, o -> Connections.cursor("id", o.id()), first, last, after, before);
    }

    @QueryMapping
    public List<PurchaseOrderDelivery> purchaseOrderDeliveries(@Argument DeliveryFilter where,
                                                               @Argument List<String> sort, @Argument Integer limit,
                                                               @Argument Integer page) {
        return ListQuery.run(data.purchaseOrderDeliveries.stream(), deliveryFilter(where, null), sort, DELIVERY_SORT,
                limit, page);
    }

    @QueryMapping
    public PurchaseOrderDelivery purchaseOrderDelivery(@Argument int id) {
        return data.purchaseOrderDeliveries.find(id).orElse(null);
    }

    @QueryMapping
    public Connection<PurchaseOrderDelivery> purchaseOrderDeliveryConnection(@Argument DeliveryFilter where,
                                                                             @Argument List<String> sort,
                                                                             @Argument Integer first,
                                                                             @Argument Integer last,
                                                                             @Argument String after,
                                                                             @Argument String before) {
        List<PurchaseOrderDelivery> rows = ListQuery.runAll(data.purchaseOrderDeliveries.stream(),
                deliveryFilter(where, null), sort, DELIVERY_SORT, null, null);
        return Connections.of(rows, d -> Connections.cursor("id", d.id()), first, last, after, before);
    }

    @QueryMapping
    public List<Supplier> suppliers(@Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.suppliers.stream(), s -> true, null, Map.of(), limit, page);
    }

    /** The deliveries of one purchase order (PurchaseOrder.deliveries). */
    List<PurchaseOrderDelivery> deliveriesOf(PurchaseOrder order, DeliveryFilter where, List<String> sort,
                                             Integer limit, Integer page) {
        return ListQuery.run(data.purchaseOrderDeliveries.stream(), deliveryFilter(where, order.id()), sort,
                DELIVERY_SORT, limit, page);
    }

    private Predicate<PurchaseOrder> orderFilter(PurchaseOrderFilter where) {
        if (where == null) {
            return o -> true;
        }
        return o -> in(where.id(), o.id()) && in(where.status(), o.status())
                && DateRange.contains(where.createdAt(), o.createdAt())
                && DateRange.contains(where.updatedAt(), o.updatedAt())
                && DateRange.contains(where.ETA(), o.eta())
                && DateRange.contains(where.requestedETD(), o.requestedEtd())
                && DateRange.contains(where.confirmedETD(), o.confirmedEtd())
                && in(where.ourReference(), o.ourReference())
                && in(where.supplierName(), supplier(o.supplierId()).map(Supplier::name).orElse(null))
                && (where.productVariantId() == null
                        || o.lines().stream().anyMatch(l -> where.productVariantId().contains(l.productVariantId())))
                && (where.productSizeId() == null
                        || o.lines().stream().anyMatch(l -> where.productSizeId().contains(l.productSizeId())))
                && in(where.currencyId(), currency(o.currencyIsoCode()).map(Currency::id).orElse(null))
                && in(where.preferredWarehouseId(), o.preferredWarehouseId())
                && in(where.supplierId(), o.supplierId())
                && in(where.externalId(), o.externalId())
                && matches(where.search(), String.valueOf(o.id()), o.ourReference(),
                        supplier(o.supplierId()).map(Supplier::name).orElse(null));
    }

    private Predicate<PurchaseOrderDelivery> deliveryFilter(DeliveryFilter where, Integer purchaseOrderId) {
        return d -> (purchaseOrderId == null || d.purchaseOrderId() == purchaseOrderId) && (where == null
                || in(where.id(), d.id()) && in(where.number(), d.number())
                && (where.status() == null || where.status().equals(d.status()))
                && DateRange.contains(where.createdAt(), d.createdAt())
                && DateRange.contains(where.ETA(), d.eta())
                && in(where.adminUserId(), d.adminUserId())
                && in(where.currencyId(), currencyOf(d).map(Currency::id).orElse(null))
                && (where.productSizeId() == null
                        || d.lines().stream().anyMatch(l -> where.productSizeId().contains(l.productSizeId())))
                && (where.productVariantId() == null
                        || d.lines().stream().anyMatch(l -> where.productVariantId().contains(l.productVariantId())))
                && in(where.supplierId(), data.purchaseOrders.find(d.purchaseOrderId()).map(PurchaseOrder::supplierId)
                        .orElse(null))
                && in(where.warehouseId(), d.warehouseId())
                && matches(where.search(), d.number()));
    }

    private static boolean matches(String search, String... values) {
        if (search == null || search.isBlank()) {
            return true;
        }
        String wanted = search.toLowerCase(java.util.Locale.ROOT);
        for (String value : values) {
            if (value != null && value.toLowerCase(java.util.Locale.ROOT).contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    // --- mutations ---

    @MutationMapping
    public Payload createPurchaseOrder(@Argument PurchaseOrderCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Supplier> supplier = input.supplier().require(data.suppliers, "Supplier", "supplier", problems);
            if (input.preferredWarehouse() != null) {
                input.preferredWarehouse().require(data.warehouses, "Warehouse", "preferredWarehouse", problems);
            }
            if (input.paymentTerms() != null) {
                input.paymentTerms().require(data.paymentTerms, "Payment terms", "paymentTerms", problems);
            }
            String currency = supplier.flatMap(s -> data.currencies.find(s.currencyId())).map(Currency::code)
                    .orElse(null);
            List<PurchaseOrder.Line> lines = new ArrayList<>();
            List<LineInput> given = orEmpty(input.addPurchaseOrderLines());
            for (int i = 0; i < given.size(); i++) {
                var line = checkedLine(given.get(i), currency, problems, "input", "addPurchaseOrderLines",
                        Integer.toString(i));
                if (line != null) {
                    lines.add(new PurchaseOrder.Line(line.productVariantId(), line.productSizeId(), line.quantity(),
                            line.unitCost(), line.customsType(), line.customsPercent()));
                }
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Instant now = Instant.now();
            PurchaseOrder order = data.purchaseOrders.put(new PurchaseOrder(data.purchaseOrders.nextId(),
                    supplier.get().id(), PENDING, now, now, input.ETA(), input.requestedETD(), input.confirmedETD(),
                    input.internalComment(), input.externalComment(), input.ourReference(), currency,
                    input.preferredWarehouse() == null ? null : input.preferredWarehouse().id(),
                    input.paymentTerms() == null ? null : input.paymentTerms().id(), input.externalId(),
                    List.copyOf(lines)));
            return Payload.of(order, problems);
        });
    }

    @MutationMapping
    public Payload createPurchaseOrderDelivery(@Argument DeliveryCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<PurchaseOrder> order = input.purchaseOrder().require(data.purchaseOrders, "Purchase order",
                    "purchaseOrder", problems);
            if (order.isPresent() && (COMPLETED.equals(order.get().status())
                    || CANCELLED.equals(order.get().status()))) {
                // guess: Centra's wording
                problems.error("Purchase order " + order.get().id() + " is " + order.get().status().toLowerCase()
                        + " and takes no more deliveries", "input", "purchaseOrder");
            }
            if (input.adminUser() == null || input.adminUser().id() == null) {
                problems.error("Admin user must be provided", "input", "adminUser");
            }
            Integer warehouseId = order.map(PurchaseOrder::preferredWarehouseId).orElse(null);
            if (input.preferredWarehouse() != null) {
                warehouseId = input.preferredWarehouse().require(data.warehouses, "Warehouse", "preferredWarehouse",
                        problems).map(Warehouse::id).orElse(null);
            }
            String currency = order.map(PurchaseOrder::currencyIsoCode).orElse(null);
            Money shipping = cost(input.shippingCost(), currency, "shippingCost", problems);
            Money other = cost(input.otherCosts(), currency, "otherCosts", problems);
            List<PurchaseOrderDelivery.Line> lines = new ArrayList<>();
            deliveryLines(order, orEmpty(input.addUnlinkedLines()), false, currency, "addUnlinkedLines", lines,
                    problems);
            deliveryLines(order, orEmpty(input.addLinkedLines()), true, currency, "addLinkedLines", lines, problems);
            if (order.isPresent() && lines.isEmpty() && !problems.hasErrors()) {
                // guess: Centra's wording
                problems.error("A delivery needs at least one line", "input", "addUnlinkedLines");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            PurchaseOrder po = order.get();
            long earlier = data.purchaseOrderDeliveries.stream().filter(d -> d.purchaseOrderId() == po.id()).count();
            int id = data.purchaseOrderDeliveries.nextId();
            PurchaseOrderDelivery delivery = data.purchaseOrderDeliveries.put(new PurchaseOrderDelivery(id,
                    po.id() + "-" + (earlier + 1), po.id(), PurchaseOrderDelivery.PENDING, Instant.now(),
                    input.exFactoryDate(), input.ETA(), shipping, other, input.shippingDistributionMethod(),
                    input.adminUser().id(), warehouseId, null, List.copyOf(lines)));
            return Payload.of(delivery, problems);
        });
    }

    @MutationMapping
    public Payload acceptPurchaseOrderDelivery(@Argument int id, @Argument DeliveryAcceptInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<PurchaseOrderDelivery> found = data.purchaseOrderDeliveries.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Purchase order delivery with id " + id + " does not exist",
                        "id"));
            }
            PurchaseOrderDelivery delivery = found.get();
            if (!PurchaseOrderDelivery.PENDING.equals(delivery.status())) {
                // guess: Centra's wording
                return Payload.rejected(problems.error("Purchase order delivery " + id + " is already accepted",
                        "id"));
            }
            if (input.adminUser() == null || input.adminUser().id() == null) {
                problems.error("Admin user must be provided", "input", "adminUser");
            }
            Integer warehouseId = delivery.warehouseId();
            if (input.warehouse() != null) {
                warehouseId = input.warehouse().require(data.warehouses, "Warehouse", "warehouse", problems)
                        .map(Warehouse::id).orElse(null);
            } else if (warehouseId == null) {
                problems.error("Warehouse must be provided: the delivery has none", "input", "warehouse");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            int into = warehouseId;
            boolean available = !"UNAVAILABLE".equals(input.stockInsertType());
            int changeId = data.stockChanges.nextId();
            List<StockChangeLine> changeLines = new ArrayList<>();
            for (PurchaseOrderDelivery.Line line : delivery.lines()) {
                StockLevel level = data.stock.get(line.productSizeId(), into);
                if (available) {
                    level = level.withPhysical(level.physical() + line.quantity());
                    data.stock.put(level);
                }
                changeLines.add(new StockChangeLine(data.nextStockChangeLineId(), changeId, line.productSizeId(),
                        into, line.quantity(), level.freeToAllocate(),
                        new Money(line.unitCost(), delivery.shippingCost().currencyIsoCode())));
            }
            // guess: the comment Centra gives the stock change of an accepted delivery
            data.stockChanges.put(new StockChange(changeId, Instant.now(), "Purchase order delivery "
                    + delivery.number(), StockChangeType.DELIVERY, into, List.copyOf(changeLines)));
            PurchaseOrderDelivery accepted = data.purchaseOrderDeliveries.put(delivery.accepted(into, changeId));
            events.changed(DELIVERY_EVENT, COMPLETED, String.valueOf(id), null, null);
            data.purchaseOrders.find(delivery.purchaseOrderId()).filter(this::fullyDelivered).ifPresent(po -> {
                data.purchaseOrders.put(po.withStatus(COMPLETED, Instant.now()));
                events.changed(ORDER_EVENT, COMPLETED, String.valueOf(po.id()), null, null);
            });
            return Payload.of(accepted, problems);
        });
    }

    /** True when the accepted deliveries of the order hold at least every ordered unit of each line. */
    private boolean fullyDelivered(PurchaseOrder order) {
        return order.lines().stream().allMatch(line -> data.purchaseOrderDeliveries.stream()
                .filter(d -> d.purchaseOrderId() == order.id() && PurchaseOrderDelivery.INSERTED.equals(d.status()))
                .flatMap(d -> d.lines().stream()).filter(l -> l.productSizeId() == line.productSizeId())
                .mapToInt(PurchaseOrderDelivery.Line::quantity).sum() >= line.quantity());
    }

    /** Units of one product size the order still expects: ordered minus in any delivery so far. */
    private int remaining(PurchaseOrder order, int productSizeId, List<PurchaseOrderDelivery.Line> adding) {
        int ordered = order.lines().stream().filter(l -> l.productSizeId() == productSizeId)
                .mapToInt(PurchaseOrder.Line::quantity).sum();
        int delivered = data.purchaseOrderDeliveries.stream().filter(d -> d.purchaseOrderId() == order.id())
                .flatMap(d -> d.lines().stream()).filter(l -> l.productSizeId() == productSizeId)
                .mapToInt(PurchaseOrderDelivery.Line::quantity).sum();
        int inThis = adding.stream().filter(l -> l.productSizeId() == productSizeId)
                .mapToInt(PurchaseOrderDelivery.Line::quantity).sum();
        return ordered - delivered - inThis;
    }

    private void deliveryLines(Optional<PurchaseOrder> order, List<LineInput> given, boolean linked, String currency,
                               String field, List<PurchaseOrderDelivery.Line> lines, Problems problems) {
        for (int i = 0; i < given.size(); i++) {
            String[] at = {"input", field, Integer.toString(i)};
            LineInput input = given.get(i);
            var line = checkedLine(input, currency, problems, at);
            List<Integer> orderLineIds = List.of();
            if (linked) {
                Optional<OrderLine> orderLine = input.orderLine() == null || input.orderLine().id() == null
                        ? Optional.empty()
                        : data.orders.stream().flatMap(o -> o.lines().stream())
                                .filter(l -> l.id() == input.orderLine().id()).findFirst();
                if (orderLine.isEmpty()) {
                    problems.error("Order line with " + (input.orderLine() == null ? "no id"
                            : input.orderLine().describe()) + " does not exist", append(at, "orderLine"));
                    continue;
                }
                if (line != null && orderLine.get().productSizeId() != line.productSizeId()) {
                    problems.error("Order line " + orderLine.get().id() + " is not for product size "
                            + line.productSizeId(), append(at, "orderLine"));
                    continue;
                }
                orderLineIds = List.of(orderLine.get().id());
            }
            if (line == null || order.isEmpty()) {
                continue;
            }
            var onOrder = order.get().lines().stream().filter(l -> l.productSizeId() == line.productSizeId())
                    .findFirst();
            if (onOrder.isEmpty()) {
                // guess: Centra's wording
                problems.error("Product size " + line.productSizeId() + " is not on purchase order "
                        + order.get().id(), append(at, "productSize"));
                continue;
            }
            BigDecimal unitCost = input.unitPrice() == null ? onOrder.get().unitCost() : line.unitCost();
            String customsType = input.customsType() == null ? onOrder.get().customsType() : line.customsType();
            double customs = input.customsTax() == null ? onOrder.get().customsPercent() : line.customsPercent();
            var added = new PurchaseOrderDelivery.Line(line.productVariantId(), line.productSizeId(), line.quantity(),
                    unitCost, customsType, customs, orderLineIds);
            if (remaining(order.get(), line.productSizeId(), lines) < line.quantity()) {
                // guess: Centra takes more than ordered; the sandbox says so in a warning
                problems.warning("More units of product size " + line.productSizeId() + " than purchase order "
                        + order.get().id() + " still expects", append(at, "quantity"));
            }
            lines.add(added);
        }
    }

    private record CheckedLine(int productVariantId, int productSizeId, int quantity, BigDecimal unitCost,
                               String customsType, double customsPercent) {
    }

    /** A line's variant, size (of that variant), quantity and price in the order's currency; null after an error. */
    private CheckedLine checkedLine(LineInput input, String currency, Problems problems, String... at) {
        Optional<ProductVariant> variant = input.productVariant() == null ? Optional.empty()
                : input.productVariant().find(data.productVariants, ProductVariant::externalId);
        if (variant.isEmpty()) {
            problems.error("Product variant with " + (input.productVariant() == null ? "no id"
                    : input.productVariant().describe()) + " does not exist", append(at, "productVariant"));
            return null;
        }
        Optional<ProductSize> size = input.productSize() == null ? Optional.empty()
                : data.productSizes.find(input.productSize().id());
        if (size.isEmpty()) {
            problems.error("Product size with id " + (input.productSize() == null ? null : input.productSize().id())
                    + " does not exist", append(at, "productSize"));
            return null;
        }
        if (size.get().productVariantId() != variant.get().id()) {
            problems.error("Product size " + size.get().id() + " does not belong to product variant "
                    + variant.get().id(), append(at, "productSize"));
            return null;
        }
        if (input.quantity() == null || input.quantity() < 1) {
            problems.error("Quantity must be greater than 0", append(at, "quantity"));
            return null;
        }
        BigDecimal unitCost = BigDecimal.ZERO;
        if (input.unitPrice() != null) {
            if (currency != null && !currency.equalsIgnoreCase(input.unitPrice().currencyIsoCode())) {
                problems.error("Price currency " + input.unitPrice().currencyIsoCode() + " does not match the"
                        + " purchase order's currency " + currency, append(at, "unitPrice"));
                return null;
            }
            unitCost = input.unitPrice().value();
        } else if (variant.get().unitCost() != null && currency != null
                && currency.equalsIgnoreCase(variant.get().unitCost().currencyIsoCode())) {
            // guess: without a unit price, the variant's unit cost when it is in the order's currency
            unitCost = variant.get().unitCost().value();
        }
        String customsType = input.customsType() == null ? "PERCENT" : input.customsType();
        double customs = input.customsTax() == null ? 0 : input.customsTax();
        return new CheckedLine(variant.get().id(), size.get().id(), input.quantity(), unitCost, customsType, customs);
    }

    private Money cost(MoneyInput given, String currency, String field, Problems problems) {
        if (given == null) {
            return new Money(BigDecimal.ZERO, currency);
        }
        if (currency != null && !currency.equalsIgnoreCase(given.currencyIsoCode())) {
            problems.error("Currency " + given.currencyIsoCode() + " does not match the purchase order's currency "
                    + currency, "input", field);
        }
        return new Money(given.value(), given.currencyIsoCode());
    }

    private Optional<Supplier> supplier(int id) {
        return data.suppliers.find(id);
    }

    private Optional<Currency> currency(String code) {
        return data.currencies.stream().filter(c -> c.code().equalsIgnoreCase(String.valueOf(code))).findFirst();
    }

    private Optional<Currency> currencyOf(PurchaseOrderDelivery delivery) {
        return data.purchaseOrders.find(delivery.purchaseOrderId()).flatMap(o -> currency(o.currencyIsoCode()));
    }

    static BigDecimal scaled(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private static String[] append(String[] path, String last) {
        String[] longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
