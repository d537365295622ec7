package org.centraerp.connector.ops.alerts;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.centraerp.connector.ops.console.FlowBoard;
import org.centraerp.connector.ops.console.FlowBoard.FlowRow;
import org.centraerp.connector.ops.reconciliation.ReconciliationResult;
import org.centraerp.connector.ops.reconciliation.Reconciliations;
import org.centraerp.connector.state.DeadLetters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The alert conditions, looked at every check interval: dead letters waiting, a flow stale, reconciliation
 * differences, the Centra token expiring or refused, Centra's error rate. Each look refreshes the gauges the
 * Prometheus rules in config/prometheus-alerts.yaml use ({@code connector_dead_letters_open{flow}},
 * {@code connector_flow_freshness{route}}: 0 green, 1 late, 2 stale) and, with {@code ALERT_WEBHOOK_URL}, tells the
 * {@link AlertWebhook}.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(AlertProperties.class)
public class AlertWatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AlertWatch.class);
    private static final List<String> FRESHNESS = List.of("green", "late", "stale");

    private final FlowBoard flows;
    private final DeadLetters deadLetters;
    private final Reconciliations reconciliations;
    private final MeterRegistry registry;
    private final AlertProperties properties;
    private final AlertWebhook webhook;
    private final MultiGauge deadLetterGauge;
    private final MultiGauge freshnessGauge;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "connector-alerts");
        thread.setDaemon(true);
        return thread;
    });
    private double lastCalls = -1;
    private double lastFailures;
    private double lastRefusals;

    public AlertWatch(FlowBoard flows, DeadLetters deadLetters, Reconciliations reconciliations,
                      ObjectProvider<MeterRegistry> registry, AlertProperties properties) {
        this.flows = flows;
        this.deadLetters = deadLetters;
        this.reconciliations = reconciliations;
        this.registry = registry.getIfAvailable();
        this.properties = properties;
        this.webhook = properties.webhook() ? new AlertWebhook(AlertWebhook.http(properties.webhookUrl(),
                java.time.Duration.ofSeconds(10)), properties.reminder(), Clock.systemUTC()) : null;
        this.deadLetterGauge = this.registry == null ? null : MultiGauge.builder("connector.dead_letters.open")
                .description("Dead letters waiting for an operator, by flow").register(this.registry);
        this.freshnessGauge = this.registry == null ? null : MultiGauge.builder("connector.flow.freshness")
                .description("0 green, 1 late, 2 stale against connector.console.freshness.expected")
                .register(this.registry);
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        long every = properties.checkInterval().toMillis();
        timer.scheduleWithFixedDelay(this::checkQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void checkQuietly() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Alert conditions not looked at ({}); tried again in {}", e.getMessage(),
                    properties.checkInterval());
        }
    }

    /** Looks at every condition once; answers the active ones by key. */
    public Map<String, String> check() {
        Map<String, String> active = new LinkedHashMap<>();
        Map<String, Integer> open = deadLetters.countOpenByFlow();
        open.forEach((flow, count) -> active.put("dead-letters:" + flow, count + " dead letters of flow " + flow
                + " wait for an operator (console: Dead letters)"));
        List<FlowRow> rows = flows.rows();
        for (FlowRow row : rows) {
            if ("stale".equals(row.freshness())) {
                active.put("stale:" + row.routeId(), "Flow " + row.routeId() + " is stale: no success for more than "
                        + "its expected interval times the stale factor");
            }
        }
        for (String kind : Reconciliations.KINDS) {
            reconciliations.last(kind).filter(r -> r.error() == null && r.total() > 0).map(ReconciliationResult::total)
                    .ifPresent(total -> active.put("reconciliation:" + kind, total + " " + kind
                            + " differences between the ERP and Centra (console: Reconciliation)"));
        }
        if (registry != null) {
            centraConditions(active);
            deadLetterGauge.register(open.entrySet().stream().map(e -> MultiGauge.Row.of(Tags.of("flow", e.getKey()),
                    e.getValue())).toList(), true);
            freshnessGauge.register(rows.stream().filter(r -> FRESHNESS.contains(r.freshness()))
                    .map(r -> MultiGauge.Row.of(Tags.of("route", r.routeId()), FRESHNESS.indexOf(r.freshness())))
                    .toList(), true);
        }
        if (webhook != null) {
            webhook.update(active);
        }
        return active;
    }

    private void centraConditions(Map<String, String> active) {
        Gauge expiry = registry.find("connector.centra.token.expiry.days").gauge();
        if (expiry != null && expiry.value() < properties.tokenExpiryDays()) {
            active.put("token-expiring", "The Centra token expires in " + (long) expiry.value()
                    + " days: make a new one in Centra and set CENTRA_TOKEN");
        }
        double calls = 0;
        double failures = 0;
        double refusals = 0;
        for (Timer timer : registry.find("connector.centra.requests").timers()) {
            String outcome = timer.getId().getTag("outcome");
            calls += timer.count();
            if (!"success".equals(outcome)) {
                failures += timer.count();
            }
            if ("auth".equals(outcome)) {
                refusals += timer.count();
            }
        }
        if (lastCalls >= 0) {
            if (refusals > lastRefusals) {
                active.put("token-refused", "Centra refuses the connector's token (expired or revoked): set a valid"
                        + " CENTRA_TOKEN");
            }
            double newCalls = calls - lastCalls;
            double newFailures = failures - lastFailures;
            if (newCalls >= properties.minCalls() && newFailures / newCalls > properties.errorRate()) {
                active.put("centra-errors", Math.round(100 * newFailures / newCalls) + "% of "
                        + (long) newCalls + " Centra calls failed in the last " + properties.checkInterval());
            }
        }
        lastCalls = calls;
        lastFailures = failures;
        lastRefusals = refusals;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
