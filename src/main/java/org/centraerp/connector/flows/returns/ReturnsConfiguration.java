package org.centraerp.connector.flows.returns;

import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.apache.camel.ProducerTemplate;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.flows.orders.OrderErpWriter;
import org.centraerp.connector.mapping.MappingKind;
import org.centraerp.connector.mapping.OrdersMapping;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.Watermarks;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.centraerp.connector.flows.shipments.InboundFileImport;
import org.centraerp.connector.flows.shipments.ShipmentProgress;
import org.centraerp.connector.mapping.MappingRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The returns flows: the bean route import-return-file calls (returnFileImport), and the returns export to the ERP
 * that route export-returns calls (returnExport), when {@code connector.returns.export.enabled}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReturnExportProperties.class)
public class ReturnsConfiguration {

    /** Columns the connector fills in every returns-export row: the return, its export version, the line. */
    public static final Set<String> EXPORT_COLUMNS = Set.of("return_id", "export_version", "line_no");
    /** Route write-return-files (routes/export-returns.camel.yaml): a run's files to connector.returns.outbox. */
    static final String WRITE_FILES = "direct:write-return-files";

    @Bean
    @ConditionalOnProperty(name = "connector.returns.export.enabled", havingValue = "true", matchIfMissing = true)
    ReturnExport returnExport(CentraClient centra, StateDatabase state, ProducerTemplate routes, ErpDatabase erpDatabase,
                              Watermarks watermarks, DeadLetters deadLetters, ReturnExportProperties properties,
                              MappingRepository mappings) {
        OrdersMapping mapping = OrdersMapping.of(mappings.documents(MappingKind.RETURNS_EXPORT).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("No mapping of kind returns-export for customer '"
                        + mappings.customer() + "': add returns-export.yaml (copy mappings/default/returns-export.yaml)"
                        + " or set connector.returns.export.enabled=false")), EXPORT_COLUMNS, "return-");
        return new ReturnExport(centra, new ReturnExports(state), new OrderErpWriter(erpDatabase),
                run -> routes.requestBody(WRITE_FILES, run, ReturnPoll.class), watermarks, deadLetters, properties,
                mapping, Clock.systemUTC());
    }

    /** What {@code check} probes for the returns export. */
    @Bean
    static FlowProbe returnExportProbe() {
        return new FlowProbe("export-returns", List.of(ReturnExport.DOCUMENT));
    }

    @Bean
    InboundFileImport returnFileImport(CentraClient centra, ShipmentProgress progress, MappingRepository mappings) {
        return new InboundFileImport("returns", mappings::returns, mapping -> new ReturnDelivery(centra, progress,
                mapping.flag("restock-default", true), mapping.flag("send-email", false))::deliver);
    }
}
