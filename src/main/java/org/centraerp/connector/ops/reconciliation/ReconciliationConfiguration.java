package org.centraerp.connector.ops.reconciliation;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
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
                                    ErpProperties erpProperties, ObjectProvider<MeterRegistry> registry,
                                    ProducerTemplate producer) {
        return new Reconciliations(new StockReconciliation(centra, sentValues),
                new OrderReconciliation(centra, state, erp, mappings), new CatalogueReconciliation(centra, state),
                properties, erpProperties, registry.getIfAvailable(), Clock.systemUTC(), reportOutbox(producer));
    }

    /**
     * Camel's file producer puts a finished report in the folder: under a temporary name, then renamed, like every
     * outbox (the caller deletes the written file after).
     */
    static Reconciliations.ReportOutbox reportOutbox(ProducerTemplate producer) {
        return (written, folder, name) -> {
            try {
                producer.sendBodyAndHeaders("file:" + folder + "?tempFileName=${file:name}.tmp&fileExist=Override",
                        written.toFile(), Map.of(Exchange.FILE_NAME, name));
            } catch (CamelExecutionException e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IOException("report " + name + " not written to " + folder + ": " + cause.getMessage(), cause);
            }
        };
    }
}
