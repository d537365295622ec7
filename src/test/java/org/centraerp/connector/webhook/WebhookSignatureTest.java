package org.centraerp.connector.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** Centra's documented example (API-FACTS §4.1). */
    static final String SECRET = "test123";
    static final String T = "12345678";
    static final byte[] BODY = "payload=%7B%22x%22%3A%22test%22%7D".getBytes(StandardCharsets.US_ASCII);
    static final String V1 = "0b9cd84f5d583e5e1aadfb9f160aa8080b51d5b85ff85808d6b75bdac356c549";

    private static WebhookSignature at(long epochSecond) {
        return new WebhookSignature(SECRET, Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static final WebhookSignature FRESH = at(12345678 + 30);

    @Test
    void centrasDocumentedTestVectorIsAccepted() {
        assertThat(FRESH.hex(T, BODY)).isEqualTo(V1);
        assertThatCode(() -> FRESH.verify("t=" + T + ",v1=" + V1, BODY)).doesNotThrowAnyException();
    }

    @Test
    void upperCaseHexAndSpacesAfterTheCommaAreAccepted() {
        assertThatCode(() -> FRESH.verify("t=" + T + ", v1=" + V1.toUpperCase(), BODY)).doesNotThrowAnyException();
    }

    @Test
    void forgedSignatureIsRefused() {
        String forged = V1.substring(0, 63) + "0";
        assertThatThrownBy(() -> FRESH.verify("t=" + T + ",v1=" + forged, BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("does not match");
    }

    @Test
    void changedBodyIsRefused() {
        byte[] changed = "payload=%7B%22x%22%3A%22tesT%22%7D".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> FRESH.verify("t=" + T + ",v1=" + V1, changed))
                .isInstanceOf(WebhookRejectedException.class);
    }

    @Test
    void signatureWithAnotherTimeIsRefused() {
        assertThatThrownBy(() -> FRESH.verify("t=12345679,v1=" + V1, BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("does not match");
    }

    @Test
    void goodSignatureOutsideTheReplayWindowIsRefused() {
        WebhookSignature tenMinutesLater = at(12345678 + 600);
        assertThatThrownBy(() -> tenMinutesLater.verify("t=" + T + ",v1=" + V1, BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("replay window");
        WebhookSignature tenMinutesEarlier = at(12345678 - 600);
        assertThatThrownBy(() -> tenMinutesEarlier.verify("t=" + T + ",v1=" + V1, BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("replay window");
    }

    @Test
    void malformedHeadersAreRefused() {
        for (String header : new String[] {null, "", "v1=" + V1, "t=" + T, "t=abc,v1=" + V1, "t=" + T + ",v1=xyz",
                "t=" + T + ",v1=" + V1.substring(1), V1}) {
            assertThatThrownBy(() -> FRESH.verify(header, BODY)).as("header %s", header)
                    .isInstanceOf(WebhookRejectedException.class);
        }
    }

    @Test
    void withoutSecretEveryWebhookIsRefused() {
        WebhookSignature noSecret = new WebhookSignature("", Duration.ofMinutes(5),
                Clock.fixed(Instant.ofEpochSecond(12345678), ZoneOffset.UTC));
        assertThatThrownBy(() -> noSecret.verify("t=" + T + ",v1=" + V1, BODY))
                .isInstanceOf(WebhookRejectedException.class).hasMessageContaining("CENTRA_WEBHOOK_SECRET");
    }
}
