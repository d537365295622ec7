package org.centraerp.connector.sandbox.store;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * One aggregate's rows, kept in id order. Rows are immutable records: an update replaces the row, so readers never
 * see half a change. Ids come from a counter that continues after the highest seeded id, as Centra's do.
 */
public final class Table<T extends Identified> {

    private final ConcurrentSkipListMap<Integer, T> rows = new ConcurrentSkipListMap<>();
    private final AtomicInteger lastId = new AtomicInteger();
    /** Counts changes, so that derived indexes (e.g. SKU lookups) know when to rebuild. */
    private final AtomicLong version = new AtomicLong();

    public Optional<T> find(Integer id) {
        return id == null ? Optional.empty() : Optional.ofNullable(rows.get(id));
    }

    public boolean exists(Integer id) {
        return id != null && rows.containsKey(id);
    }

    public List<T> all() {
        return List.copyOf(rows.values());
    }

    public Stream<T> stream() {
        return rows.values().stream();
    }

    /** Reserves the next id; call inside {@link SandboxData#write}. */
    public int nextId() {
        return lastId.incrementAndGet();
    }

    public long version() {
        return version.get();
    }

    public int size() {
        return rows.size();
    }

    public T put(T row) {
        version.incrementAndGet();
        rows.put(row.id(), row);
        lastId.accumulateAndGet(row.id(), Math::max);
        return row;
    }

    public T update(int id, UnaryOperator<T> change) {
        version.incrementAndGet();
        return rows.computeIfPresent(id, (key, row) -> change.apply(row));
    }

    public T remove(int id) {
        version.incrementAndGet();
        return rows.remove(id);
    }

    void clear() {
        version.incrementAndGet();
        rows.clear();
        lastId.set(0);
    }
}
