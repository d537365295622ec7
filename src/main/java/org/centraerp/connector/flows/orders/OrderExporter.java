package org.centraerp.connector.flows.orders;

import java.util.Optional;
import java.util.function.BiConsumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.flows.orders.OrderExports.CentraAction;
import org.centraerp.connector.flows.orders.OrderExports.Export;
import org.centraerp.connector.flows.orders.OrderExports.State;
import org.centraerp.connector.mapping.OrdersMapping;

/**
 * Exports one fetched order if its content is new to the ERP, exactly once per content version:
 * <ol>
 *   <li>unchanged since the latest WRITTEN version: nothing to do;</li>
 *   <li>otherwise the version is recorded as WRITING under the next export version (UNIQUE per order: a second
 *       instance doing the same fails here), unless a WRITING record of this very content is there from a crash,
 *       which is then finished under its export version;</li>
 *   <li>the ERP side is written: header + lines in one ERP transaction whose UNIQUE (order_number, export_version)
 *       makes a repeat a no-op; then route export-orders writes the file to the outbox endpoint (temporary name,
 *       then renamed; a file of that name there already is this version and is kept);</li>
 *   <li>the record becomes WRITTEN, with the Centra action (lock/confirm) still to do.</li>
 * </ol>
 * A mapping problem throws before anything is recorded.
 */
public class OrderExporter {

    private final OrderExports exports;
    private final OrderErpWriter writer;
    private final OrdersProperties properties;

    public OrderExporter(OrderExports exports, OrderErpWriter writer, OrdersProperties properties) {
        this.exports = exports;
        this.writer = writer;
        this.properties = properties;
    }

    /**
     * An order version on its way to the ERP: recorded as WRITING, its table rows written; its file (when files
     * are on) still to be written by the route, then {@link #finish}.
     *
     * @param fileName null when files are off
     */
    public record Pending(Export target, String fileName, byte[] content, CentraAction action) {
    }

    /** Records the version as WRITING and writes the ERP tables; empty when the ERP has this content already. */
    public Optional<Pending> prepare(OrdersMapping mapping, JsonNode order) {
        long number = order.path("number").asLong();
        String version = OrderVersion.of(order);
        Optional<Export> latest = exports.latest(number);
        if (latest.isPresent() && latest.get().orderVersion().equals(version) && latest.get().state() == State.WRITTEN) {
            return Optional.empty();
        }
        // Map before recording anything: a bad order is reported, not half exported.
        int next = latest.map(e -> e.exportVersion() + 1).orElse(1);
        MappedOrder.map(mapping, order, next);
        Export target;
        if (latest.isPresent() && latest.get().orderVersion().equals(version) && latest.get().state() == State.WRITING) {
            target = latest.get();
        } else {
            latest.filter(e -> e.state() == State.WRITING).ifPresent(exports::abandon);
            target = exports.begin(number, version, order.path("status").asText(null));
        }
        MappedOrder mapped = MappedOrder.map(mapping, order, target.exportVersion());
        if (writer.writesTables(mapping)) {
            writer.writeTables(mapping, mapped);
        }
        CentraAction action = properties.lock() || (properties.confirm() && isPending(order))
                ? CentraAction.PENDING : CentraAction.NONE;
        if (!properties.files()) {
            return Optional.of(new Pending(target, null, null, action));
        }
        return Optional.of(new Pending(target, OrderErpWriter.fileName(mapping, number, target.exportVersion()),
                OrderErpWriter.render(mapping, mapped), action));
    }

    /** The ERP has the version (its file written): WRITTEN, with the Centra action still to do. */
    public Export finish(Pending pending) {
        Export target = pending.target();
        exports.written(target, pending.fileName(), pending.action());
        return new Export(target.orderNumber(), target.orderVersion(), target.exportVersion(), State.WRITTEN,
                target.centraStatus(), pending.fileName(), pending.action());
    }

    /** {@link #prepare}, the file to {@code files} (name, content), {@link #finish}: for callers without a route. */
    public Optional<Export> export(OrdersMapping mapping, JsonNode order, BiConsumer<String, byte[]> files) {
        return prepare(mapping, order).map(pending -> {
            if (pending.fileName() != null) {
                files.accept(pending.fileName(), pending.content());
            }
            return finish(pending);
        });
    }

    static boolean isPending(JsonNode order) {
        return "PENDING".equals(order.path("status").asText());
    }
}
