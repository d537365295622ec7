package org.centraerp.connector.state;

import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connector.state.*}: the state database itself is {@code spring.datasource.*}.
 *
 * @param readLock the shared repository behind {@code readLock=idempotent} on ERP folders
 */
@Validated
@ConfigurationProperties("connector.state")
public record StateProperties(@DefaultValue ReadLock readLock) {

    /**
     * @param processorName  identifies this connector's locks in the table; the same on every instance
     * @param lockMaxAge     a lock older than this, not kept alive, is an orphan of a dead instance
     * @param keepAlive      how often a live instance refreshes its locks (must be below lockMaxAge)
     */
    public record ReadLock(@DefaultValue("connector-file-read-lock") @NotBlank String processorName,
                           @DefaultValue("5m") Duration lockMaxAge,
                           @DefaultValue("30s") Duration keepAlive) {
    }
}
