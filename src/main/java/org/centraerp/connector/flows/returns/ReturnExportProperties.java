package org.centraerp.connector.flows.returns;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connector.returns.export}: returns made in Centra, to the ERP (route {@code export-returns}).
 *
 * @param enabled           the route starts
 * @param schedule          Quartz cron of the polls
 * @param overlap           each poll's window starts this much before the last one ended
 * @param initialLookback   the first poll's window starts this long ago
 * @param files             write files to {@code out/returns/} (else only the ERP tables)
 * @param includeErpReturns also export returns the connector itself made from the ERP's return files
 */
@ConfigurationProperties("connector.returns.export")
public record ReturnExportProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("0 * * * * ?") String schedule,
        @DefaultValue("2m") Duration overlap,
        @DefaultValue("24h") Duration initialLookback,
        @DefaultValue("true") boolean files,
        @DefaultValue("false") boolean includeErpReturns) {
}
