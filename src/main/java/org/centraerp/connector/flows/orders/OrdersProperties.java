package org.centraerp.connector.flows.orders;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connector.orders.*}: the orders export from Centra to the ERP. Documented key by key in
 * {@code config/application.yaml}.
 *
 * @param batchSize    orders fetched per Centra call (and locked per setOrdersLock call), 1..200
 * @param workInterval how often the exporter looks for orders to export
 * @param lease        how long an instance owns the orders it is exporting; a killed instance's orders are
 *                     taken over after this
 * @param retry        back-off for orders whose export failed (Centra or the ERP unavailable)
 * @param notFoundAttempts how often an order Centra does not return is asked for before it goes to the
 *                     dead letters
 * @param lock         setOrdersLock(isLocked: true) once the ERP has an order
 * @param confirm      confirmOrder once the ERP has a PENDING order
 * @param files        write one file per order version to the ERP out folder
 */
@Validated
@ConfigurationProperties("connector.orders")
public record OrdersProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("50") @Min(1) @Max(200) int batchSize,
        @DefaultValue("1s") @NotNull Duration workInterval,
        @DefaultValue("2m") @NotNull Duration lease,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("5") @Min(1) int notFoundAttempts,
        @DefaultValue("true") boolean lock,
        @DefaultValue("false") boolean confirm,
        @DefaultValue("true") boolean files,
        @DefaultValue @Valid Poll poll,
        @DefaultValue @Valid Events events) {

    /** Back-off after a failed attempt: doubles from initialBackoff up to maxBackoff, never gives up. */
    public record Retry(@DefaultValue("5s") @NotNull Duration initialBackoff,
                        @DefaultValue("5m") @NotNull Duration maxBackoff) {

        Duration after(int attempts) {
            long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
            Duration wait = initialBackoff.multipliedBy(factor);
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    /**
     * Polling {@code orders(where:{updatedAt:{from,to}})}.
     *
     * @param schedule        Quartz cron
     * @param overlap         each window starts this much before the last one ended (clock skew, late commits)
     * @param initialLookback the first window (no watermark yet) starts this long ago
     * @param pageSize        orders per page, 1..200
     */
    public record Poll(@DefaultValue("true") boolean enabled,
                       @DefaultValue("0 * * * * ?") @NotNull String schedule,
                       @DefaultValue("2m") @NotNull Duration overlap,
                       @DefaultValue("24h") @NotNull Duration initialLookback,
                       @DefaultValue("200") @Min(1) @Max(200) int pageSize) {
    }

    /**
     * Centra's events queue ({@code events}/{@code confirmEvents}); must be enabled for the server by Centra and
     * needs a token with an integration name and Event:read, Event:write.
     */
    public record Events(@DefaultValue("false") boolean enabled,
                         @DefaultValue("60s") @NotNull Duration interval,
                         @DefaultValue("200") @Min(1) @Max(200) int limit) {
    }
}
