package org.centraerp.connector.sandbox.shipments;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.stereotype.Component;

/**
 * Test knobs of the shipment mutations (not Centra's): fail the next N calls of a mutation with an internal error
 * before it changes anything (a connector that dies mid-way sees the same), and orders whose payment capture the
 * payment provider refuses.
 */
@Component
@ConditionalOnSandboxEnabled
public class ShipmentFaults {

    private final Map<String, AtomicInteger> failNext = new ConcurrentHashMap<>();
    private final Set<Integer> captureRefused = ConcurrentHashMap.newKeySet();

    public void failNext(String mutation, int times) {
        failNext.computeIfAbsent(mutation, m -> new AtomicInteger()).set(Math.max(0, times));
    }

    public void refuseCapture(Integer orderNumber) {
        captureRefused.add(orderNumber);
    }

    public boolean captureRefused(int orderNumber) {
        return captureRefused.contains(orderNumber);
    }

    /** Throws when a failure of {@code mutation} is due; the mutation then changes nothing. */
    void maybeFail(String mutation) {
        AtomicInteger left = failNext.get(mutation);
        if (left != null && left.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("Sandbox fault injected into " + mutation);
        }
    }

    /** Injected failures of {@code mutation} still to come. */
    public int pending(String mutation) {
        AtomicInteger left = failNext.get(mutation);
        return left == null ? 0 : left.get();
    }

    public void reset() {
        failNext.clear();
        captureRefused.clear();
    }
}
