package org.centraerp.connector.ops.reconciliation;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.erp.ErpProperties;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.state.SentValues;
import org.centraerp.connector.state.StateDatabase;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The reconciliations; route reconcile-on-schedule calls bean {@code reconciliations}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReconciliationProperties.class)
public class ReconciliationConfiguration {

    @Bean
    Reconciliations reconciliations(CentraClient centra, SentValues sentValues, StateDatabase state, ErpDatabase erp,
                                    MappingRepository mappings, ReconciliationProperties properties,
                                    ErpProperties erpProperties, ObjectProvider<MeterRegistry> registry) {
        return new Reconciliations(new StockReconciliation(centra, sentValues),
                new OrderReconciliation(centra, state, erp, mappings), new CatalogueReconciliation(centra, state),
                properties, erpProperties, registry.getIfAvailable(), Clock.systemUTC());
    }
}
