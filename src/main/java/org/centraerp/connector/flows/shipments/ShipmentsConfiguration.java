package org.centraerp.connector.flows.shipments;

import java.time.Clock;
import java.util.List;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shipments flow: its state table and the bean route import-shipment-file calls (shipmentFileImport). */
@Configuration(proxyBeanMethods = false)
public class ShipmentsConfiguration {

    @Bean
    ShipmentProgress shipmentProgress(StateDatabase db) {
        return new ShipmentProgress(db, Clock.systemUTC());
    }

    @Bean
    InboundFileImport shipmentFileImport(CentraClient centra, ShipmentProgress progress, MappingRepository mappings) {
        return new InboundFileImport("shipments", mappings::shipments, mapping -> new ShipmentDelivery(centra, progress,
                ShipmentDelivery.Payment.of(mapping.option("capture", "capture")),
                mapping.flag("send-email", true))::deliver);
    }

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe shipmentsProbe() {
        return new FlowProbe("import-shipment-file", List.of("orders"), List.of("check/updateShipment"));
    }

    /** What {@code check} probes for the returns from the ERP. */
    @Bean
    static FlowProbe returnFileProbe() {
        return new FlowProbe("import-return-file", List.of("orders"), List.of("check/completeReturn"));
    }
}
