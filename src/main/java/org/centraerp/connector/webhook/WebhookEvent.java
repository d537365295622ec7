package org.centraerp.connector.webhook;

/**
 * One event of an Integration API webhook: {@code {"type":"order","action":"update","date":"...","id":2735}}.
 * For {@code type: order} the id is the order number.
 */
public record WebhookEvent(String type, String action, String date, String id) {

    public boolean isOrder() {
        return "order".equals(type);
    }
}
