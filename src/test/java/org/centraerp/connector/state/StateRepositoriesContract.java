package org.centraerp.connector.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.centraerp.connector.ops.CentraBindingCheck;
import org.centraerp.connector.state.CentraBindings.Binding;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Every state repository against one real database; one subclass per supported vendor. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class StateRepositoriesContract {

    private TestDatabase database;
    private DataSource dataSource;
    private StateDatabase db;
    private TransactionTemplate tx;

    abstract TestDatabase database();

    abstract DatabaseVendor expectedVendor();

    @BeforeAll
    void migrate() {
        database = database();
        dataSource = database.open();
        assertThat(StateSchema.migrate(dataSource).migrationsExecuted).isGreaterThanOrEqualTo(1);
        db = new StateDatabase(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @AfterAll
    void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void vendorIsDetectedAndMigratingAgainChangesNothing() {
        assertThat(db.vendor()).isEqualTo(expectedVendor());
        assertThat(StateSchema.migrate(dataSource).migrationsExecuted).isZero();
        for (String table : List.of("connector_idempotency_key", "connector_file_checkpoint", "connector_watermark",
                "connector_dead_letter", "connector_sent_value", StateConfiguration.CAMEL_MESSAGE_TABLE)) {
            assertThat(db.jdbc().queryForList("SELECT 1 FROM " + table + " WHERE 1 = 0")).as(table).isEmpty();
        }
    }

    @Test
    void centraSchemaIsKeptPerAddressWholeAndReplacedByTheNextRead() {
        CentraSchemaCache cache = new CentraSchemaCache(db);
        String large = "type Order {\n" + "  field: String\n".repeat(20_000) + "}\n"; // > 64 KB
        assertThat(cache.read("https://brand.centra.com/graphql")).isEmpty();
        cache.save("https://brand.centra.com/graphql", large);
        cache.save("sandbox", "type Query { stores: [String] }");
        assertThat(cache.read("https://brand.centra.com/graphql")).contains(large);
        cache.save("https://brand.centra.com/graphql", "type Query { orders: [String] }");
        assertThat(cache.read("https://brand.centra.com/graphql")).contains("type Query { orders: [String] }");
        assertThat(cache.read("sandbox")).contains("type Query { stores: [String] }");
    }

    @Test
    void keyIsClaimedOnceThenNeverAgain() {
        IdempotencyKeys keys = new IdempotencyKeys(db);
        assertThat(keys.claim("orders-to-erp", "order-1001", "erp-42")).isTrue();
        assertThat(keys.claim("orders-to-erp", "order-1001")).isFalse();
        assertThat(keys.claim("shipments-to-centra", "order-1001")).as("other flow").isTrue();
        assertThat(keys.outcome("orders-to-erp", "order-1001")).contains("erp-42");
        assertThat(keys.recordOutcome("orders-to-erp", "order-1001", "erp-43")).isTrue();
        assertThat(keys.outcome("orders-to-erp", "order-1001")).contains("erp-43");
        assertThat(keys.release("orders-to-erp", "order-1001")).isTrue();
        assertThat(keys.claim("orders-to-erp", "order-1001")).isTrue();
    }

    @Test
    void keysDifferingOnlyInCaseOrTrailingSpaceAreDifferentKeys() {
        IdempotencyKeys keys = new IdempotencyKeys(db);
        assertThat(keys.claim("case", "sku-a")).isTrue();
        assertThat(keys.claim("case", "SKU-A")).isTrue();
        assertThat(keys.claim("case", "sku-a ")).as("trailing space").isTrue();
    }

    @Test
    void twoThreadsClaimingTheSameKeyExactlyOneWins() throws Exception {
        IdempotencyKeys keys = new IdempotencyKeys(db);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String key = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                Callable<Boolean> claimer = () -> tx.execute(status -> {
                    await(start);
                    return keys.claim("race", key);
                });
                Future<Boolean> first = pool.submit(claimer);
                Future<Boolean> second = pool.submit(claimer);
                List<Boolean> wins = List.of(first.get(), second.get());
                assertThat(wins).as("round " + round).containsExactlyInAnyOrder(true, false);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void claimInsideRolledBackTransactionLeavesNoKey() {
        IdempotencyKeys keys = new IdempotencyKeys(db);
        tx.executeWithoutResult(status -> {
            assertThat(keys.claim("rollback", "order-7")).isTrue();
            status.setRollbackOnly();
        });
        assertThat(keys.isClaimed("rollback", "order-7")).isFalse();
        assertThat(keys.claim("rollback", "order-7")).isTrue();
    }

    @Test
    void duplicateClaimDoesNotSpoilTheCallersTransaction() {
        IdempotencyKeys keys = new IdempotencyKeys(db);
        keys.claim("poison", "seen");
        tx.executeWithoutResult(status -> {
            assertThat(keys.claim("poison", "seen")).isFalse();
            assertThat(keys.claim("poison", "new")).isTrue();
            new Watermarks(db).advance("poison", "after-duplicate");
        });
        assertThat(keys.isClaimed("poison", "new")).isTrue();
        assertThat(new Watermarks(db).read("poison")).contains("after-duplicate");
    }

    @Test
    void orderInboxKeepsWhenEachSourceToldUsInsideTheCallersTransaction() {
        org.centraerp.connector.flows.orders.OrderInbox inbox =
                new org.centraerp.connector.flows.orders.OrderInbox(db, java.time.Clock.systemUTC());
        inbox.notify(5501, "poll");
        tx.executeWithoutResult(status -> {
            inbox.notify(5501, "webhook");
            inbox.notify(5501, "webhook");
            inbox.notify(5502, "events");
        });
        List<String> sources = db.jdbc().queryForList("SELECT CONCAT(source, ':', times) FROM connector_order_source"
                + " WHERE order_number = 5501 ORDER BY source", String.class);
        assertThat(sources).containsExactly("poll:1", "webhook:2");
        assertThat(db.jdbc().queryForObject("SELECT requested FROM connector_order_inbox WHERE order_number = 5501",
                Long.class)).isEqualTo(3);
        assertThat(db.jdbc().queryForObject("SELECT COUNT(*) FROM connector_order_source WHERE order_number = 5502"
                + " AND source = 'events' AND first_told = last_told", Integer.class)).isEqualTo(1);
    }

    @Test
    void watermarkAdvances() {
        Watermarks watermarks = new Watermarks(db);
        assertThat(watermarks.read("events")).isEmpty();
        watermarks.advance("events", "100");
        assertThat(watermarks.read("events")).contains("100");
        watermarks.advance("events", "2024-05-01T10:00:00Z");
        assertThat(watermarks.read("events")).contains("2024-05-01T10:00:00Z");
        assertThat(watermarks.read("other")).isEmpty();
    }

    @Test
    void watermarkCompareAndAdvanceLetsOnlyOneInstanceMoveIt() {
        Watermarks watermarks = new Watermarks(db);
        assertThat(watermarks.advance("cas", Optional.empty(), "1")).isTrue();
        assertThat(watermarks.advance("cas", Optional.empty(), "1")).isFalse();
        assertThat(watermarks.advance("cas", Optional.of("1"), "2")).isTrue();
        assertThat(watermarks.advance("cas", Optional.of("1"), "3")).as("stale expectation").isFalse();
        assertThat(watermarks.read("cas")).contains("2");
        assertThat(watermarks.reset("cas")).isTrue();
        assertThat(watermarks.read("cas")).isEmpty();
    }

    @Test
    void deadLettersAreRecordedListedAndReplayedOnce() {
        DeadLetters letters = new DeadLetters(db);
        String bigPayload = "x".repeat(200_000); // beyond MariaDB TEXT's 64 KB
        long first = letters.record("stock", "stock.csv line 14", "SKU-1", "field quantity: not an integer 'abc'",
                "SKU-1;abc");
        long second = letters.record(DeadLetter.of("stock", "stock.csv line 15", null, "r".repeat(5000), bigPayload));
        letters.record("orders", "event 4711", "1001", "order has no lines", "{}");

        assertThat(second).isGreaterThan(first);
        DeadLetter stored = letters.find(second).orElseThrow();
        assertThat(stored.payload()).isEqualTo(bigPayload);
        assertThat(stored.reason()).hasSize(4000).endsWith("…");
        assertThat(stored.createdAt()).isNotNull();
        assertThat(stored.isOpen()).isTrue();

        assertThat(letters.listOpen("stock", 10)).extracting(DeadLetter::id).containsExactly(first, second);
        assertThat(letters.countOpen("stock")).isEqualTo(2);
        assertThat(letters.markReplayed(first)).isTrue();
        assertThat(letters.markReplayed(first)).as("second replay").isFalse();
        assertThat(letters.markReplayed(999_999)).isFalse();
        assertThat(letters.listOpen("stock", 10)).extracting(DeadLetter::id).containsExactly(second);
        assertThat(letters.list("stock", false, 10)).hasSize(2);
        assertThat(letters.list(null, false, 10)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(letters.find(first).orElseThrow().replayedAt()).isNotNull();
    }

    @Test
    void discardedDeadLettersAreClosedAndOperatorActionsKeepWhoAndWhen() {
        DeadLetters letters = new DeadLetters(db);
        long kept = letters.record("console-test", "order 1", "1", "unknown status", null);
        long dropped = letters.record("console-test", "order 2", "2", "unknown status", null);

        assertThat(letters.discard(dropped, "test order, deleted in Centra")).isTrue();
        assertThat(letters.discard(dropped, "again")).as("second discard").isFalse();
        assertThat(letters.markReplayed(dropped)).as("a discarded letter is not replayed").isFalse();
        DeadLetter discarded = letters.find(dropped).orElseThrow();
        assertThat(discarded.state()).isEqualTo("discarded");
        assertThat(discarded.discardReason()).isEqualTo("test order, deleted in Centra");
        assertThat(letters.countOpen("console-test")).isEqualTo(1);
        assertThat(letters.countOpenByFlow()).containsEntry("console-test", 1);
        assertThat(letters.newest("console-test", "open", 10)).extracting(DeadLetter::id).containsExactly(kept);
        assertThat(letters.newest("console-test", null, 10)).extracting(DeadLetter::id).containsExactly(dropped, kept);
        assertThat(letters.byKey("console-test", "2")).extracting(DeadLetter::id).containsExactly(dropped);

        OperatorActions actions = new OperatorActions(db);
        actions.record("alice", "discard", "dead-letter " + dropped, "test order, deleted in Centra");
        actions.record("bob", "replay", "dead-letter " + kept, null);
        assertThat(actions.on("dead-letter " + dropped)).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("alice");
            assertThat(a.action()).isEqualTo("discard");
            assertThat(a.actedAt()).isNotNull();
        });
        assertThat(actions.newest(10)).extracting(OperatorActions.Action::actor).startsWith("bob", "alice");
    }

    @Test
    void reDroppedIdenticalFileIsRecognisedAndInterruptedFileResumes() {
        FileCheckpoints checkpoints = new FileCheckpoints(db);
        FileCheckpoint begun = checkpoints.begin("stock", "stock-0501.csv", "sha256:aaa");
        assertThat(begun.started()).isTrue();
        assertThat(begun.status()).isEqualTo(FileCheckpoint.Status.IN_PROGRESS);
        checkpoints.progress("stock", "sha256:aaa", 500);

        // crash; the same content comes back under another name
        FileCheckpoint resumed = checkpoints.begin("stock", "stock-0501-again.csv", "sha256:aaa");
        assertThat(resumed.started()).isFalse();
        assertThat(resumed.resumeAfterLine()).isEqualTo(500);
        assertThat(resumed.fileName()).isEqualTo("stock-0501-again.csv");

        checkpoints.finish("stock", "sha256:aaa", 812);
        FileCheckpoint again = checkpoints.begin("stock", "stock-0501.csv", "sha256:aaa");
        assertThat(again.isDone()).isTrue();
        assertThat(again.linesDone()).isEqualTo(812);
        assertThat(checkpoints.find("prices", "sha256:aaa")).as("other flow").isEmpty();

        checkpoints.begin("stock", "broken.csv", "sha256:bbb");
        checkpoints.fail("stock", "sha256:bbb");
        assertThat(checkpoints.find("stock", "sha256:bbb").orElseThrow().status()).isEqualTo(FileCheckpoint.Status.FAILED);
        assertThat(checkpoints.begin("stock", "broken.csv", "sha256:bbb").status())
                .isEqualTo(FileCheckpoint.Status.IN_PROGRESS);
        assertThat(checkpoints.list("stock", 10)).hasSize(2);
        assertThatThrownBy(() -> checkpoints.progress("stock", "sha256:unknown", 1))
                .hasMessageContaining("call begin() first");
    }

    @Test
    void sentValuesReportOnlyChangesAndUpsert() {
        SentValues sent = new SentValues(db);
        Map<String, String> stock = new LinkedHashMap<>();
        stock.put("SKU-1|S|WH1", "10");
        stock.put("SKU-1|M|WH1", "4");
        stock.put("sku-1|m|wh1", "4"); // differs only in case: a different item
        assertThat(sent.changed("stock", stock)).isEqualTo(stock);

        sent.remember("stock", stock);
        assertThat(sent.changed("stock", stock)).isEmpty();

        Map<String, String> next = new LinkedHashMap<>(stock);
        next.put("SKU-1|M|WH1", "3");
        next.put("SKU-2|L|WH1", "0");
        assertThat(sent.changed("stock", next)).containsExactly(Map.entry("SKU-1|M|WH1", "3"), Map.entry("SKU-2|L|WH1", "0"));
        sent.remember("stock", next);
        assertThat(sent.read("stock", List.of("SKU-1|M|WH1", "sku-1|m|wh1", "missing")))
                .containsOnly(Map.entry("SKU-1|M|WH1", "3"), Map.entry("sku-1|m|wh1", "4"));

        sent.forget("stock", List.of("SKU-2|L|WH1"));
        assertThat(sent.changed("stock", next)).containsOnlyKeys("SKU-2|L|WH1");
        assertThat(sent.forgetAll("stock")).isEqualTo(3);
    }

    @Test
    void sentValuesWorkInBatchesBeyondOneChunk() {
        SentValues sent = new SentValues(db);
        Map<String, String> many = new LinkedHashMap<>();
        for (int i = 0; i < SentValues.CHUNK * 2 + 17; i++) {
            many.put("EAN-" + i, Integer.toString(i % 7));
        }
        sent.remember("bulk", many);
        many.put("EAN-3", "changed");
        assertThat(sent.changed("bulk", many)).containsOnlyKeys("EAN-3");
    }

    @Test
    void camelFileReadLockRepositoryUsesOurTable() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.start();
            JdbcOrphanLockAwareIdempotentRepository locks = StateConfiguration.fileReadLockRepository(dataSource, camel,
                    new StateProperties.ReadLock("test-locks", Duration.ofMinutes(5), Duration.ofSeconds(30)));
            locks.start();
            String file = "/var/erp/in/stock/" + "long-name-".repeat(20) + ".csv";
            assertThat(locks.add(file)).isTrue();
            assertThat(locks.add(file)).isFalse();
            assertThat(locks.contains(file)).isTrue();
            assertThat(locks.remove(file)).isTrue();
            assertThat(locks.contains(file)).isFalse();
            locks.stop();
        }
    }

    /** Last: it empties every state table. */
    @Test
    @Order(Integer.MAX_VALUE)
    void stateIsBoundToItsCentraAndResetForAnother() {
        CentraBindingCheck check = new CentraBindingCheck(db, null, null, null, null);
        Binding staging = new Binding("https://staging.example/graphql", "stores 1 Retail, 2 Wholesale");
        Binding production = new Binding("https://brand.example/graphql", "stores 1 Retail, 2 Wholesale");
        new Watermarks(db).advance("orders-poll", "2026-01-01T00:00:00Z");

        assertThat(check.verify(staging)).isEmpty();
        assertThat(new CentraBindings(db).read()).contains(staging);
        assertThat(check.verify(staging)).isEmpty();
        // same URL, Centra not asked this time: still the same one
        assertThat(check.verify(new Binding(staging.url(), ""))).isEmpty();
        // another store behind the same URL
        assertThat(check.verify(new Binding(staging.url(), "stores 7 Outlet"))).get().asString()
                .contains("belongs to another Centra").contains("reset-state");
        assertThat(check.verify(production)).get().asString()
                .startsWith("the state database belongs to another Centra: https://staging.example/graphql"
                        + " (stores 1 Retail, 2 Wholesale), not https://brand.example/graphql")
                .contains("run the reset-state command").contains("STATE_DB_URL");
        assertThat(new Watermarks(db).read("orders-poll")).isPresent();

        List<String> emptied = check.reset();
        assertThat(emptied).hasSizeGreaterThanOrEqualTo(12)
                .allMatch(table -> table.toLowerCase(java.util.Locale.ROOT).startsWith("connector_"));
        assertThat(new Watermarks(db).read("orders-poll")).isEmpty();
        assertThat(check.verify(production)).isEmpty();
        assertThat(new CentraBindings(db).read()).contains(production);

        // the built-in sandbox is seeded afresh at each start: its state is reset with it
        new Watermarks(db).advance("orders-poll", "2026-01-01T00:00:00Z");
        assertThat(check.verify(new Binding("built-in sandbox", "instance a"))).isEmpty();
        assertThat(new Watermarks(db).read("orders-poll")).isEmpty();
        new Watermarks(db).advance("orders-poll", "2026-01-01T00:00:00Z");
        assertThat(check.verify(new Binding("built-in sandbox", "instance a"))).isEmpty();
        assertThat(new Watermarks(db).read("orders-poll")).isPresent();
        assertThat(check.verify(new Binding("built-in sandbox", "instance b"))).isEmpty();
        assertThat(new Watermarks(db).read("orders-poll")).isEmpty();
        assertThat(new CentraBindings(db).read()).contains(new Binding("built-in sandbox", "instance b"));
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
