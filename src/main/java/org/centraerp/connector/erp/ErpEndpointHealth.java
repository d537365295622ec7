package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.centraerp.connector.ops.FlowPauses;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Whether each flow reaches its ERP endpoints (health component {@code erpEndpoints}): DOWN for a flow whose
 * inbox could not be polled (SFTP server refused the connection or the password, folder gone) or whose outbox
 * could not be written, UP again with its next good poll or write. The inboxes of route template import-erp-file
 * use it as {@code pollStrategy} and {@code exceptionHandler}: one line in the log when a flow is down (not one
 * stack trace per poll; a single failed poll is only a health blip) and one when it is back.
 */
@Component("erpEndpointHealth")
public class ErpEndpointHealth implements HealthIndicator, PollingConsumerPollStrategy, ExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErpEndpointHealth.class);

    /** Why a flow's endpoint failed, since when, and how many attempts failed since. */
    public record Failure(String reason, Instant since, long attempts) {
    }

    private final Map<String, Failure> failures = new ConcurrentHashMap<>();
    private FlowPauses pauses;
    /** The poll failure {@link #rollback} just logged, which the consumer then hands to {@link #handleException}. */
    private final ThreadLocal<Throwable> lastRecorded = new ThreadLocal<>();

    /** The flow (route id) could not reach its endpoint. */
    public void failed(String flow, String endpoint, Throwable cause) {
        String reason = reason(cause);
        Failure before = failures.get(flow);
        failures.put(flow, new Failure(reason, before == null ? Instant.now() : before.since(),
                before == null ? 1 : before.attempts() + 1));
        // Logged from the second failed attempt in a row (the first often only says the old connection broke),
        // then only when the reason changes: one line for "server down", one for "password refused".
        long attempts = before == null ? 1 : before.attempts() + 1;
        if (attempts == 2 || (attempts > 2 && !before.reason().equals(reason))) {
            log.warn("{}: cannot reach {}: {}; tried again on the next poll", flow, endpoint, reason);
        }
    }

    /** The flow's current failure, or null when it reaches its endpoints. */
    public Failure failure(String flow) {
        return failures.get(flow);
    }

    /** The flow reached its endpoint. */
    public void reached(String flow, String endpoint) {
        Failure failure = failures.remove(flow);
        if (failure != null && failure.attempts() >= 2) {
            log.info("{}: {} reachable again", flow, endpoint);
        }
    }

    @Override
    public Health health() {
        if (failures.isEmpty()) {
            return Health.up().build();
        }
        Map<String, Object> details = new TreeMap<>();
        failures.forEach((flow, failure) -> details.put(flow, failure.reason() + " (since " + failure.since() + ")"));
        return Health.down().withDetails(details).build();
    }

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String flow = flow(consumer);
        reached(flow, safe(endpoint));
        if (polledMessages == 0 && pauses != null && emptyFolder(endpoint)) {
            // the file a paused flow was to read again is gone (removed by hand): nothing is left to retry
            pauses.nothingLeftToRetry(flow);
        }
    }

    /**
     * A local inbox holding no file to take (a file can be there and not taken by one poll: its read lock is
     * still being released, or it is not stable yet). Other endpoints (SFTP) are not listed for this.
     */
    static boolean emptyFolder(Endpoint endpoint) {
        if (!(endpoint instanceof FileEndpoint file) || file.getFile() == null) {
            return false;
        }
        try (Stream<Path> entries = Files.list(file.getFile().toPath())) {
            return entries.noneMatch(entry -> Files.isRegularFile(entry)
                    && !entry.getFileName().toString().startsWith("."));
        } catch (IOException | UncheckedIOException e) {
            return false;
        }
    }

    /** The flows' pauses (ops/FlowRetryPolicy), told when an inbox has no file left to read again. */
    @Autowired(required = false)
    void setPauses(FlowPauses pauses) {
        this.pauses = pauses;
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        failed(flow(consumer), safe(endpoint), cause);
        lastRecorded.set(cause);
        return false;
    }

    @Override
    public void handleException(Throwable exception) {
        handleException(null, null, exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        handleException(message, null, exception);
    }

    /** A poll failure was logged by {@link #rollback} already; anything else the consumer meets, in one line. */
    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception != null && exception == lastRecorded.get()) {
            lastRecorded.remove();
            return;
        }
        if (exchange != null && exchange.getIn().getHeader(ErpHeaders.FLOW) != null) {
            return; // a file the route failed on: routeConfiguration erp-file-errors logged it already
        }
        log.warn("{}{}", message == null ? "" : message + ": ", reason(exception));
    }

    private static String flow(Consumer consumer) {
        return consumer instanceof RouteIdAware aware && aware.getRouteId() != null ? aware.getRouteId()
                : safe(consumer.getEndpoint());
    }

    /** The endpoint without user info or options (no passwords in logs). */
    static String safe(Endpoint endpoint) {
        String uri = endpoint.getEndpointBaseUri();
        return uri.replaceAll("//[^/@]*@", "//");
    }

    static String reason(Throwable cause) {
        if (cause == null) {
            return "unknown error";
        }
        Throwable root = cause;
        StringBuilder text = new StringBuilder(describe(cause));
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
            String more = describe(root);
            if (!text.toString().contains(more)) {
                text.append(": ").append(more);
            }
        }
        return text.toString();
    }

    private static String describe(Throwable t) {
        String text = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return text.replaceAll("(?i)(password|passphrase|privateKeyPassphrase)=[^&\\s]*", "$1=xxxxxx");
    }
}
