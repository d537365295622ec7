package org.centraerp.connector.sandbox.gateway;

import java.time.Duration;

/** Centra's two bucket windows. */
public enum RateLimitInterval {
    TEN_SECONDS(Duration.ofSeconds(10)),
    ONE_HOUR(Duration.ofHours(1));

    private final Duration length;

    RateLimitInterval(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
