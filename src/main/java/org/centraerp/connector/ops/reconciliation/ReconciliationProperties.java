package org.centraerp.connector.ops.reconciliation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connector.reconciliation}: when the reconciliations run on their own (route reconcile-on-schedule) and
 * how far back the orders reconciliation looks then.
 *
 * @param enabled        run on the schedule
 * @param schedule       Quartz cron
 * @param ordersLookback the scheduled orders reconciliation covers orders Centra changed this long ago until now
 */
@ConfigurationProperties("connector.reconciliation")
public record ReconciliationProperties(@DefaultValue("true") boolean enabled,
                                       @DefaultValue("0 30 2 * * ?") String schedule,
                                       @DefaultValue("7d") Duration ordersLookback) {
}
