package org.centraerp.connector.ops.console;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangePropertyKey;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.spi.CamelEvent.ExchangeEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * What each route did since start: last success, last failure with its reason, and exchanges per minute over the
 * last hour. A Camel event notifier (Camel Spring Boot adds every EventNotifier bean to the context). In memory
 * only; the console adds what the flows keep on disk (reports, dead letters, the export ledger).
 */
@Component
public class FlowActivity extends EventNotifierSupport {

    /** Last outcomes of one route. */
    public record Outcomes(Instant lastSuccess, Instant lastFailure, String lastFailureReason, long lastHour) {
    }

    private static final int MINUTES = 60;
    private final Map<String, RouteActivity> routes = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Instant started;

    public FlowActivity() {
        this(Clock.systemUTC());
    }

    FlowActivity(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.ExchangeCompleted || event.getType() == CamelEvent.Type.ExchangeFailed;
    }

    @Override
    public void notify(CamelEvent event) {
        Exchange exchange = ((ExchangeEvent) event).getExchange();
        String routeId = exchange.getFromRouteId();
        // Only whole exchanges count, not the parts a split or multicast made of one.
        if (routeId == null || exchange.getProperty(ExchangePropertyKey.CORRELATION_ID) != null) {
            return;
        }
        RouteActivity activity = routes.computeIfAbsent(routeId, id -> new RouteActivity());
        Instant now = clock.instant();
        Exception failure = exchange.getException();
        if (failure != null || exchange.isFailed()) {
            String reason = failure == null ? "failed" : failure.getClass().getSimpleName() + ": " + failure.getMessage();
            activity.failed(now, reason);
        } else {
            activity.succeeded(now);
        }
    }

    public Optional<Outcomes> of(String routeId) {
        RouteActivity activity = routes.get(routeId);
        return activity == null ? Optional.empty() : Optional.of(activity.outcomes(clock.instant()));
    }

    /** When this connector started recording (its start). */
    public Instant started() {
        return started;
    }

    /** Per-minute counts in a ring of 60 slots, each stamped with its minute. */
    private static final class RouteActivity {
        private final long[] minute = new long[MINUTES];
        private final long[] count = new long[MINUTES];
        private Instant lastSuccess;
        private Instant lastFailure;
        private String lastFailureReason;

        synchronized void succeeded(Instant now) {
            lastSuccess = now;
            count(now);
        }

        synchronized void failed(Instant now, String reason) {
            lastFailure = now;
            lastFailureReason = reason;
            count(now);
        }

        private void count(Instant now) {
            long m = now.getEpochSecond() / 60;
            int slot = (int) (m % MINUTES);
            if (minute[slot] != m) {
                minute[slot] = m;
                count[slot] = 0;
            }
            count[slot]++;
        }

        synchronized Outcomes outcomes(Instant now) {
            long m = now.getEpochSecond() / 60;
            long sum = 0;
            for (int i = 0; i < MINUTES; i++) {
                if (m - minute[i] < MINUTES) {
                    sum += count[i];
                }
            }
            return new Outcomes(lastSuccess, lastFailure, lastFailureReason, sum);
        }
    }
}
