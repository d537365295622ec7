package org.centraerp.connector.sandbox.shipments;

import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Shipment knobs for tests (no token, not Centra's API):
 * <ul>
 *   <li>{@code PUT /sandbox/admin/shipments/faults {"failNext": {"completeShipment": 1}}}: the next call(s) of that
 *       mutation fail with an internal error and change nothing.</li>
 *   <li>{@code PUT /sandbox/admin/shipments/faults {"refuseCapture": [1001]}}: captureShipment (and capture on create)
 *       of these orders answers a userError, as a refused payment capture.</li>
 *   <li>{@code POST /sandbox/admin/shipments/faults/reset}: no faults. {@code POST /sandbox/admin/reset} does not
 *       clear these; tests reset them themselves.</li>
 * </ul>
 */
@RestController
@RequestMapping("/sandbox/admin/shipments")
@ConditionalOnSandboxEnabled
public class ShipmentAdminController {

    /** Body of PUT /sandbox/admin/shipments/faults. */
    public record FaultsUpdate(Map<String, Integer> failNext, List<Integer> refuseCapture) {
    }

    private final ShipmentFaults faults;

    public ShipmentAdminController(ShipmentFaults faults) {
        this.faults = faults;
    }

    @PutMapping("/faults")
    public Map<String, Object> faults(@RequestBody FaultsUpdate update) {
        if (update.failNext() != null) {
            update.failNext().forEach(faults::failNext);
        }
        if (update.refuseCapture() != null) {
            update.refuseCapture().forEach(faults::refuseCapture);
        }
        return Map.of("updated", true);
    }

    @PostMapping("/faults/reset")
    public Map<String, Object> reset() {
        faults.reset();
        return Map.of("reset", true);
    }
}
