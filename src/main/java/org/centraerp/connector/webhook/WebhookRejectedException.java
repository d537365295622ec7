package org.centraerp.connector.webhook;

/** A webhook that is not from Centra, or not now: answered 401, nothing stored. The message has no payload. */
public class WebhookRejectedException extends RuntimeException {

    public WebhookRejectedException(String reason) {
        super(reason);
    }
}
