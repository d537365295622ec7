package org.centraerp.connector.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.Endpoint;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.PollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.ScheduledPollConsumer;
import org.centraerp.connector.centra.CentraAccess;
import org.centraerp.connector.centra.CentraAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The connector's one place for failed exchanges, on every route (Camel picks up this factory by itself). A failure
 * is logged once with its cause, each further failure of the same cause as one short line with the next attempt's
 * time; stack traces only at debug (Camel's own error handler, which printed one at every retry, is kept quiet in
 * config/application.yaml).
 *
 * <p>A polling flow (a file inbox) pauses instead of reading its file again at once: its consumer is suspended and
 * resumed after a back-off ({@code connector.flows.retry}), so a file stuck on a Centra failure is tried at 5 s,
 * 10 s, 20 s ... up to every 5 minutes, and nothing is dropped: the file stays in the inbox until it went through.
 * A timer flow (export-orders) pauses the same way; a Quartz flow (the order poll, returns, reconciliation) tries
 * again on its next scheduled run. Neither lets the failure through to Quartz or the timer, which would print it
 * with a stack trace at every run. When the token changes or Centra accepts it again, every paused flow tries
 * again at once. A failure that is not Centra, a database or an I/O endpoint (a bug) shows its stack trace, once.
 */
@Component
public class FlowRetryPolicy implements RoutePolicyFactory, PollingConsumerPollStrategy, ExceptionHandler,
        DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FlowRetryPolicy.class);
    /** Exchange property: the failure this policy logged already (a sub-route's, seen again by its caller). */
    static final String REPORTED = "ConnectorFailureReported";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    /** A flow whose consumer is suspended, and the task that resumes it. */
    private record Suspended(Policy policy, Consumer consumer, ScheduledFuture<?> resume) {
    }

    private final FlowPauses pauses;
    private final Clock clock;
    private final Map<String, Suspended> suspended = new ConcurrentHashMap<>();
    /** The kind of failure each flow last logged in full, so a repeat gets a short line. */
    private final Map<String, String> lastKinds = new ConcurrentHashMap<>();
    /** The failure this thread reported last, which a polling consumer may hand over again (rollback, handler). */
    private final ThreadLocal<Throwable> lastReported = new ThreadLocal<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "flow-retry");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public FlowRetryPolicy(FlowPauses pauses, CentraAccess access) {
        this(pauses, access, Clock.systemUTC());
    }

    FlowRetryPolicy(FlowPauses pauses, CentraAccess access, Clock clock) {
        this.pauses = pauses;
        this.clock = clock;
        access.onAccessMayBeBack(this::resumeAllNow);
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new Policy();
    }

    /** Every paused flow tries again now (the token changed, or Centra accepts it again). */
    public void resumeAllNow() {
        suspended.keySet().forEach(flow -> {
            Suspended paused = suspended.get(flow);
            if (paused != null) {
                paused.resume().cancel(false);
                timer.execute(() -> resume(flow));
            }
        });
    }

    private void resume(String flow) {
        Suspended paused = suspended.remove(flow);
        if (paused == null) {
            return;
        }
        try {
            if (paused.consumer().getEndpoint().getCamelContext().isStarted()) {
                paused.policy().resumeOrStartConsumer(paused.consumer());
            }
        } catch (Exception e) {
            log.warn("{} could not be resumed: {} — restart the route or the connector", flow, e.getMessage());
        }
    }

    /**
     * What starts a route's exchanges: a poll (a file inbox: paused with a back-off), a timer (run again and again:
     * paused with a back-off too), a Quartz schedule (its cron is the back-off), or a caller (direct:, HTTP).
     */
    enum Trigger {
        POLL, TIMER, SCHEDULE, CALLER;

        static Trigger of(Route route) {
            if (route.getConsumer() instanceof ScheduledPollConsumer) {
                return POLL;
            }
            String uri = route.getEndpoint().getEndpointUri();
            String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
            return switch (scheme) {
                // a timer that runs once (repeatCount=1) has no next tick to pause for
                case "timer" -> uri.matches(".*[?&]repeatCount=1(&.*)?$") ? SCHEDULE : TIMER;
                case "quartz", "cron", "scheduler" -> SCHEDULE;
                default -> CALLER;
            };
        }

        /** The route's consumer is paused and resumed after a back-off. */
        boolean pauses() {
            return this == POLL || this == TIMER;
        }

        /** Nobody above the route is there to hear about a failure: it must end at the route. */
        boolean schedule() {
            return this == TIMER || this == SCHEDULE;
        }
    }

    final class Policy extends RoutePolicySupport {

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            String flow = route.getRouteId();
            Throwable failure = exchange.getException();
            if (failure == null) {
                lastKinds.remove(flow);
                pauses.succeeded(flow).ifPresent(pause -> log.info("{} resumed: went through after {} failed"
                        + " attempt{}", flow, pause.failures(), pause.failures() == 1 ? "" : "s"));
                return;
            }
            Trigger trigger = Trigger.of(route);
            if (failure != exchange.getProperty(REPORTED, Throwable.class)) {
                // a sub-route (direct:) reports its failure itself; the route that called it does not again
                exchange.setProperty(REPORTED, failure);
                lastReported.set(failure);
                FlowPauses.Pause pause = pauses.failed(flow, failure, clock.instant(), !trigger.pauses());
                report(flow, exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class), pause, failure);
                if (trigger.pauses() && route.getCamelContext().isStarted()) {
                    pauseConsumer(flow, route.getConsumer(), pause.nextAttempt());
                }
            }
            if (trigger.schedule()) {
                // Logged above; left on the exchange it would reach Quartz's JobRunShell or the timer's
                // exception handler, which print it with a stack trace at every run.
                exchange.setException(null);
            }
        }

        private void pauseConsumer(String flow, Consumer consumer, Instant until) {
            long delay = Math.max(0, Duration.between(clock.instant(), until).toMillis());
            try {
                suspendOrStopConsumer(consumer);
            } catch (Exception e) {
                log.debug("{} could not be paused", flow, e);
                return;
            }
            Suspended before = suspended.put(flow, new Suspended(this, consumer,
                    timer.schedule(() -> FlowRetryPolicy.this.resume(flow), delay, TimeUnit.MILLISECONDS)));
            if (before != null) {
                before.resume().cancel(false);
            }
        }
    }

    private void report(String flow, String item, FlowPauses.Pause pause, Throwable failure) {
        String what = item == null ? flow : flow + ": " + item;
        String next = pause.nextAttempt() == null ? "tried again on its next run"
                : "next attempt at " + TIME.format(pause.nextAttempt());
        boolean tokenRefused = FlowPauses.centraCause(failure).filter(CentraAuthException.class::isInstance)
                .isPresent();
        if (pause.failures() > 1 && pause.kind().equals(lastKinds.get(flow))) {
            log.info("{} failed again (attempt {}, same cause since {}); {}", what, pause.failures(),
                    TIME.format(pause.since()), next);
        } else if (tokenRefused) {
            // CentraAccess has said once, for every flow, what is wrong and what to do
            log.info("{} paused until Centra accepts the token; {}", what, next);
        } else if (operational(failure)) {
            log.warn("{} failed: {}; {}", what, pause.cause(), next);
        } else {
            // not Centra, the ERP or a file endpoint: likely a bug, so its stack trace once (repeats: short lines)
            log.warn("{} failed: {}; {}", what, pause.cause(), next, failure);
            lastKinds.put(flow, pause.kind());
            return;
        }
        lastKinds.put(flow, pause.kind());
        log.debug("{} failed", what, failure);
    }

    /*
     * As pollStrategy and exceptionHandler of a consumer that reads Centra itself (centra:query): a failed read
     * is reported like a failed exchange of its route (the cause once, then short lines; tried again on the next
     * run), and what the route reported already is not reported again.
     */

    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return true;
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        // a run that went through clears the pause by its exchanges (onExchangeDone)
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) {
        if (cause != lastReported.get()) {
            String flow = consumer instanceof RouteIdAware aware && aware.getRouteId() != null ? aware.getRouteId()
                    : endpoint.getEndpointBaseUri();
            report(flow, null, pauses.failed(flow, cause, clock.instant(), true), cause);
            lastReported.set(cause);
        }
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

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        if (exception != null && exception == lastReported.get()) {
            lastReported.remove();
            return;
        }
        log.warn("{}{}", message == null ? "" : message + ": ", FlowPauses.describe(exception));
        log.debug("{}", message, exception);
    }

    /** Centra, a database or an I/O endpoint failed: the cause says it all, a stack trace would only be noise. */
    static boolean operational(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.centraerp.connector.centra.CentraException
                    || t instanceof org.springframework.dao.DataAccessException
                    || t instanceof org.springframework.transaction.TransactionException
                    || t instanceof java.sql.SQLException || t instanceof java.io.IOException
                    || t instanceof java.io.UncheckedIOException
                    || t instanceof org.apache.camel.component.file.GenericFileOperationFailedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
