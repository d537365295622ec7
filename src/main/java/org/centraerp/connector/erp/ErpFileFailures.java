package org.centraerp.connector.erp;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The error step of every ERP file import (routeConfiguration {@code erp-file-errors}): before the inbox's consumer
 * rolls back (the file stays where it is and is read again on a later poll), the failure is counted
 * ({@code connector.<flow>.files} with outcome {@code failed}) and the file's run (report under way) is closed. The
 * operator's log line and the flow's health come from the flows' retry policy, endpoint failures from
 * {@link ErpEndpointHealth}.
 */
@Component("erpFileFailures")
public class ErpFileFailures {

    /** Exchange property holding the file's run (report, senders); closed on failure when it is AutoCloseable. */
    public static final String RUN = "ErpFileRun";

    private static final Logger log = LoggerFactory.getLogger(ErpFileFailures.class);

    private final MeterRegistry registry;

    public ErpFileFailures(ObjectProvider<MeterRegistry> registry) {
        this.registry = registry.getIfAvailable();
    }

    public void record(@Header(ErpHeaders.FLOW) String flow, @Header(Exchange.FILE_NAME_ONLY) String file,
                       @ExchangeProperty(Exchange.EXCEPTION_CAUGHT) Throwable cause,
                       @ExchangeProperty(RUN) Object run) {
        // The operator's line (cause once, then one short line per retry) and the flow's health come from the
        // flows' retry policy (ops.FlowRetryPolicy); here the counter, and the details for debugging.
        log.debug("{} {}: not finished ({}); it stays in the inbox and is read again on a later poll", flow, file,
                ErpEndpointHealth.reason(cause));
        if (registry != null && flow != null) {
            registry.counter("connector." + flow + ".files", "outcome", "failed").increment();
        }
        if (run instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("closing the run of {} failed", file, e);
            }
        }
    }
}
