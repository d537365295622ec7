package org.centraerp.connector.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Centra's webhook signature: header {@code X-Centra-Signature: t=<unix seconds>,v1=<hex>} where
 * {@code v1 = HMAC-SHA256(secret, "<t>.<raw body>")}. Compared in constant time; a {@code t} outside the replay
 * window is refused even with a good signature, so a captured request cannot be sent again later.
 */
public final class WebhookSignature {

    public static final String HEADER = "X-Centra-Signature";

    private final byte[] secret;
    private final Duration replayWindow;
    private final Clock clock;

    public WebhookSignature(String secret, Duration replayWindow, Clock clock) {
        this.secret = secret == null ? new byte[0] : secret.getBytes(StandardCharsets.UTF_8);
        this.replayWindow = replayWindow;
        this.clock = clock;
    }

    /** Passes silently, or throws {@link WebhookRejectedException} saying why (never quoting the body). */
    public void verify(String header, byte[] rawBody) {
        if (secret.length == 0) {
            throw new WebhookRejectedException("no webhook secret configured (set CENTRA_WEBHOOK_SECRET to the"
                    + " endpoint secret of Centra's webhook plugin)");
        }
        if (header == null || header.isBlank()) {
            throw new WebhookRejectedException("no " + HEADER + " header");
        }
        String t = null;
        String v1 = null;
        for (String part : header.split(",")) {
            String[] pair = part.trim().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                t = pair[1].trim();
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                v1 = pair[1].trim();
            }
        }
        if (t == null || v1 == null || !t.matches("\\d{1,12}")) {
            throw new WebhookRejectedException(HEADER + " is not 't=<unix time>,v1=<hex>'");
        }
        byte[] given;
        try {
            given = HexFormat.of().parseHex(v1.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new WebhookRejectedException(HEADER + " v1 is not hexadecimal");
        }
        if (!MessageDigest.isEqual(sign(t, rawBody), given)) {
            throw new WebhookRejectedException("signature does not match (wrong secret, or the body was changed)");
        }
        Duration age = Duration.between(Instant.ofEpochSecond(Long.parseLong(t)), clock.instant()).abs();
        if (age.compareTo(replayWindow) > 0) {
            throw new WebhookRejectedException("signature time t=" + t + " is " + age.toSeconds()
                    + " s away from now, outside the replay window of " + replayWindow.toSeconds() + " s");
        }
    }

    /** HMAC-SHA256(secret, "t.body") as hex: what Centra puts in v1. */
    public String hex(String t, byte[] rawBody) {
        return HexFormat.of().formatHex(sign(t, rawBody));
    }

    private byte[] sign(String t, byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.length == 0 ? new byte[1] : secret, "HmacSHA256"));
            mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(rawBody);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }
}
