package org.centraerp.connector.webhook;

import java.time.Clock;

/**
 * The clock the replay window is measured with; the system clock unless a bean of this type says otherwise
 * (tests). Its own type, not a {@link Clock} bean, so no other bean picks it up by accident.
 */
public record WebhookClock(Clock clock) {
}
