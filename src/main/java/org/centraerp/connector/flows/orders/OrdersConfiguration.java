package org.centraerp.connector.flows.orders;

import java.time.Clock;

import org.centraerp.connector.state.StateDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The orders flow's state tables over the state database. */
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
}
