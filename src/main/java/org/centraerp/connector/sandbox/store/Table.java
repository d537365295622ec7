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
    /** Told of every row put or removed (not of {@link #clear}); see {@link #onChange}. */
    private volatile ChangeListener<T> listener;

    /** What happened to a row: Centra's event change types. */
    public enum Change { CREATED, UPDATED, DELETED }

    /** A table's change listener; runs inside the writer lock of the change. */
    @FunctionalInterface
    public interface ChangeListener<T> {
        void changed(T row, Change change);
    }

    /** Sets the one listener of this table (the sandbox's event recorder). */
    public void onChange(ChangeListener<T> changeListener) {
        this.listener = changeListener;
    }

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
        T before = rows.put(row.id(), row);
        lastId.accumulateAndGet(row.id(), Math::max);
        tell(row, before == null ? Change.CREATED : Change.UPDATED);
        return row;
    }

    public T update(int id, UnaryOperator<T> change) {
        version.incrementAndGet();
        T updated = rows.computeIfPresent(id, (key, row) -> change.apply(row));
        tell(updated, Change.UPDATED);
        return updated;
    }

    public T remove(int id) {
        version.incrementAndGet();
        T removed = rows.remove(id);
        tell(removed, Change.DELETED);
        return removed;
    }

    private void tell(T row, Change change) {
        ChangeListener<T> current = listener;
        if (current != null && row != null) {
            current.changed(row, change);
        }
    }

    void clear() {
        version.incrementAndGet();
        rows.clear();
        lastId.set(0);
    }
}
