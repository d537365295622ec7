package org.centraerp.connector.webhook;

/** A correctly signed webhook whose body is not Centra's {@code payload={"events":[...]}}: answered 400. */
public class WebhookPayloadException extends RuntimeException {

    public WebhookPayloadException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
