package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.ProductController.Counters;
import org.centraerp.connector.sandbox.graphql.Connections;
import org.centraerp.connector.sandbox.graphql.Connections.Connection;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Address;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.OrderStatus;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Orders: orders/order/orderConnection/counters.orders, setOrdersLock, confirmOrder, updateDirectToConsumerOrder,
 * updateWholesaleOrder and cancelDirectToConsumerOrder. Rejected input changes nothing; accepted changes queue an
 * Order UPDATED event. The Order types' fields are wired in {@link OrderWiring}.
 */
@Controller
@ConditionalOnSandboxEnabled
public class OrderController {

    record OrderFilter(List<String> id, List<Integer> number, List<OrderStatus> status, DateRange createdAt,
                       DateRange updatedAt, DateRange orderDate, StringMatch purchaseOrderNumber,
                       List<Integer> customerId, List<Integer> marketId, List<Integer> pricelistId,
                       List<Integer> storeId, StoreType storeType, Boolean isLocked, Boolean isOnHold,
                       Boolean isInternal) {

        boolean test(Order o) {
            return in(id, o.id()) && in(number, o.number()) && in(status, o.status())
                    && DateRange.contains(createdAt, o.createdAt()) && DateRange.contains(updatedAt, o.updatedAt())
                    && DateRange.contains(orderDate, o.orderDate())
                    && (purchaseOrderNumber == null || StringMatch.matches(purchaseOrderNumber, o.purchaseOrderNumber()))
                    && (customerId == null || customerId.contains(o.customerId()))
                    && (marketId == null || marketId.contains(o.marketId()))
                    && (pricelistId == null || pricelistId.contains(o.pricelistId()))
                    && in(storeId, o.storeId()) && (storeType == null || storeType == o.storeType())
                    && (isLocked == null || isLocked == o.isLocked())
                    && (isOnHold == null || isOnHold == o.isOnHold())
                    && (isInternal == null || isInternal == o.isInternal());
        }
    }

    /** Centra's OrderInput: exactly one of the hash id or the number. */
    record OrderRef(String id, Integer number) {
        String describe() {
            return id != null ? "id \"" + id + "\"" : "number " + number;
        }
    }

    record OrdersLockSetInput(List<OrderRef> orders, Boolean isLocked) {
    }

    record OrderConfirmInput(OrderRef order) {
    }

    record IdRef(Integer id) {
    }

    record AddressInput(String firstName, String lastName, String companyName, String attention, String address1,
                        String address2, String city, String stateOrProvince, String zipCode, CountryRef country,
                        String email, String phoneNumber, String cellPhoneNumber, String faxNumber,
                        String vatNumber) {
    }

    record PurchaserInfoInput(String firstName, String lastName, String email) {
    }

    enum OrderLineStockAction { RELEASE_BACK_TO_WAREHOUSE, REMOVE_FROM_STOCK }

    record OrderLineCancelInput(IdRef line, Integer quantity, OrderLineStockAction stockAction) {
    }

    record OrderUpdateInput(Boolean isOnHold, String holdStatusChangeReason, AddressInput shippingAddress,
                            AddressInput billingAddress, IdRef customer, PurchaserInfoInput customerInfo,
                            PurchaserInfoInput buyerInfo, Boolean isInternal, String internalComment,
                            String purchaseOrderNumber, List<OrderLineCancelInput> cancelLines,
                            String cancellationComment) {
    }

    record EmailOptionsInput(Boolean sendEmail) {
    }

    record StockActionInput(Boolean removeItemsFromStock, Boolean releaseItemsBackToWarehouse) {
    }

    record OrderCancelInput(String comment, EmailOptionsInput emailOptions, StockActionInput stockAction,
                            Boolean cancelAuthorization) {
    }

    static final Map<String, Comparator<Order>> SORT = Map.of(
            "number", Comparator.comparingInt(Order::number),
            "id", Comparator.comparing(Order::id),
            "createdAt", Comparator.comparing(Order::createdAt),
            "updatedAt", Comparator.comparing(Order::updatedAt),
            "orderDate", Comparator.comparing(Order::orderDate));

    private final SandboxData data;
    private final OrderService orders;

    public OrderController(SandboxData data, OrderService orders) {
        this.data = data;
        this.orders = orders;
    }

    // --- queries ---

    @QueryMapping
    public List<Order> orders(@Argument OrderFilter where, @Argument List<String> sort, @Argument Integer limit,
                              @Argument Integer page) {
        return ListQuery.run(data.orders.stream(), filter(where), sort, SORT, limit, page);
    }

    @QueryMapping
    public Order order(@Argument String id, @Argument Integer number) {
        if ((id == null) == (number == null)) {
            throw new org.centraerp.connector.sandbox.graphql.CentraQueryException(
                    "Exactly one input field should be provided");
        }
        return (id != null ? data.orders.byId(id) : data.orders.byNumber(number)).orElse(null);
    }

