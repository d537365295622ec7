package org.centraerp.connector.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.centraerp.connector.centra.CentraAuthException;
import org.centraerp.connector.centra.CentraPermissionException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.stereotype.Component;

/**
 * The flows (routes) whose last exchange failed, why, and when they try again: kept by {@link FlowRetryPolicy},
 * shown in health as {@code flows}. A flow paused because Centra refused the token or the token lacks a permission
 * is DOWN (a person has to act); a flow retrying after a passing failure (Centra unreachable) is listed, still UP.
 */
@Component("flows")
@EnableConfigurationProperties(FlowPauses.Retry.class)
public class FlowPauses implements HealthIndicator {

    /**
     * {@code connector.flows.retry}: how a flow that failed waits before its next attempt.
     *
     * @param initialBackoff wait after the first failure; doubles with every failure in a row
     * @param maxBackoff     longest wait between two attempts
     */
    @ConfigurationProperties("connector.flows.retry")
    public record Retry(@DefaultValue("5s") Duration initialBackoff, @DefaultValue("5m") Duration maxBackoff) {

        /** Wait before attempt {@code failures + 1}. */
        Duration after(int failures) {
            long factor = 1L << Math.min(Math.max(failures - 1, 0), 20);
            Duration wait = initialBackoff.multipliedBy(factor);
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /**
     * A flow's failures in a row.
     *
     * @param cause       one line: what failed and why
     * @param kind        what kind of failure (for Centra: its class, and the permissions missing), to tell a repeat
 *                    of the same trouble (HTTP 502, then 503) from a new one
     * @param access      Centra refused the token or the token lacks a permission
     * @param failures    failures in a row
     * @param since       first failure of the row
     * @param nextAttempt when the flow tries again; null when its schedule decides
     */
    public record Pause(String cause, String kind, boolean access, int failures, Instant since, Instant nextAttempt) {
    }

    /** A polling flow that did not fail again this long after its attempt was due has nothing left to retry. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();
    private final Retry retry;
    private final Clock clock;

    @Autowired
    public FlowPauses(Retry retry) {
        this(retry, Clock.systemUTC());
    }

    FlowPauses(Retry retry, Clock clock) {
        this.retry = retry;
        this.clock = clock;
    }

    /** Records a failure; answers the flow's pause with the failures so far (1 for a new cause). */
    Pause failed(String flow, Throwable failure, Instant now, boolean scheduled) {
        return pauses.compute(flow, (key, before) -> {
            String cause = describe(failure);
            String kind = kindOf(failure);
            // another cause is another trouble: its own count, back-off and start time
            boolean again = before != null && before.kind().equals(kind);
            int failures = again ? before.failures() + 1 : 1;
            Instant next = scheduled ? null : now.plus(retry.after(failures));
            return new Pause(cause, kind, isAccess(failure), failures, again ? before.since() : now, next);
        });
    }

    /** Clears the flow's pause; answers the pause it was in, if any. */
    Optional<Pause> succeeded(String flow) {
        return Optional.ofNullable(pauses.remove(flow));
    }

    /**
     * A paused polling flow whose attempt was due found its inbox empty (the file was removed by hand): the pause
     * is over, so health and the next failure start afresh.
     */
    public void nothingLeftToRetry(String flow) {
        Instant now = clock.instant();
        pauses.computeIfPresent(flow, (key, pause) -> pause.nextAttempt() != null
                && !now.isBefore(pause.nextAttempt()) ? null : pause);
    }

    public Optional<Pause> pause(String flow) {
        forgetStale();
        return Optional.ofNullable(pauses.get(flow));
    }

    /** A file removed by hand while its flow was paused leaves nothing to fail again: the pause is over. */
    private void forgetStale() {
        Instant now = clock.instant();
        pauses.entrySet().removeIf(entry -> entry.getValue().nextAttempt() != null
                && entry.getValue().nextAttempt().plus(STALE_AFTER).isBefore(now));
    }

    @Override
    public Health health() {
        forgetStale();
        boolean down = pauses.values().stream().anyMatch(Pause::access);
        Health.Builder health = down ? Health.down() : Health.up();
        pauses.forEach((flow, pause) -> {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", pause.access() ? "paused" : "retrying");
            detail.put("reason", pause.cause());
            detail.put("failures", pause.failures());
            detail.put("since", pause.since().toString());
            if (pause.nextAttempt() != null) {
                detail.put("nextAttempt", pause.nextAttempt().toString());
            }
            health.withDetail(flow, detail);
        });
        return health.build();
    }

    /** Centra's one-line messages as they are; anything else with its kind, as it is not written for people. */
    static String describe(Throwable failure) {
        Throwable centra = centraCause(failure).orElse(failure);
        String message = centra.getMessage() == null ? "" : centra.getMessage().replaceAll("\\s+", " ").trim();
        if (centra instanceof org.centraerp.connector.centra.CentraException) {
            return message;
        }
        return centra.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    static String kindOf(Throwable failure) {
        return centraCause(failure).map(centra -> centra.getClass().getName()
                        + (centra instanceof CentraPermissionException missing ? missing.permissions().toString() : ""))
                .orElseGet(() -> failure.getClass().getName() + ": " + failure.getMessage());
    }

    static boolean isAccess(Throwable failure) {
        return centraCause(failure)
                .filter(c -> c instanceof CentraAuthException || c instanceof CentraPermissionException).isPresent();
    }

    static Optional<Throwable> centraCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.centraerp.connector.centra.CentraException) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
