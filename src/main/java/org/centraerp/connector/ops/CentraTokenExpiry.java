package org.centraerp.connector.ops;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.centra.CentraProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the Centra token expires (CENTRA_TOKEN_EXPIRES: Centra's tokens expire on a date chosen when they are made,
 * 30 days by default). From {@value #WARN_DAYS} days before, a warning in the log once a day; always the metric
 * {@code connector_centra_token_expiry_days}; in health the date and, from {@value #HEALTH_WARNING_DAYS} days
 * before, the status {@code WARNING}; and a line in {@code check}.
 */
@Component
public class CentraTokenExpiry implements DisposableBean {

    /** A health status between UP and DOWN (config/application.yaml orders it; HTTP 200). */
    public static final Status WARNING = new Status("WARNING", "the Centra token expires soon");
    static final int WARN_DAYS = 14;
    static final int HEALTH_WARNING_DAYS = 7;

    private static final Logger log = LoggerFactory.getLogger(CentraTokenExpiry.class);

    private final LocalDate expires;
    private final Clock clock;
    private final ScheduledExecutorService timer;
    private volatile LocalDate warnedOn;

    @Autowired
    public CentraTokenExpiry(CentraProperties properties, ObjectProvider<MeterRegistry> registry) {
        this(properties.tokenExpires(), Clock.systemUTC(), registry.getIfAvailable());
    }

    CentraTokenExpiry(LocalDate expires, Clock clock, MeterRegistry registry) {
        this.expires = expires;
        this.clock = clock;
        this.timer = expires == null ? null : Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "centra-token-expiry");
            thread.setDaemon(true);
            return thread;
        });
        if (expires != null && registry != null) {
            Gauge.builder("connector.centra.token.expiry.days", this, e -> e.daysLeft().orElse(0L))
                    .description("Days until the Centra token expires (CENTRA_TOKEN_EXPIRES); negative once expired")
                    .register(registry);
        }
    }

    /** Days from today (UTC) to the expiry day; empty when CENTRA_TOKEN_EXPIRES is not set. */
    public Optional<Long> daysLeft() {
        return expires == null ? Optional.empty()
                : Optional.of(ChronoUnit.DAYS.between(LocalDate.now(clock), expires));
    }

    /** Warns now if due, then looks again every hour (the warning itself comes once a day). */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (timer != null) {
            timer.scheduleWithFixedDelay(this::warnIfDue, 0, 1, TimeUnit.HOURS);
        }
    }

    void warnIfDue() {
        var days = daysLeft();
        LocalDate today = LocalDate.now(clock);
        if (days.isPresent() && days.get() <= WARN_DAYS && !today.equals(warnedOn)) {
            warnedOn = today;
            log.warn(sentence(days.get()) + " — create a new Integration API token in Centra (System → API tokens),"
                    + " put it in CENTRA_TOKEN_FILE (or CENTRA_TOKEN, then restart) and set CENTRA_TOKEN_EXPIRES to"
                    + " its expiry");
        }
    }

    /** {@code health} with the expiry in its details, and WARNING instead of UP when it is near. */
    public Health decorate(Health health) {
        var days = daysLeft();
        if (days.isEmpty()) {
            return health;
        }
        Status status = health.getStatus();
        if (Status.UP.equals(status) && days.get() <= HEALTH_WARNING_DAYS) {
            status = WARNING;
        }
        Health.Builder builder = Health.status(status).withDetails(health.getDetails())
                .withDetail("tokenExpires", expires.toString())
                .withDetail("tokenExpiresInDays", days.get());
        if (days.get() <= HEALTH_WARNING_DAYS) {
            builder.withDetail("warning", sentence(days.get()) + " — rotate it");
        }
        return builder.build();
    }

    /** The line {@code check} prints; empty when the expiry is unknown. */
    public Optional<String> checkLine() {
        return daysLeft().map(days -> "Token expires: " + expires + " (" + (days >= 0 ? "in " + days + " days"
                : days + " days ago") + ")" + (days <= WARN_DAYS ? " — rotate it soon" : ""));
    }

    private String sentence(long days) {
        return days < 0 ? "the Centra token expired on " + expires + " (CENTRA_TOKEN_EXPIRES)"
                : days == 0 ? "the Centra token expires today (" + expires + ")"
                : "the Centra token expires in " + days + " day" + (days == 1 ? "" : "s") + " (" + expires + ")";
    }

    @Override
    public void destroy() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
