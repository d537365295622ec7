package org.centraerp.connector.ops.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * One application for the console's page tests (dead letters, files, look-ups, Centra): the stock import and the
 * order export routes against the built-in sandbox, state in H2. The classes that carry it share one Spring context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console-pages;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/console-pages",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml,file:routes/export-orders.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.sandbox.rate-limit-tier=NONE",
        "connector.centra.rate-limit.requests-per-10s=0",
        "connector.centra.rate-limit.mutations-per-10s=0",
        "connector.orders.enabled=false",
        "connector.orders.poll.enabled=false"})
@interface ConsolePagesTest {
}
