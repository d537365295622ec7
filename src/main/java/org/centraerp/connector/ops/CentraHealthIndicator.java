package org.centraerp.connector.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.centraerp.connector.centra.CentraAccess;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraResponse;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * Health of the Centra side: reachable and the token accepted, and when the token expires. The probe's answer is
 * cached for a minute so that frequent health probes do not eat into Centra's rate limits, and it is refreshed in
 * the background: a slow Centra never holds a health request (only the very first one waits, briefly).
 * A token Centra refused is DOWN at once, without waiting for the cache.
 */
@Component("centra")
public class CentraHealthIndicator implements HealthIndicator, DisposableBean {

    private static final Duration CACHE_FOR = Duration.ofMinutes(1);
    /** The first health request waits this long for the first probe, then says UNKNOWN. */
    private static final Duration FIRST_WAIT = Duration.ofSeconds(5);
    /** After a DOWN answer, a health request waits this long for a fresh one. */
    private static final Duration RECOVERY_WAIT = Duration.ofMillis(500);

    private final CentraClient centra;
    private final CentraEndpoint endpoint;
    private final CentraAccess access;
    private final CentraTokenExpiry expiry;
    private final Clock clock;
    private final ExecutorService prober = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "centra-health");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<CompletableFuture<Health>> inFlight = new AtomicReference<>();
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    @Autowired
    public CentraHealthIndicator(CentraClient centra, CentraEndpoint endpoint, CentraAccess access,
                                 CentraTokenExpiry expiry) {
        this(centra, endpoint, access, expiry, Clock.systemUTC());
    }

    CentraHealthIndicator(CentraClient centra, CentraEndpoint endpoint, CentraAccess access, CentraTokenExpiry expiry,
                          Clock clock) {
        this.centra = centra;
        this.endpoint = endpoint;
        this.access = access;
        this.expiry = expiry;
        this.clock = clock;
        // a probe cached while the token was refused says nothing once a token is accepted again
        access.onAccessMayBeBack(() -> lastAt = Instant.MIN);
    }

    @Override
    public Health health() {
        Health probed = last;
        if (probed == null || lastAt.plus(CACHE_FOR).isBefore(clock.instant())) {
            CompletableFuture<Health> refresh = refresh();
            if (probed == null) {
                probed = await(refresh, FIRST_WAIT, null);
            } else if (Status.DOWN.equals(probed.getStatus())) {
                // Centra may be back: a fresh answer if it comes at once, else the last one
                probed = await(refresh, RECOVERY_WAIT, probed);
            }
        }
        var refusal = access.refusal();
        if (refusal.isPresent()) {
            probed = Health.down().withDetail("centra", endpoint.describe()).withDetail("error", refusal.get()).build();
        }
        return expiry.decorate(probed);
    }

    private Health await(CompletableFuture<Health> refresh, Duration wait, Health otherwise) {
        try {
            return refresh.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return otherwise != null ? otherwise : Health.unknown().withDetail("centra", endpoint.describe())
                    .withDetail("checking", "no answer from Centra within " + FIRST_WAIT.toSeconds() + " s yet")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("centra", endpoint.describe()).build();
        } catch (ExecutionException e) {
            return Health.down().withDetail("centra", endpoint.describe())
                    .withDetail("error", String.valueOf(e.getCause().getMessage())).build();
        }
    }

    /** One probe at a time; callers share the one in flight. */
    private CompletableFuture<Health> refresh() {
        var mine = new CompletableFuture<Health>();
        var running = inFlight.compareAndExchange(null, mine);
        if (running != null) {
            return running;
        }
        prober.execute(() -> {
            try {
                Health health = probe();
                last = health;
                lastAt = clock.instant();
                mine.complete(health);
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            } finally {
                inFlight.set(null);
            }
        });
        return mine;
    }

    private Health probe() {
        try {
            CentraResponse answer = centra.query("stores", Map.of());
            return Health.up()
                    .withDetail("centra", endpoint.describe())
                    .withDetail("stores", answer.data().path("stores").size())
                    .build();
        } catch (CentraException e) {
            return Health.down().withDetail("centra", endpoint.describe()).withDetail("error", e.getMessage()).build();
        }
    }

    @Override
    public void destroy() {
        prober.shutdownNow();
    }
}
