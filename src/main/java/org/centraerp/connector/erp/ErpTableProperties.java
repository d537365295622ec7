package org.centraerp.connector.erp;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code connector.erp.tables.<flow>}: ERP tables read on a schedule into a flow's inbox (route
 * {@code read-erp-tables}), one entry per flow that takes ERP files: stock, products, prices, shipments, returns.
 */
@ConfigurationProperties("connector.erp")
public record ErpTableProperties(Map<String, Table> tables) {

    public ErpTableProperties {
        tables = tables == null ? Map.of() : Map.copyOf(tables);
    }

    /**
     * One table source.
     *
     * @param enabled         read it; needs {@code connector.erp.datasource}
     * @param schedule        Quartz cron of the reads
     * @param query           SELECT whose column labels are the columns the flow's mapping names; with a
     *                        watermark it has {@code :watermark} and takes only rows past it
     * @param watermarkColumn the column (label) that grows with every new row: an id or a change time; blank: the
     *                        table is a snapshot and is read whole each time
     * @param watermarkType   {@code number} or {@code timestamp}: how {@code :watermark} is bound
     * @param watermarkStart  the watermark before the first read
     */
    public record Table(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0 0/5 * * * ?") String schedule,
            String query,
            String watermarkColumn,
            @DefaultValue("number") String watermarkType,
            @DefaultValue("0") String watermarkStart) {

        public boolean snapshot() {
            return watermarkColumn == null || watermarkColumn.isBlank();
        }
    }
}
