package org.centraerp.connector.ops.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.centraerp.connector.flows.orders.OrderInbox;
import org.centraerp.connector.ops.console.FlowActivity.Outcomes;
import org.centraerp.connector.ops.console.Inboxes.HandledFile;
import org.centraerp.connector.ops.console.Inboxes.Inbox;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The Flows page: one row per Camel route with its state, trigger, last success and failure, backlog, throughput
 * over the last hour, freshness and open dead letters. What happened since start comes from {@link FlowActivity};
 * what the flows keep on disk (reports in {@code .done/}, refusals in {@code .error/}, the order export ledger)
 * fills in what happened before.
 */
@Component
public class FlowBoard {

    /** One flow's row. {@code freshness}: green, late, stale, or none (no expected interval configured). */
    public record FlowRow(String routeId, String description, String status, String trigger, Instant lastSuccess,
                          Instant lastFailure, String lastFailureReason, String backlog, long lastHour,
                          String throughputUnit, String freshness, Duration expected, int deadLetters,
                          String deadLetterFlow) {

        public boolean started() {
            return "Started".equals(status);
        }
    }

    private final CamelContext camel;
    private final FlowActivity activity;
    private final Inboxes inboxes;
    private final OrderInbox orderInbox;
    private final DeadLetters deadLetters;
    private final StateDatabase state;
    private final ConsoleProperties properties;
    private final Clock clock;

    @Autowired
    public FlowBoard(CamelContext camel, FlowActivity activity, Inboxes inboxes, OrderInbox orderInbox,
                     DeadLetters deadLetters, StateDatabase state, ConsoleProperties properties) {
        this(camel, activity, inboxes, orderInbox, deadLetters, state, properties, Clock.systemUTC());
    }

    FlowBoard(CamelContext camel, FlowActivity activity, Inboxes inboxes, OrderInbox orderInbox,
              DeadLetters deadLetters, StateDatabase state, ConsoleProperties properties, Clock clock) {
        this.clock = clock;
        this.camel = camel;
        this.activity = activity;
        this.inboxes = inboxes;
        this.orderInbox = orderInbox;
        this.deadLetters = deadLetters;
        this.state = state;
        this.properties = properties;
    }

    public List<FlowRow> rows() {
        Map<String, Integer> open = deadLetters.countOpenByFlow();
        List<FlowRow> rows = new ArrayList<>();
        List<Route> routes = new ArrayList<>(camel.getRoutes());
        routes.sort(Comparator.comparing(Route::getRouteId));
        for (Route route : routes) {
            rows.add(row(route, open));
        }
        return rows;
    }

    public Optional<FlowRow> row(String routeId) {
        Route route = camel.getRoute(routeId);
        return route == null ? Optional.empty() : Optional.of(row(route, deadLetters.countOpenByFlow()));
    }

    private FlowRow row(Route route, Map<String, Integer> openDeadLetters) {
        String id = route.getRouteId();
        ServiceStatus status = camel.getRouteController().getRouteStatus(id);
        Outcomes outcomes = activity.of(id).orElse(new Outcomes(null, null, null, 0));
        Instant lastSuccess = outcomes.lastSuccess();
        Instant lastFailure = outcomes.lastFailure();
        String reason = outcomes.lastFailureReason();
        String backlog = "";
        long lastHour = outcomes.lastHour();
        String unit = "runs";
        Optional<Inbox> inbox = inboxes.ofRoute(id);
        if (inbox.isPresent()) {
            unit = "files";
            backlog = inboxes.waiting(inbox.get()) + " files waiting";
            lastSuccess = later(lastSuccess, inboxes.newest(inbox.get(), "done").map(HandledFile::at).orElse(null));
            Optional<HandledFile> refused = inboxes.newest(inbox.get(), "refused");
            if (refused.isPresent() && (lastFailure == null || refused.get().at().isAfter(lastFailure))) {
                lastFailure = refused.get().at();
                reason = refused.get().name() + " refused: " + firstLine(refused.get().error());
            }
        }
        if ("export-orders".equals(id)) {
            backlog = orderInbox.pending() + " orders due";
            lastHour = ordersExportedSince(clock.instant().minus(Duration.ofHours(1)));
            unit = "order versions";
        }
        String flow = flowName(id);
        Duration expected = properties.freshness().expected().get(id);
        return new FlowRow(id, route.getDescription(), status == null ? "Unknown" : status.name(), trigger(route),
                lastSuccess, lastFailure, reason, backlog, lastHour, unit,
                freshness(expected, lastSuccess, status), expected, openDeadLetters.getOrDefault(flow, 0), flow);
    }

    /** green within the expected interval, late within stale-factor times it, stale after; none without one. */
    String freshness(Duration expected, Instant lastSuccess, ServiceStatus status) {
        if (expected == null || status != ServiceStatus.Started) {
            return "none";
        }
        Instant since = lastSuccess != null ? lastSuccess : activity.started();
        Duration age = Duration.between(since, clock.instant());
        if (age.compareTo(expected) <= 0) {
            return "green";
        }
        return age.compareTo(expected.multipliedBy(properties.freshness().staleFactor())) <= 0 ? "late" : "stale";
    }

    /** The dead-letter flow name of a route: export-orders → orders, import-stock-file → stock. */
    static String flowName(String routeId) {
        return routeId.replaceFirst("^(import|export|read|receive|poll|send)-", "").replaceFirst("-file$", "");
    }

    private long ordersExportedSince(Instant since) {
        Long count = state.jdbc().queryForObject("SELECT COUNT(*) FROM connector_order_export WHERE state = 'WRITTEN'"
                + " AND created_at >= ?", Long.class, LocalDateTime.ofInstant(since, ZoneOffset.UTC));
        return count == null ? 0 : count;
    }

    static String trigger(Route route) {
        String uri = route.getEndpoint().getEndpointUri();
        String scheme = uri.contains(":") ? uri.substring(0, uri.indexOf(':')) : uri;
        String rest = uri.substring(scheme.length() + 1).replaceFirst("^//", "");
        String path = rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
        return switch (scheme) {
            case "file" -> "files dropped in " + relative(path);
            case "quartz" -> "schedule " + parameter(rest, "cron").replace('+', ' ');
            case "timer" -> "every " + period(parameter(rest, "period"));
            case "direct" -> "called by other routes";
            case "platform-http" -> "HTTP " + path;
            default -> scheme;
        };
    }

    /** A folder under the working folder as a relative path (shorter, and what the configuration says). */
    private static String relative(String path) {
        try {
            java.nio.file.Path folder = java.nio.file.Path.of(path).toAbsolutePath().normalize();
            java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
            return folder.startsWith(here) ? here.relativize(folder).toString() : path;
        } catch (RuntimeException e) {
            return path;
        }
    }

    /** A timer period as written, or plain milliseconds as seconds: 60000 → 60s. */
    private static String period(String period) {
        return period.matches("\\d+") ? Long.parseLong(period) / 1000.0 + "s" : period;
    }

    private static String parameter(String rest, String name) {
        int q = rest.indexOf('?');
        if (q < 0) {
            return "?";
        }
        for (String pair : rest.substring(q + 1).split("&")) {
            if (pair.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(pair.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return "?";
    }

    private static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
