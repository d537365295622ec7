package org.centraerp.connector.sandbox.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.springframework.stereotype.Component;

/**
 * Where every sandbox mutation says what it changed: the change goes to the Integration API event queue (when a
 * listener wants that object type) and to the subscribers (the webhook sender). Call inside
 * {@link SandboxData#write}, after the change is applied.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxEvents {

    /** Told of every change: Centra's event object type (Product, Customer, ...), change type and reference. */
    public interface Subscriber {
        void changed(String objectType, String changeType, String reference);
    }

    private final SandboxData data;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public SandboxEvents(SandboxData data) {
        this.data = data;
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Records a change of {@code objectType} (Centra's event object type) with {@code changeType} (CREATED, UPDATED,
     * DELETED, ...); {@code reference} is the object's id as text.
     */
    public void changed(String objectType, String changeType, String reference, Integer storeId, Integer marketId) {
        data.recordEvent(objectType, changeType, reference, storeId, marketId);
        subscribers.forEach(s -> s.changed(objectType, changeType, reference));
    }
}
