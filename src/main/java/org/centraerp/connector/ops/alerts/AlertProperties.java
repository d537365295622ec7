package org.centraerp.connector.ops.alerts;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connector.alerts}: the alert webhook for setups without Prometheus.
 *
 * @param webhookUrl      where alerts are posted ({"text": "..."}, what a Slack incoming webhook takes); blank: none
 * @param checkInterval   how often the conditions are looked at (also how often the alert gauges are refreshed)
 * @param reminder        an alert still firing is posted again after this long
 * @param errorRate       Centra calls failing in one check interval above this share fire an alert…
 * @param minCalls        …when there were at least this many calls
 * @param tokenExpiryDays the Centra token expiring within this many days fires an alert (needs CENTRA_TOKEN_EXPIRES)
 */
@ConfigurationProperties("connector.alerts")
public record AlertProperties(URI webhookUrl, @DefaultValue("1m") Duration checkInterval,
                              @DefaultValue("4h") Duration reminder, @DefaultValue("0.2") double errorRate,
                              @DefaultValue("20") int minCalls, @DefaultValue("7") int tokenExpiryDays) {

    public boolean webhook() {
        return webhookUrl != null && !webhookUrl.toString().isBlank();
    }
}
