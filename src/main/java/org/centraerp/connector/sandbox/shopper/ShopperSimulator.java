package org.centraerp.connector.sandbox.shopper;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.SandboxProperties;
import org.centraerp.connector.sandbox.api.OrderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shoppers of the sandbox's store: with {@code connector.sandbox.shopper.enabled} it places one random
 * direct-to-consumer order every {@code 60 / orders-per-minute} seconds (stock allows), allocating stock and
 * queueing Order events like real checkouts. Off by default.
 */
@Component
@ConditionalOnSandboxEnabled
public class ShopperSimulator {

    private static final Logger log = LoggerFactory.getLogger(ShopperSimulator.class);

    private final ScheduledExecutorService timer;

    public ShopperSimulator(SandboxProperties properties, OrderService orders) {
        var shopper = properties.shopper();
        if (!shopper.enabled() || shopper.ordersPerMinute() <= 0) {
            timer = null;
            return;
        }
        long periodMs = Math.max(10, Math.round(60_000 / shopper.ordersPerMinute()));
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "sandbox-shopper");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(() -> {
            try {
                orders.placeRandomOrders(1);
            } catch (RuntimeException e) {
                log.warn("Sandbox shopper could not place an order: {}", e.toString());
            }
        }, periodMs, periodMs, TimeUnit.MILLISECONDS);
        log.info("Sandbox shopper places {} orders per minute", shopper.ordersPerMinute());
    }

    @PreDestroy
    void stop() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
