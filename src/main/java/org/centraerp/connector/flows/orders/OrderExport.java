package org.centraerp.connector.flows.orders;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.flows.orders.OrderExports.Export;
import org.centraerp.connector.flows.orders.OrderInbox.Claim;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.mapping.RecordMappingException;
import org.centraerp.connector.state.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * The steps of route {@code export-orders}: take due orders from the inbox, fetch them from Centra (several per
 * call), give the ERP each new version once, then tell Centra (lock/confirm). Logs carry order numbers only,
 * never names, addresses, e-mails or phone numbers.
 */
public class OrderExport {

    static final String FLOW = "orders";
    /** Exchange property of route export-orders: the order file being written. */
    public static final String ORDER_FILE = "OrderFile";
    /** Exchange property of route export-orders: the batch the file belongs to. */
    public static final String ORDER_BATCH = "OrderBatch";
    private static final Logger log = LoggerFactory.getLogger(OrderExport.class);

    private final OrderInbox inbox;
    private final CentraClient centra;
    private final OrderExporter exporter;
    private final OrderCentraActions centraActions;
    private final DeadLetters deadLetters;
    private final OrdersProperties properties;
    private final OrdersMapping mapping;

    public OrderExport(OrderInbox inbox, CentraClient centra, OrderExporter exporter, OrderCentraActions centraActions,
                       DeadLetters deadLetters, OrdersProperties properties, MappingRepository mappings) {
        this.inbox = inbox;
        this.centra = centra;
        this.exporter = exporter;
        this.centraActions = centraActions;
        this.deadLetters = deadLetters;
        this.properties = properties;
        this.mapping = mappings.orders(); // at start: a missing or broken orders.yaml stops the start
    }

    /** Due orders, taken for this instance for the lease time. */
    public OrderBatch claim() {
        return new OrderBatch(inbox.claim(properties.batchSize(), properties.lease()), properties.batchSize());
    }

    /** The claimed orders as Centra has them now, in one call. */
    public OrderBatch fetch(@Body OrderBatch batch) {
        List<Long> numbers = batch.numbers();
        JsonNode found;
        try {
            found = centra.query("orders", Map.of("numbers", numbers, "limit", numbers.size())).data().path("orders");
        } catch (CentraException e) {
            // Back to the inbox, due again at once: the route's retry policy logs the cause once and pauses the whole
            // flow with its back-off, so its next run takes these orders first and tells whether Centra is back.
            batch.claims().forEach(claim -> inbox.failed(claim, e.getMessage(), Duration.ZERO));
            throw e;
        }
        for (JsonNode order : found) {
            batch.orders().put(order.path("number").asLong(), order);
        }
        for (Claim claim : batch.claims()) {
            if (!batch.orders().containsKey(claim.orderNumber())) {
                notFound(claim);
            }
        }
        return batch;
    }

    private void notFound(Claim claim) {
        String reason = "Centra returned no order " + claim.orderNumber();
        if (claim.attempts() + 1 >= properties.notFoundAttempts()) {
            deadLetters.record(FLOW, "centra order " + claim.orderNumber(), Long.toString(claim.orderNumber()),
                    reason + " after " + (claim.attempts() + 1) + " attempts", null);
            inbox.handled(claim, null);
            log.warn("Order {}: {}; moved to the dead letters", claim.orderNumber(), reason);
        } else {
            inbox.failed(claim, reason, backoff(claim));
        }
    }

