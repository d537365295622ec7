package org.centraerp.connector.webhook;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connector.webhook.*}: the receiver of Centra's webhook plugin at {@code POST /webhooks/centra}.
 *
 * @param secret       the endpoint secret set in Centra's webhook plugin (environment CENTRA_WEBHOOK_SECRET);
 *                     blank: every webhook is refused
 * @param replayWindow a signature whose time {@code t} is further than this from now is refused
 * @param maxBodySize  larger bodies are refused (Centra sends at most "max events per call", default 100)
 */
@Validated
@ConfigurationProperties("connector.webhook")
public record WebhookProperties(
        String secret,
        @DefaultValue("5m") @NotNull Duration replayWindow,
        @DefaultValue("1048576") @Min(1024) int maxBodySize) {

    public boolean configured() {
        return secret != null && !secret.isBlank();
    }

    @Override
    public String toString() {
        return "WebhookProperties[secret=" + (configured() ? "(set)" : "(blank)") + ", replayWindow=" + replayWindow
                + ", maxBodySize=" + maxBodySize + "]";
    }
}
