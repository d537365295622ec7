package org.centraerp.connector.sandbox.api;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.store.Address;
import org.centraerp.connector.sandbox.store.Customer;
import org.centraerp.connector.sandbox.store.Display;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.OrderStatus;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.StockLevel;
import org.centraerp.connector.sandbox.store.StoreType;
import org.centraerp.connector.sandbox.store.Warehouse;
import org.springframework.stereotype.Component;

/**
 * Order rules shared by the GraphQL mutations, the admin endpoint and the shopper simulator: placing an order
 * allocates stock (FTA down, allocated up), cancelling releases it, and every change queues an Order event for the
 * event listeners and tells the {@link #onOrderChange} subscribers (the webhook sender).
 */
@Component
@ConditionalOnSandboxEnabled
public class OrderService {

    public static final String ORDER = "Order";

    private final SandboxData data;
    private final List<BiConsumer<Order, String>> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final AtomicLong hashSalt = new AtomicLong();

    public OrderService(SandboxData data) {
        this.data = data;
    }

    /** Told of every order change (the order as changed, CREATED/UPDATED), listeners or not; keep it quick. */
    public void onOrderChange(BiConsumer<Order, String> subscriber) {
        subscribers.add(subscriber);
    }

    /** Queues an Order event of {@code changeType}; call inside {@link SandboxData#write}. */
    public void orderChanged(Order order, String changeType) {
        data.recordEvent(ORDER, changeType, order.id(), order.storeId(), order.marketId());
        subscribers.forEach(s -> s.accept(order, changeType));
    }

    /**
     * Places up to {@code count} direct-to-consumer orders of 1-3 random sizes that have free stock, as shoppers
     * would. Stops early when no stock is left; answers the placed orders.
     */
    public List<Order> placeRandomOrders(int count) {
        return data.write(() -> {
            List<Order> placed = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Order order = placeRandomOrder();
                if (order == null) {
                    break;
                }
                placed.add(order);
            }
            return placed;
        });
    }

    private Order placeRandomOrder() {
        var random = ThreadLocalRandom.current();
        List<Display> displays = data.displays.stream()
                .filter(d -> data.stores.find(d.storeId()).map(s -> s.type() == StoreType.DIRECT_TO_CONSUMER)
                        .orElse(false)).toList();
        List<ProductSize> sellable = new ArrayList<>();
        for (ProductSize size : data.productSizes.all()) {
            if (size.isActive() && freeToAllocate(size.id()) > 0) {
                sellable.add(size);
            }
        }
        if (sellable.isEmpty()) {
            return null;
        }
        int number = data.orders.nextNumber();
        List<OrderLine> lines = new ArrayList<>();
        int wanted = 1 + random.nextInt(Math.min(3, sellable.size()));
        for (int i = 0; i < wanted && !sellable.isEmpty(); i++) {
            ProductSize size = sellable.remove(random.nextInt(sellable.size()));
            int quantity = Math.min(freeToAllocate(size.id()), 1 + random.nextInt(2));
            Integer displayId = displays.stream()
                    .filter(d -> d.productVariantIds().contains(size.productVariantId()))
                    .map(Display::id).findFirst().orElse(null);
            BigDecimal price = BigDecimal.valueOf(100 + 25L * random.nextInt(20));
            lines.add(new OrderLine(data.nextOrderLineId(), size.id(), displayId, quantity, 0, price, price,
                    BigDecimal.valueOf(25), allocate(size.id(), quantity)));
        }
        Customer customer = data.customers.stream().findFirst().orElse(null);
        Address address = new Address(customer == null ? "Anna" : customer.firstName(),
                customer == null ? "Shopper" : customer.lastName(), null, null, "Drottninggatan " + number, null,
                "Stockholm", null, "11151", 6, customer == null ? "shopper@example.com" : customer.email(),
                "+46700000000", null, null, null);
        Instant now = Instant.now();
        Order order = data.orders.put(new Order(hash(number), number, StoreType.DIRECT_TO_CONSUMER, 1, 1, 1, "SEK",
                OrderStatus.PENDING, false, false, false, customer == null ? null : customer.id(), address, address,
                List.copyOf(lines), BigDecimal.valueOf(49), null, null, null, now, now, now));
        orderChanged(order, "CREATED");
        return order;
    }

    private int freeToAllocate(int productSizeId) {
        int free = 0;
        for (Warehouse warehouse : data.warehouses.all()) {
            free += Math.max(0, data.stock.get(productSizeId, warehouse.id()).freeToAllocate());
        }
        return free;
    }

    /** Allocates from the warehouses in id order; the caller made sure enough is free. */
    private List<OrderLine.Allocation> allocate(int productSizeId, int quantity) {
        List<OrderLine.Allocation> allocations = new ArrayList<>();
        int left = quantity;
        for (Warehouse warehouse : data.warehouses.all()) {
            if (left == 0) {
                break;
            }
            StockLevel level = data.stock.get(productSizeId, warehouse.id());
            int take = Math.min(left, Math.max(0, level.freeToAllocate()));
            if (take > 0) {
                data.stock.put(level.withAllocated(level.allocated() + take));
                allocations.add(new OrderLine.Allocation(warehouse.id(), take));
                left -= take;
            }
        }
        return List.copyOf(allocations);
    }

    /**
     * Takes {@code quantity} units off a line: released back to free stock, or removed from stock (physical down
     * too). Answers the changed line; call inside {@link SandboxData#write} after validating the quantity.
     */
    public OrderLine cancel(OrderLine line, int quantity, boolean removeFromStock) {
        List<OrderLine.Allocation> allocations = new ArrayList<>(line.allocations());
        int left = quantity;
        for (int i = allocations.size() - 1; i >= 0 && left > 0; i--) {
            OrderLine.Allocation allocation = allocations.get(i);
            int release = Math.min(left, allocation.quantity());
            StockLevel level = data.stock.get(line.productSizeId(), allocation.warehouseId());
            StockLevel changed = level.withAllocated(level.allocated() - release);
            if (removeFromStock) {
                changed = changed.withPhysical(changed.physical() - release);
            }
            data.stock.put(changed);
            left -= release;
            if (release == allocation.quantity()) {
                allocations.remove(i);
            } else {
                allocations.set(i, new OrderLine.Allocation(allocation.warehouseId(), allocation.quantity() - release));
            }
        }
        return new OrderLine(line.id(), line.productSizeId(), line.displayId(), line.quantity() - quantity,
                line.cancelledQuantity() + quantity, line.unitPrice(), line.unitOriginalPrice(), line.taxPercent(),
                List.copyOf(allocations));
    }

    /** A 32-hex id like Centra's order hashes. */
    String hash(int number) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(("sandbox-order:" + number + ":"
                    + System.nanoTime() + ":" + hashSalt.incrementAndGet()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
