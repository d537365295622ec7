package org.centraerp.connector.flows.returns;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.flows.shipments.InboundFileImport;
import org.centraerp.connector.flows.shipments.ShipmentProgress;
import org.centraerp.connector.mapping.MappingRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The returns flow: the bean route import-return-file calls (returnFileImport). */
@Configuration(proxyBeanMethods = false)
public class ReturnsConfiguration {

    @Bean
    InboundFileImport returnFileImport(CentraClient centra, ShipmentProgress progress, MappingRepository mappings) {
        return new InboundFileImport("returns", mappings::returns, mapping -> new ReturnDelivery(centra, progress,
                mapping.flag("restock-default", true), mapping.flag("send-email", false))::deliver);
    }
}
