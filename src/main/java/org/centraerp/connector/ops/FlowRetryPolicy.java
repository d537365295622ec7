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
 * When the token changes or Centra accepts it again, every paused flow tries again at once.
 */
@Component
public class FlowRetryPolicy implements RoutePolicyFactory, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FlowRetryPolicy.class);
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
            boolean polling = route.getConsumer() instanceof ScheduledPollConsumer;
            FlowPauses.Pause pause = pauses.failed(flow, failure, clock.instant(), !polling);
            report(flow, exchange.getIn().getHeader(Exchange.FILE_NAME_ONLY, String.class), pause, failure);
            if (polling && route.getCamelContext().isStarted()) {
                pauseConsumer(flow, route.getConsumer(), pause.nextAttempt());
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
        } else {
            log.warn("{} failed: {}; {}", what, pause.cause(), next);
        }
        lastKinds.put(flow, pause.kind());
        log.debug("{} failed", what, failure);
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
