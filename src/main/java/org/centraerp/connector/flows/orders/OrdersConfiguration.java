package org.centraerp.connector.flows.orders;

import java.time.Clock;
import java.util.List;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.erp.ErpDatabase;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.ops.FlowProbe;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.Watermarks;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The orders flow: its state tables and the beans route export-orders calls (orderExport, orderPolling, orderEvents). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrdersProperties.class)
public class OrdersConfiguration {

    @Bean
    OrderInbox orderInbox(StateDatabase db) {
        return new OrderInbox(db, Clock.systemUTC());
    }

    @Bean
    OrderExports orderExports(StateDatabase db) {
        return new OrderExports(db, Clock.systemUTC());
    }

    @Bean
    OrderErpWriter orderErpWriter(ErpDatabase erpDatabase) {
        return new OrderErpWriter(erpDatabase);
    }

    @Bean
    OrderCentraActions orderCentraActions(CentraClient centra, OrderExports exports, OrdersProperties properties) {
        return new OrderCentraActions(centra, exports, properties);
    }

    @Bean
    OrderExport orderExport(OrderInbox inbox, CentraClient centra, OrderExports exports, OrderErpWriter writer,
                            OrderCentraActions actions, DeadLetters deadLetters, OrdersProperties properties,
                            MappingRepository mappings) {
        return new OrderExport(inbox, centra, new OrderExporter(exports, writer, properties), actions, deadLetters,
                properties, mappings);
    }

    @Bean
    OrderPolling orderPolling(CentraClient centra, OrderInbox inbox, Watermarks watermarks, OrdersProperties properties) {
        return new OrderPolling(centra, inbox, watermarks, properties, Clock.systemUTC());
    }

    @Bean
    OrderEvents orderEvents(CentraClient centra, OrderInbox inbox, PlatformTransactionManager transactions,
                            OrdersProperties properties) {
        return new OrderEvents(centra, inbox, new TransactionTemplate(transactions), properties);
    }

    /** What {@code check} probes for this flow. */
    @Bean
    static FlowProbe ordersProbe(OrdersProperties properties) {
        List<String> writes = new java.util.ArrayList<>();
        if (properties.lock()) {
            writes.add("check/setOrdersLock");
        }
        if (properties.confirm()) {
            writes.add("check/confirmOrder");
        }
        return new FlowProbe("export-orders", List.of("orders"), writes);
    }
}
