package org.centraerp.connector.flows.stock;

import org.centraerp.connector.testsupport.ConnectorProcess;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two connector instances (child JVMs) on one PostgreSQL state database (a fresh schema in database {@code test} on
 * 127.0.0.1:5432, user postgres) and one inbox: every file is processed by exactly one of them. Fails, never skips,
 * when PostgreSQL is not there.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:stock-two-instances-sandbox;DB_CLOSE_DELAY=-1",
        "camel.main.routes-include-pattern=classpath:no-routes/*.camel.yaml",
        "connector.sandbox.rate-limit-tier=NONE"})
class StockTwoInstancesTest {

    private static final String POSTGRESQL = System.getenv().getOrDefault("STATE_TEST_POSTGRESQL_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final int FILES = 8;

    @TempDir
    Path work;

    @LocalServerPort
    int port;

    private final String schema = "stock_two_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10)
            .toLowerCase(Locale.ROOT);

    @BeforeEach
    void freshSchema() {
        sql("CREATE SCHEMA " + schema);
    }

    @AfterEach
    void dropSchema() {
        sql("DROP SCHEMA " + schema + " CASCADE");
    }

    @Test
    void eachFileIsProcessedByExactlyOneOfTwoInstances() throws Exception {
        StockTestSupport stock = new StockTestSupport(work.resolve("erp/in/stock"), "http://127.0.0.1:" + port);
        stock.resetSandbox();
        stock.knobs("{\"latencyMs\": 20}");
        String centraUrl = "http://127.0.0.1:" + port + "/sandbox/graphql";
        List<String> arguments = List.of(
                "--spring.datasource.url=" + POSTGRESQL + "?currentSchema=" + schema,
                "--connector.centra.url=" + centraUrl,
                "--connector.centra.token=" + StockTestSupport.DEMO_TOKEN,
                "--server.port=0",
                "--spring.datasource.username=postgres",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml",
                "--connector.stock.poll-delay=100",
                "--connector.centra.rate-limit.mutations-per-10s=0",
                "--connector.centra.rate-limit.requests-per-10s=0");
        Path logA = Path.of("target", "stock-two-instances-a.log");
        Path logB = Path.of("target", "stock-two-instances-b.log");
        Files.deleteIfExists(logA);
        Files.deleteIfExists(logB);
        try (ConnectorProcess a = ConnectorProcess.start("a", logA, arguments);
             ConnectorProcess b = ConnectorProcess.start("b", logB, arguments)) {
            // both up: each has created its folders and polls the inbox
            org.awaitility.Awaitility.await().atMost(StockTestSupport.PATIENCE).until(() ->
                    Files.readString(logA).contains("Started ConnectorApplication")
                            && Files.readString(logB).contains("Started ConnectorApplication"));
            for (int file = 1; file <= FILES; file++) {
                int round = file;
                stock.drop("stock-" + file + ".csv", StockTestSupport.sampleFile().lines().skip(1)
                        .map(line -> line.substring(0, line.lastIndexOf(';') + 1) + (round * 10 + line.length() % 7))
                        .collect(Collectors.joining("\n", "sku;warehouse;quantity\n", "\n")));
            }
            stock.awaitReports(FILES);
            assertThat(a.isAlive() && b.isAlive()).isTrue();
        }

        List<Path> reports = stock.files(".done", ".report.csv");
        assertThat(reports).as("one report per file, no file read twice").hasSize(FILES);
        Map<String, Long> changesPerFile = stock.stockChangeComments().stream()
                .filter(c -> c.startsWith("ERP stock file "))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        for (int file = 1; file <= FILES; file++) {
            assertThat(changesPerFile).as("one setStock per warehouse for stock-" + file + ".csv")
                    .containsEntry("ERP stock file stock-" + file + ".csv", 2L);
        }
        String all = Files.readString(logA) + Files.readString(logB);
        for (int file = 1; file <= FILES; file++) {
            assertThat(all.split("stock-" + file + ".csv done", -1)).as("stock-" + file + ".csv done once").hasSize(2);
        }
    }

    private static void sql(String statement) {
        try (Connection c = DriverManager.getConnection(POSTGRESQL, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new AssertionError("PostgreSQL at " + POSTGRESQL + " is not reachable (" + e.getMessage() + "). This "
                    + "test needs it: start it with 'pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) "
                    + "main start', or set STATE_TEST_POSTGRESQL_URL.", e);
        }
    }
}
