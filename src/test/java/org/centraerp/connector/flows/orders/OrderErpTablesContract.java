package org.centraerp.connector.flows.orders;

import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.erp.ErpProperties;
import org.centraerp.connector.flows.orders.OrderExports.State;
import org.centraerp.connector.mapping.MappingKind;
import org.centraerp.connector.mapping.MappingValidator;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.StateSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The export of one order into real ERP order tables (and the order file), with the default mapping.
 * Subclasses name the ERP database; each test class gets a fresh schema/database and drops it afterwards.
 * An unreachable database fails the tests, it never skips them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OrderErpTablesContract {

    static final ObjectMapper JSON = new ObjectMapper();
    final String name = "orders_erp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toLowerCase(Locale.ROOT);

    @TempDir
    Path folder;

    private HikariDataSource stateDataSource;
    private ErpDatabase erpDatabase;
    private JdbcTemplate erp;
    private OrderExports exports;
    private OrderErpWriter writer;
    private OrderExporter exporter;

    /** What route export-orders does with an order file, here straight into the folder. */
    private final java.util.function.BiConsumer<String, byte[]> files = (name, content) -> {
        try {
            Files.createDirectories(folder.resolve("out/orders"));
            Files.write(folder.resolve("out/orders").resolve(name), content);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    };
    private OrdersMapping mapping;

    /** Creates the schema/database; returns its JDBC URL. */
    abstract String createErpDatabase() throws SQLException;

    abstract void dropErpDatabase() throws SQLException;

    abstract String user();

    @BeforeAll
    void erpDatabase() throws Exception {
        String url;
        try {
            url = createErpDatabase();
        } catch (SQLException e) {
            throw new AssertionError(getClass().getSimpleName() + ": the ERP test database is not reachable ("
                    + e.getMessage() + "); start it (see README, Tests)", e);
        }
        erpDatabase = new ErpDatabase(new ErpProperties(folder, new ErpProperties.Datasource(url, user(), "")));
        erp = new JdbcTemplate(erpDatabase.dataSource().orElseThrow());
        new ResourceDatabasePopulator(new FileSystemResource("samples/erp/order-tables.sql")).execute(erpDatabase.dataSource().orElseThrow());
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            mapping = OrdersMapping.of(new MappingValidator(camel).load(Path.of("mappings"), "default")
                    .documents(MappingKind.ORDERS).get(0));
        }
    }

    @AfterAll
    void dropAll() throws SQLException {
        erpDatabase.destroy();
        dropErpDatabase();
    }

    @BeforeEach
    void freshState() {
        if (stateDataSource != null) {
            stateDataSource.close();
        }
        stateDataSource = new HikariDataSource();
        stateDataSource.setJdbcUrl("jdbc:h2:mem:" + name + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        StateSchema.migrate(stateDataSource);
        StateDatabase state = new StateDatabase(stateDataSource);
        exports = new OrderExports(state, java.time.Clock.systemUTC());
        writer = new OrderErpWriter(erpDatabase);
        exporter = new OrderExporter(exports, writer, properties());
        erp.update("DELETE FROM erp_order_line");
        erp.update("DELETE FROM erp_order_header");
    }

    static OrdersProperties properties() {
        return new OrdersProperties(true, 50, Duration.ofSeconds(1), Duration.ofMinutes(2),
                new OrdersProperties.Retry(Duration.ofSeconds(1), Duration.ofSeconds(5)), 5, true, false, true,
                new OrdersProperties.Poll(true, "0 * * * * ?", Duration.ofMinutes(2), Duration.ofHours(24), 200),
                new OrdersProperties.Events(false, Duration.ofSeconds(60), 200));
    }

    static ObjectNode order() throws IOException {
        try (InputStream in = OrderErpTablesContract.class.getResourceAsStream("/orders/order-1001.json")) {
            return (ObjectNode) JSON.readTree(in);
        }
    }

    @Test
    void newOrderGoesToHeaderAndLineTablesAndFileOnce() throws Exception {
        assertThat(exporter.export(mapping, order(), files)).isPresent();
        assertThat(exporter.export(mapping, order(), files)).isEmpty();

        List<Map<String, Object>> headers = erp.queryForList("SELECT * FROM erp_order_header");
        assertThat(headers).hasSize(1);
        Map<String, Object> header = lowerCaseKeys(headers.get(0));
        assertThat(header).containsEntry("status", "NEW").containsEntry("channel", "B2C")
                .containsEntry("currency", "SEK").containsEntry("ship_country", "SE");
        assertThat(((Number) header.get("order_number")).longValue()).isEqualTo(1001L);
        assertThat(((Number) header.get("export_version")).intValue()).isEqualTo(1);
        assertThat(new java.math.BigDecimal(header.get("grand_total").toString())).isEqualByComparingTo("1598.00");
        assertThat(erp.queryForList("SELECT sku FROM erp_order_line ORDER BY line_no", String.class))
                .containsExactly("SW-RED-S", "SW-BLUE-M");
        assertThat(Files.list(folder.resolve("out/orders")).map(p -> p.getFileName().toString()).toList())
                .containsExactly("order-1001-1.json");
    }

    @Test
    void lockingInCentraIsNotANewVersion() throws Exception {
        exporter.export(mapping, order(), files);
        ObjectNode locked = order();
        locked.put("isLocked", true);
        locked.put("updatedAt", "2026-05-01T10:05:00+02:00");
        assertThat(exporter.export(mapping, locked, files)).isEmpty();
        assertThat(erp.queryForObject("SELECT COUNT(*) FROM erp_order_header", Integer.class)).isEqualTo(1);
    }

    @Test
    void cancellationIsExportedAsTheNextVersion() throws Exception {
        exporter.export(mapping, order(), files);
        ObjectNode cancelled = order();
        cancelled.put("status", "CANCELLED");
        ((ObjectNode) cancelled.path("lines").get(1)).put("cancelledQuantity", 1);

        assertThat(exporter.export(mapping, cancelled, files)).get().extracting(OrderExports.Export::exportVersion).isEqualTo(2);
        assertThat(erp.queryForList("SELECT status FROM erp_order_header ORDER BY export_version", String.class))
                .containsExactly("NEW", "CANCELLED");
        assertThat(erp.queryForList("SELECT cancelled_quantity FROM erp_order_line WHERE export_version = 2 ORDER BY line_no",
                Integer.class)).containsExactly(0, 1);
        assertThat(Files.exists(folder.resolve("out/orders/order-1001-2.json"))).isTrue();
    }

    @Test
    void erpDatabaseDownThenUpExportsOnceAfterRecovery() throws Exception {
        erp.execute("ALTER TABLE erp_order_header RENAME TO erp_order_header_away");
        try {
            assertThatThrownBy(() -> exporter.export(mapping, order(), files)).isInstanceOf(RuntimeException.class);
            assertThat(exports.latest(1001)).get().extracting(OrderExports.Export::state).isEqualTo(State.WRITING);
        } finally {
            erp.execute("ALTER TABLE erp_order_header_away RENAME TO erp_order_header");
        }
        assertThat(exporter.export(mapping, order(), files)).get().extracting(OrderExports.Export::exportVersion).isEqualTo(1);
        assertThat(exporter.export(mapping, order(), files)).isEmpty();
        assertThat(erp.queryForObject("SELECT COUNT(*) FROM erp_order_header", Integer.class)).isEqualTo(1);
        assertThat(erp.queryForObject("SELECT COUNT(*) FROM erp_order_line", Integer.class)).isEqualTo(2);
    }

    @Test
    void crashAfterTheErpCommittedIsFinishedWithoutASecondCopy() throws Exception {
        ObjectNode order = order();
        // What an instance killed between the ERP commit and its own WRITTEN record leaves behind:
        OrderExports.Export begun = exports.begin(1001, OrderVersion.of(order), "PENDING");
        assertThat(writer.writeTables(mapping, MappedOrder.map(mapping, order, begun.exportVersion()))).isTrue();

        assertThat(exporter.export(mapping, order, files)).get().extracting(OrderExports.Export::exportVersion).isEqualTo(1);
        assertThat(exports.latest(1001)).get().extracting(OrderExports.Export::state).isEqualTo(State.WRITTEN);
        assertThat(erp.queryForObject("SELECT COUNT(*) FROM erp_order_header", Integer.class)).isEqualTo(1);
        assertThat(erp.queryForObject("SELECT COUNT(*) FROM erp_order_line", Integer.class)).isEqualTo(2);
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> result = new java.util.HashMap<>();
        row.forEach((k, v) -> result.put(k.toLowerCase(Locale.ROOT), v));
        return result;
    }

    static void execute(String url, String user, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
