package org.centraerp.connector.ops.reconciliation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.flows.orders.OrderVersion;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Orders: Centra's orders changed in a window against the export ledger ({@code connector_order_export}) and, with
 * an ERP database, the ERP's order header table: missing in the ERP, exported twice, or an older version in the
 * ERP than Centra has now. Orders the connector is still working on (due in the order inbox) are left out.
 */
public class OrderReconciliation {

    static final String KIND = "orders";
    private static final int BATCH = 50;
    private static final DateTimeFormatter CENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private record Written(int exportVersion, String orderVersion) {
    }

    private final CentraClient centra;
    private final JdbcTemplate state;
    private final ErpDatabase erp;
    private final MappingRepository mappings;

    public OrderReconciliation(CentraClient centra, StateDatabase state, ErpDatabase erp, MappingRepository mappings) {
        this.centra = centra;
        this.state = state.jdbc();
        this.erp = erp;
        this.mappings = mappings;
    }

    /** Orders Centra changed from {@code since} until now; answers how many were compared. */
    public long run(Instant since, Consumer<Difference> out) {
        List<Long> numbers = centra.pages("ordersUpdated", Map.of("from", CENTRA_TIME.format(since),
                // rounded up: the format has whole seconds, and an order changed in this second counts too
                "to", CENTRA_TIME.format(Instant.now().plusSeconds(1))), "orders", CentraClient.MAX_PAGE_SIZE)
                .map(o -> o.path("number").asLong()).distinct().toList();
        Optional<JdbcTemplate> erpTables = erp.dataSource().map(JdbcTemplate::new);
        Optional<String> header = erpTables.isPresent() ? mappings.orders().header().table() : Optional.empty();
        long checked = 0;
        for (int i = 0; i < numbers.size(); i += BATCH) {
            List<Long> batch = numbers.subList(i, Math.min(numbers.size(), i + BATCH));
            JsonNode orders = centra.query("orders", Map.of("numbers", batch, "limit", batch.size())).data()
                    .path("orders");
            for (JsonNode order : orders) {
                long number = order.path("number").asLong();
                if (busy(number)) {
                    continue;
                }
                checked++;
                compare(number, order, erpTables, header, out);
            }
        }
        return checked;
    }

    private void compare(long number, JsonNode order, Optional<JdbcTemplate> erpTables, Optional<String> header,
                         Consumer<Difference> out) {
        String key = Long.toString(number);
        List<Written> written = state.query("SELECT export_version, order_version FROM connector_order_export"
                + " WHERE order_number = ? AND state = 'WRITTEN' ORDER BY export_version", (rs, n) ->
                new Written(rs.getInt(1), rs.getString(2)), number);
        if (written.isEmpty()) {
            if (!deadLettered(number)) {
                out.accept(new Difference(KIND, key, "", order.path("status").asText(), "never exported to the ERP"));
            }
            return;
        }
        Written latest = written.get(written.size() - 1);
        List<String> seen = new ArrayList<>();
        for (Written w : written) {
            if (seen.contains(w.orderVersion())) {
                out.accept(new Difference(KIND, key, "version " + w.exportVersion(), "", "exported twice"));
            }
            seen.add(w.orderVersion());
        }
        if (erpTables.isPresent() && header.isPresent()) {
            Integer rows = erpTables.get().queryForObject("SELECT COUNT(*) FROM " + header.get()
                    + " WHERE order_number = ? AND export_version = ?", Integer.class, number, latest.exportVersion());
            if (rows == null || rows == 0) {
                out.accept(new Difference(KIND, key, "", "version " + latest.exportVersion(),
                        "missing in the ERP (" + header.get() + ")"));
                return;
            }
            if (rows > 1) {
                out.accept(new Difference(KIND, key, rows + " rows", "version " + latest.exportVersion(),
                        "exported twice (" + header.get() + ")"));
            }
        }
        String now = OrderVersion.of(order);
        if (!now.equals(latest.orderVersion()) && !now.equals(OrderVersion.afterConfirm(order))) {
            out.accept(new Difference(KIND, key, "version " + latest.exportVersion(), order.path("status").asText(),
                    "older version in the ERP than in Centra"));
        }
    }

    /** Due in the order inbox: the export is on its way, so nothing to say yet. */
    private boolean busy(long number) {
        Integer due = state.queryForObject("SELECT COUNT(*) FROM connector_order_inbox WHERE order_number = ?"
                + " AND requested > handled", Integer.class, number);
        return due != null && due > 0;
    }

    private boolean deadLettered(long number) {
        Integer open = state.queryForObject("SELECT COUNT(*) FROM connector_dead_letter WHERE flow = 'orders'"
                + " AND business_key = ? AND replayed_at IS NULL AND discarded_at IS NULL", Integer.class,
                Long.toString(number));
        return open != null && open > 0;
    }
}
