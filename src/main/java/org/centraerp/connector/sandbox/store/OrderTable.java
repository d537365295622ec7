package org.centraerp.connector.sandbox.store;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/** Orders by number (in number order) and by hash id. Numbers continue after the highest seeded one. */
public final class OrderTable {

    private final ConcurrentSkipListMap<Integer, Order> byNumber = new ConcurrentSkipListMap<>();
    private final ConcurrentHashMap<String, Integer> numberById = new ConcurrentHashMap<>();
    private final AtomicInteger lastNumber = new AtomicInteger();

    public Optional<Order> byNumber(Integer number) {
        return number == null ? Optional.empty() : Optional.ofNullable(byNumber.get(number));
    }

    public Optional<Order> byId(String id) {
        return id == null ? Optional.empty() : byNumber(numberById.get(id));
    }

    public Stream<Order> stream() {
        return byNumber.values().stream();
    }

    public int size() {
        return byNumber.size();
    }

    /** Reserves the next order number; call inside {@link SandboxData#write}. */
    public int nextNumber() {
        return lastNumber.incrementAndGet();
    }

    public Order put(Order order) {
        byNumber.put(order.number(), order);
        numberById.put(order.id(), order.number());
        lastNumber.accumulateAndGet(order.number(), Math::max);
        return order;
    }

    void clear() {
        byNumber.clear();
        numberById.clear();
        lastNumber.set(0);
    }
}