    /**
     * Gives every fetched order to the ERP's tables unless it has this version already; the versions whose file
     * is still to be written are in {@link OrderBatch#files()} for the route (then {@link #fileWritten}).
     */
    public OrderBatch write(@Body OrderBatch batch) {
        Set<Long> done = new HashSet<>();
        for (Claim claim : batch.claims()) {
            JsonNode order = batch.orders().get(claim.orderNumber());
            if (order == null || !done.add(claim.orderNumber())) {
                continue;
            }
            String updatedAt = order.path("updatedAt").asText(null);
            try {
                Optional<OrderExporter.Pending> pending = exporter.prepare(mapping, order);
                if (pending.isEmpty()) {
                    inbox.handled(claim, updatedAt);
                } else if (pending.get().fileName() == null) {
                    exported(batch, claim, updatedAt, pending.get());
                } else {
                    batch.files().add(new OrderBatch.OrderFile(claim, updatedAt, pending.get()));
                }
            } catch (RecordMappingException e) {
                long id = deadLetters.record(FLOW, "centra order " + claim.orderNumber() + " (" + mapping.file() + ")",
                        Long.toString(claim.orderNumber()), e.getMessage(), null);
                inbox.handled(claim, updatedAt);
                log.warn("Order {} not exported: {} problem(s) in its mapping (dead letter {})", claim.orderNumber(),
                        e.problems().size(), id);
            } catch (RuntimeException e) {
                if (erpUnreachable(e)) {
                    // The rest of the batch would wait for the ERP database in vain.
                    List<Claim> rest = batch.claims().stream().filter(c -> !done.contains(c.orderNumber())).toList();
                    inbox.failed(claim, e.getClass().getSimpleName() + ": " + e.getMessage(), backoff(claim));
                    rest.forEach(c -> inbox.failed(c, "ERP database unreachable", backoff(c)));
                    log.warn("ERP database unreachable ({}); orders {} tried again later", e.getClass().getSimpleName(),
                            batch.numbers().stream().filter(n -> n == claim.orderNumber() || !done.contains(n)).toList());
                    return batch;
                }
                // Another instance wrote the same version first, or the state database failed.
                inbox.failed(claim, e.getClass().getSimpleName() + ": " + e.getMessage(), backoff(claim));
                log.warn("Order {} not exported yet ({}); tried again later", claim.orderNumber(), why(e));
            }
        }
        return batch;
    }

    /** The files route export-orders writes to the outbox endpoint, one exchange each. */
    public List<OrderBatch.OrderFile> files(@Body OrderBatch batch) {
        return List.copyOf(batch.files());
    }

    /** The order file's name in the outbox (header CamelFileName). */
    public String fileName(@Body OrderBatch.OrderFile file) {
        return file.pending().fileName();
    }

    /** The order file's content, for the outbox endpoint (its name is the header CamelFileName). */
    public byte[] fileContent(@Body OrderBatch.OrderFile file) {
        return file.pending().content();
    }

    /** The order file is in the ERP's outbox: the version is WRITTEN and the order leaves the inbox. */
    public void fileWritten(@ExchangeProperty(ORDER_FILE) OrderBatch.OrderFile file,
                            @ExchangeProperty(ORDER_BATCH) OrderBatch batch) {
        exported(batch, file.claim(), file.updatedAt(), file.pending());
    }

    /** The outbox endpoint failed (folder not writable, SFTP server down): the order is tried again later. */
    public void fileFailed(@ExchangeProperty(ORDER_FILE) OrderBatch.OrderFile file,
                           @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Exception e) {
        Claim claim = file.claim();
        inbox.failed(claim, e.getClass().getSimpleName() + ": " + e.getMessage(), backoff(claim));
        log.warn("Order {} file {} not written to the ERP outbox ({}: {}); tried again later", claim.orderNumber(),
                file.pending().fileName(), e.getClass().getSimpleName(), e.getMessage());
    }

    private void exported(OrderBatch batch, Claim claim, String updatedAt, OrderExporter.Pending pending) {
        Export export = exporter.finish(pending);
        batch.exported().add(export);
        inbox.handled(claim, updatedAt);
        log.info("Order {} exported to the ERP as version {}", export.orderNumber(), export.exportVersion());
    }

    /**
     * The exception's type, and for SQL the ERP database refused (a missing table or column) the database's own first
     * line, which names the table. Never other messages: they may carry an order's values.
     */
    static String why(RuntimeException e) {
        if (e instanceof org.springframework.jdbc.BadSqlGrammarException grammar) {
            String message = grammar.getMostSpecificCause().getMessage();
            if (message != null) {
                return "ERP database: " + message.lines().findFirst().orElse(message)
                        + " — the setup-erp-tables command creates the default tables";
            }
        }
        return e.getClass().getSimpleName();
    }

    /** No connection to the ERP database could be had: nothing about one order, all of them wait. */
    static boolean erpUnreachable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientConnectionException) {
                return true;
            }
        }
        return false;
    }

    /** Locks/confirms the orders the ERP has now, as configured. */
    public OrderBatch tellCentra(@Body OrderBatch batch) {
        centraActions.apply(batch.exported(), batch.orders());
        return batch;
    }

    /** Lock/confirm held back by a failure on Centra's side in an earlier run, before new orders go. */
    public void tellCentraHeldBack() {
        centraActions.heldBack();
    }

    /** Lock/confirm calls that failed earlier. */
    public void retryCentraActions() {
        centraActions.retryPending();
    }

    private Duration backoff(Claim claim) {
        return properties.retry().after(claim.attempts() + 1);
    }
}