    @QueryMapping
    public Connection<Order> orderConnection(@Argument OrderFilter where, @Argument List<String> sort,
                                             @Argument Integer first, @Argument Integer last,
                                             @Argument String after, @Argument String before) {
        List<Order> rows = ListQuery.runAll(data.orders.stream(), filter(where), sort, SORT, null, null);
        return Connections.of(rows, o -> Connections.cursor("number", o.number()), first, last, after, before);
    }

    @SchemaMapping(typeName = "Counters", field = "orders")
    public long countOrders(Counters counters, @Argument OrderFilter where) {
        return data.orders.stream().filter(filter(where)).count();
    }

    private static Predicate<Order> filter(OrderFilter where) {
        return o -> where == null || where.test(o);
    }

    // --- mutations ---

    @MutationMapping
    public Payload setOrdersLock(@Argument OrdersLockSetInput input) {
        return data.write(() -> {
            var problems = new Problems();
            List<Order> found = new ArrayList<>();
            List<OrderRef> refs = input.orders() == null ? List.of() : input.orders();
            for (int i = 0; i < refs.size(); i++) {
                find(refs.get(i), problems, "input", "orders", Integer.toString(i)).ifPresent(found::add);
            }
            if (problems.hasErrors()) {
                return new Payload(List.of(), problems.errors(), problems.warnings());
            }
            Instant now = Instant.now();
            List<Order> changed = new ArrayList<>();
            for (Order order : found) {
                Order locked = data.orders.put(order.withLock(Boolean.TRUE.equals(input.isLocked()), now));
                if (order.isLocked() != locked.isLocked()) {
                    orders.orderChanged(locked, "UPDATED");
                }
                changed.add(locked);
            }
            return new Payload(List.copyOf(changed), problems.errors(), problems.warnings());
        });
    }

    @SchemaMapping(typeName = "OrdersLockSetPayload", field = "orders")
    public Object lockedOrders(Payload payload) {
        return payload.object() == null ? List.of() : payload.object();
    }

