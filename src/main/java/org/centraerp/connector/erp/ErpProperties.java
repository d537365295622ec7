package org.centraerp.connector.erp;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the ERP side lives: the exchange folder ({@code in/} for files the ERP drops, {@code out/}
 * for files it picks up) and, optionally, its database for staging tables.
 */
@Validated
@ConfigurationProperties("connector.erp")
public record ErpProperties(
        @NotNull @DefaultValue("var/erp") Path folder,
        @NotNull @DefaultValue Datasource datasource) {

    /** The ERP database; a blank URL means the ERP is reached through files only. */
    public record Datasource(String url, String username, String password) {
        public boolean configured() {
            return url != null && !url.isBlank();
        }
    }

    public Path inbox(String flow) {
        return folder.resolve("in").resolve(flow);
    }

    public Path outbox(String flow) {
        return folder.resolve("out").resolve(flow);
    }
}
