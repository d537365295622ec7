package org.centraerp.connector.flows.records;

import java.util.List;

import org.centraerp.connector.ops.FlowProbe;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code check} probes for the flows that are YAML routes only (their Java is {@link RecordExport} and the
 * {@code centra:} component): the customers export reads Centra's {@code customers} query (Customer:read).
 */
@Configuration(proxyBeanMethods = false)
public class RecordExportConfiguration {

    @Bean
    @ConditionalOnProperty(name = "connector.customers.enabled", havingValue = "true", matchIfMissing = true)
    static FlowProbe customersProbe() {
        return new FlowProbe("export-customers", List.of("customers"));
    }
}
