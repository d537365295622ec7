package org.centraerp.connector.sandbox.admin;

import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.api.OrderService;
import org.centraerp.connector.sandbox.store.Order;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.gateway.RateLimiter;
import org.centraerp.connector.sandbox.knobs.Knobs;
import org.centraerp.connector.sandbox.knobs.KnobsUpdate;
import org.centraerp.connector.sandbox.knobs.SandboxKnobs;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.SeedLoader;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's own controls for tests and benchmarks (not part of Centra's API, needs no token):
 * <ul>
 *   <li>{@code GET /sandbox/admin/knobs}: the knobs in force, as JSON ({@link SandboxKnobs}).</li>
 *   <li>{@code PUT /sandbox/admin/knobs}: change some knobs; fields left out keep their value, e.g.
 *       {@code {"latencyMs": 50, "faultRates": {"serverError": 0.1, "rateLimited": 0, "timeout": 0}}} or
 *       {@code {"quotaOverrides": {"REQUEST_COUNT": {"TEN_SECONDS": 2}}}}. Rate-limit changes refill the buckets.
 *       Capped: latencyMs up to 60000, timeoutHoldMs up to 120000, fault rates 0.0-1.0 (HTTP 400 otherwise).</li>
 *   <li>{@code POST /sandbox/admin/reset}: back to the seeded demo store, the configured knobs and full buckets.</li>
 *   <li>{@code POST /sandbox/admin/orders}: places {@code {"count": N}} random direct-to-consumer orders at once (as
 *       the shopper simulator does: stock gets allocated, Order events queued); fewer when stock runs out. Answers
 *       {@code {"placed": n, "numbers": [...], "ids": [...]}}.</li>
 * </ul>
 */
@RestController
@RequestMapping("/sandbox/admin")
@ConditionalOnSandboxEnabled
public class SandboxAdminController {

    private final Knobs knobs;
    private final RateLimiter rateLimiter;
    private final SandboxData data;
    private final SeedLoader seedLoader;
    private final OrderService orders;

    /** Body of POST /sandbox/admin/orders. */
    public record PlaceOrders(Integer count) {
    }

    public SandboxAdminController(Knobs knobs, RateLimiter rateLimiter, SandboxData data, SeedLoader seedLoader,
                                  OrderService orders) {
        this.orders = orders;
        this.knobs = knobs;
        this.rateLimiter = rateLimiter;
        this.data = data;
        this.seedLoader = seedLoader;
    }

    @GetMapping("/knobs")
    public SandboxKnobs knobs() {
        return knobs.current();
    }

    @PutMapping("/knobs")
    public SandboxKnobs updateKnobs(@RequestBody KnobsUpdate update) {
        SandboxKnobs updated = knobs.update(update);
        if (update.rateLimitTier() != null || update.quotaOverrides() != null) {
            rateLimiter.refill();
        }
        return updated;
    }

    /** A knob above its cap (or a share outside 0..1) changes nothing and says which and why. */
    @ExceptionHandler(SandboxKnobs.KnobOutOfRangeException.class)
    public ResponseEntity<Map<String, String>> knobOutOfRange(SandboxKnobs.KnobOutOfRangeException e) {
        return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
    }

    @PostMapping("/reset")
    public Map<String, Object> reset() {
        seedLoader.reseed(data);
        SandboxKnobs reset = knobs.reset();
        rateLimiter.refill();
        return Map.of("reset", true, "knobs", reset);
    }

    @PostMapping("/orders")
    public Map<String, Object> placeOrders(@RequestBody(required = false) PlaceOrders request) {
        int count = request == null || request.count() == null ? 1 : Math.max(0, Math.min(request.count(), 100_000));
        List<Order> placed = orders.placeRandomOrders(count);
        return Map.of("placed", placed.size(), "numbers", placed.stream().map(Order::number).toList(),
                "ids", placed.stream().map(Order::id).toList());
    }
}
