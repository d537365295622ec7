package org.centraerp.connector.ops.console;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.state.DeadLetter;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Orders page's look-ups: what the connector knows of one order, shipment, return or catalogue key. Read only;
 * only numbers, states and totals, never names or addresses.
 */
@Component
public class Lookups {

    /** The order inbox row: which source told last, how often, and the last error. */
    public record InboxEntry(long requested, long handled, String lastSource, String lastError, int attempts,
                             Instant dueAt, Instant firstTold, Instant lastTold) {
    }

    /** One source (webhook, events, poll, console-replay) that told us about the order: first, last, how often. */
    public record Told(String source, Instant first, Instant last, long times) {
    }

    /** One export version and the ERP's rows of it ({@code erpRows} null without an ERP database). */
    public record ExportVersion(int version, String state, String centraStatus, String fileName, String centraAction,
                                String centraError, Instant at, Integer erpRows) {
    }

    /** The order as Centra has it now, numbers only. */
    public record CentraOrder(String status, boolean locked, String total, String error) {
    }

    public record OrderView(long number, Optional<InboxEntry> inbox, List<Told> told, List<ExportVersion> exports,
                            CentraOrder centra, List<DeadLetter> deadLetters) {
    }

    /** A shipment or return from the ERP and how far it got in Centra. */
    public record Progress(String flow, String erpReference, long orderNumber, Long centraId, String step,
                           Instant createdAt, Instant updatedAt) {
    }

    /** A catalogue key and the Centra object it stands for. */
    public record CatalogueKey(String objectType, String erpKey, long centraId, Long parentId, Instant updatedAt) {
    }

    private final JdbcTemplate state;
    private final DeadLetters deadLetters;
    private final CentraClient centra;
    private final ErpDatabase erp;
    private final MappingRepository mappings;

    public Lookups(StateDatabase state, DeadLetters deadLetters, CentraClient centra, ErpDatabase erp,
                   MappingRepository mappings) {
        this.state = state.jdbc();
        this.deadLetters = deadLetters;
        this.centra = centra;
        this.erp = erp;
        this.mappings = mappings;
    }

    public OrderView order(long number) {
        Optional<InboxEntry> inbox = state.query("SELECT requested, handled, last_source, last_error, attempts, due_at,"
                + " created_at, updated_at FROM connector_order_inbox WHERE order_number = ?", (rs, i) -> new InboxEntry(
                rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getInt(5), instant(rs, 6),
                instant(rs, 7), instant(rs, 8)), number).stream().findFirst();
        List<Told> told = state.query("SELECT source, first_told, last_told, times FROM connector_order_source"
                + " WHERE order_number = ? ORDER BY first_told, source", (rs, i) -> new Told(rs.getString(1),
                instant(rs, 2), instant(rs, 3), rs.getLong(4)), number);
        Optional<String> headerTable = erp.configured() ? mappings.orders().header().table() : Optional.empty();
        List<ExportVersion> exports = state.query("SELECT export_version, state, centra_status, file_name, centra_action,"
                + " centra_error, created_at FROM connector_order_export WHERE order_number = ? ORDER BY export_version",
                (rs, i) -> new ExportVersion(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), instant(rs, 7),
                        headerTable.map(t -> erpRows(t, number, exportVersion(rs))).orElse(null)), number);
        return new OrderView(number, inbox, told, exports, centraOrder(number), deadLetters.byKey("orders", Long.toString(number)));
    }

    private static int exportVersion(ResultSet rs) {
        try {
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Header rows of this order version in the ERP's table (0: missing there). */
    private Integer erpRows(String table, long number, int version) {
        return erp.dataSource().map(ds -> new JdbcTemplate(ds).queryForObject("SELECT COUNT(*) FROM " + table
                + " WHERE order_number = ? AND export_version = ?", Integer.class, number, version)).orElse(null);
    }

    private CentraOrder centraOrder(long number) {
        try {
            JsonNode found = centra.query("orders", Map.of("numbers", List.of(number), "limit", 1)).data().path("orders");
            if (found.isEmpty()) {
                return new CentraOrder(null, false, null, "Centra has no order " + number);
            }
            JsonNode order = found.get(0);
            String total = order.path("grandTotal").path("value").asText("") + " "
                    + order.path("grandTotal").path("currency").path("code").asText("");
            return new CentraOrder(order.path("status").asText(null), order.path("isLocked").asBoolean(), total.trim(),
                    null);
        } catch (CentraException e) {
            return new CentraOrder(null, false, null, "Centra not asked: " + e.getMessage());
        }
    }

    /** Shipments and returns from the ERP under this reference. */
    public List<Progress> progress(String erpReference) {
        return state.query("SELECT flow, erp_reference, order_number, centra_id, step, created_at, updated_at"
                + " FROM connector_shipment_progress WHERE erp_reference = ? ORDER BY flow", (rs, i) -> new Progress(
                rs.getString(1), rs.getString(2), rs.getLong(3), (Long) rs.getObject(4, Long.class), rs.getString(5),
                instant(rs, 6), instant(rs, 7)), erpReference);
    }

    /** The key itself and the keys under it (a product's variants {@code KEY|...}, their sizes). */
    public List<CatalogueKey> catalogue(String erpKey) {
        List<CatalogueKey> keys = new ArrayList<>(state.query("SELECT object_type, erp_key, centra_id, parent_id,"
                + " updated_at FROM connector_catalogue_id WHERE erp_key = ? OR erp_key LIKE ? ORDER BY erp_key, object_type",
                (rs, i) -> new CatalogueKey(rs.getString(1), rs.getString(2), rs.getLong(3),
                        (Long) rs.getObject(4, Long.class), instant(rs, 5)), erpKey, escapeLike(erpKey) + "|%"));
        return keys.size() > 500 ? keys.subList(0, 500) : keys;
    }

    private static String escapeLike(String text) {
        return text.replace("%", "").replace("_", "\\_");
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime time = rs.getObject(column, LocalDateTime.class);
        return time == null ? null : time.toInstant(ZoneOffset.UTC);
    }
}