    @MutationMapping
    public Payload confirmOrder(@Argument OrderConfirmInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Order> order = find(input.order(), problems, "input", "order");
            if (order.isPresent() && order.get().status() != OrderStatus.PENDING) {
                // guess: Centra's wording; only pending orders can be confirmed
                problems.error("Order " + order.get().number() + " has status " + order.get().status()
                        + " and cannot be confirmed", "input", "order");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Order confirmed = data.orders.put(order.get().with(OrderStatus.CONFIRMED, Instant.now()));
            orders.orderChanged(confirmed, "UPDATED");
            return Payload.of(confirmed, problems);
        });
    }

    @MutationMapping
    public Payload updateDirectToConsumerOrder(@Argument OrderRef order, @Argument OrderUpdateInput input) {
        return update(order, input, StoreType.DIRECT_TO_CONSUMER);
    }

    @MutationMapping
    public Payload updateWholesaleOrder(@Argument OrderRef order, @Argument OrderUpdateInput input) {
        return update(order, input, StoreType.WHOLESALE);
    }

    private Payload update(OrderRef ref, OrderUpdateInput input, StoreType storeType) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Order> found = find(ref, problems, "order");
            if (found.isPresent() && found.get().storeType() != storeType) {
                problems.error("Order " + found.get().number() + " is not a "
                        + (storeType == StoreType.WHOLESALE ? "wholesale" : "direct to consumer") + " order", "order");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Order order = found.get();
            Integer customerId = order.customerId();
            if (input.customer() != null) {
                if (input.customer().id() == null || !data.customers.exists(input.customer().id())) {
                    problems.error("Customer with id " + input.customer().id() + " does not exist",
                            "input", "customer");
                } else {
                    customerId = input.customer().id();
                }
            }
            Address shipping = address(order.shippingAddress(), input.shippingAddress(), problems, "shippingAddress");
            Address billing = address(order.billingAddress(), input.billingAddress(), problems, "billingAddress");
            List<OrderLineCancelInput> cancels = input.cancelLines() == null ? List.of() : input.cancelLines();
            if (!cancels.isEmpty() && (order.status() == OrderStatus.CANCELLED
                    || order.status() == OrderStatus.SHIPPED)) {
                problems.error("Order " + order.number() + " has status " + order.status()
                        + "; its lines cannot be cancelled", "input", "cancelLines");
            }
            Map<Integer, Integer> toCancel = new java.util.LinkedHashMap<>();
            Map<Integer, Boolean> remove = new java.util.HashMap<>();
            for (int i = 0; i < cancels.size(); i++) {
                var cancel = cancels.get(i);
                Integer lineId = cancel.line() == null ? null : cancel.line().id();
                Optional<OrderLine> line = order.lines().stream().filter(l -> lineId != null && l.id() == lineId)
                        .findFirst();
                if (line.isEmpty()) {
                    problems.error("Order line with id " + lineId + " does not exist in order " + order.number(),
                            "input", "cancelLines", Integer.toString(i), "line");
                    continue;
                }
                int total = toCancel.getOrDefault(lineId, 0) + (cancel.quantity() == null ? 0 : cancel.quantity());
                if (cancel.quantity() == null || cancel.quantity() < 1 || total > line.get().quantity()) {
                    problems.error("Quantity to cancel must be between 1 and " + line.get().quantity(),
                            "input", "cancelLines", Integer.toString(i), "quantity");
                    continue;
                }
                toCancel.put(lineId, total);
                remove.put(lineId, cancel.stockAction() == OrderLineStockAction.REMOVE_FROM_STOCK);
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            List<OrderLine> lines = new ArrayList<>();
            for (OrderLine line : order.lines()) {
                Integer quantity = toCancel.get(line.id());
                lines.add(quantity == null ? line : orders.cancel(line, quantity, remove.get(line.id())));
            }
            boolean allCancelled = lines.stream().allMatch(l -> l.quantity() == 0);
            Instant now = Instant.now();
            Order updated = order.updated(
                    input.isOnHold() != null ? input.isOnHold() : order.isOnHold(),
                    input.isInternal() != null ? input.isInternal() : order.isInternal(),
                    customerId, shipping, billing, List.copyOf(lines),
                    input.purchaseOrderNumber() != null ? input.purchaseOrderNumber() : order.purchaseOrderNumber(),
                    input.internalComment() != null ? input.internalComment() : order.internalComment(),
                    input.cancellationComment() != null ? input.cancellationComment() : order.cancellationComment(),
                    now);
            if (allCancelled && !toCancel.isEmpty()) {
                updated = updated.with(OrderStatus.CANCELLED, now);
            }
            data.orders.put(updated);
            orders.orderChanged(updated, "UPDATED");
            return Payload.of(updated, problems);
        });
    }

    @MutationMapping
    public Payload cancelDirectToConsumerOrder(@Argument String id, @Argument OrderCancelInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Order> found = data.orders.byId(id);
            if (found.isEmpty()) {
                problems.error("Order with id \"" + id + "\" does not exist", "id");
            } else if (found.get().storeType() != StoreType.DIRECT_TO_CONSUMER) {
                problems.error("Order " + found.get().number() + " is not a direct to consumer order", "id");
            } else if (found.get().status() == OrderStatus.CANCELLED || found.get().status() == OrderStatus.SHIPPED) {
                problems.error("Order " + found.get().number() + " has status " + found.get().status()
                        + " and cannot be cancelled", "id");
            }
            var stockAction = input == null ? null : input.stockAction();
            if (stockAction != null && Boolean.TRUE.equals(stockAction.removeItemsFromStock())
                    && Boolean.TRUE.equals(stockAction.releaseItemsBackToWarehouse())) {
                problems.error("Exactly one input field should be provided", "input", "stockAction");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            boolean removeFromStock = stockAction != null && Boolean.TRUE.equals(stockAction.removeItemsFromStock());
            Order order = found.get();
            List<OrderLine> lines = order.lines().stream()
                    .map(line -> line.quantity() == 0 ? line : orders.cancel(line, line.quantity(), removeFromStock))
                    .toList();
            Order cancelled = data.orders.put(order.withLines(lines,
                    input != null && input.comment() != null ? input.comment() : order.cancellationComment(),
                    OrderStatus.CANCELLED, Instant.now()));
            orders.orderChanged(cancelled, "UPDATED");
            return Payload.of(cancelled, problems);
        });
    }

    // --- helpers ---

    private Optional<Order> find(OrderRef ref, Problems problems, String... path) {
        if (ref == null || (ref.id() == null) == (ref.number() == null)) {
            problems.error("Exactly one input field should be provided", path);
            return Optional.empty();
        }
        Optional<Order> order = ref.id() != null ? data.orders.byId(ref.id()) : data.orders.byNumber(ref.number());
        if (order.isEmpty()) {
            problems.error("Order with " + ref.describe() + " does not exist", path);
        }
        return order;
    }

    /** Fields given replace the order's; fields left out keep their value. */
    private Address address(Address current, AddressInput input, Problems problems, String field) {
        if (input == null) {
            return current;
        }
        Address base = current != null ? current
                : new Address(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Integer countryId = base.countryId();
        if (input.country() != null) {
            var country = input.country().find(data);
            if (country.isEmpty()) {
                problems.error("Country with " + input.country().describe() + " does not exist",
                        "input", field, "country");
            } else {
                countryId = country.get().id();
            }
        }
        return new Address(or(input.firstName(), base.firstName()), or(input.lastName(), base.lastName()),
                or(input.companyName(), base.companyName()), or(input.attention(), base.attention()),
                or(input.address1(), base.address1()), or(input.address2(), base.address2()),
                or(input.city(), base.city()), or(input.stateOrProvince(), base.stateOrProvince()),
                or(input.zipCode(), base.zipCode()), countryId, or(input.email(), base.email()),
                or(input.phoneNumber(), base.phoneNumber()), or(input.cellPhoneNumber(), base.cellPhoneNumber()),
                or(input.faxNumber(), base.faxNumber()), or(input.vatNumber(), base.vatNumber()));
    }

    private static String or(String given, String current) {
        return given != null ? given : current;
    }
}
