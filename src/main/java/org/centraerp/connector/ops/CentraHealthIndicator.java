package org.centraerp.connector.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the Centra side: reachable and the token accepted. The answer is cached for a minute
 * so that frequent health probes do not eat into Centra's rate limits.
 */
@Component("centra")
public class CentraHealthIndicator implements HealthIndicator {

    private static final Duration CACHE_FOR = Duration.ofMinutes(1);

    private final CentraClient centra;
    private final CentraEndpoint endpoint;
    private final Clock clock;
    private volatile Health last;
    private volatile Instant lastAt = Instant.MIN;

    @Autowired
    public CentraHealthIndicator(CentraClient centra, CentraEndpoint endpoint) {
        this(centra, endpoint, Clock.systemUTC());
    }

    CentraHealthIndicator(CentraClient centra, CentraEndpoint endpoint, Clock clock) {
        this.centra = centra;
        this.endpoint = endpoint;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Instant now = clock.instant();
        if (last == null || lastAt.plus(CACHE_FOR).isBefore(now)) {
            last = probe();
            lastAt = now;
        }
        return last;
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
}
