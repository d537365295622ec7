package org.centraerp.connector.flows.stock;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code connector.stock} section of {@code config/application.yaml}. The file consumer's own settings
 * (read lock, order, poll delay) are read by {@code routes/import-erp-file.camel.yaml} as placeholders.
 *
 * @param batchSize        sizes per setStock/changeStock call (one warehouse per call)
 * @param progressInterval how often a long file logs lines done, lines/s and time left
 * @param readLock         when a file in the stock folder counts as complete (route placeholders)
 * @param sortBy           order of waiting files (route placeholder), Camel file language
 * @param pollDelay        milliseconds between looks at the folder (route placeholder)
 */
@Validated
@ConfigurationProperties("connector.stock")
public record StockProperties(
        @Min(1) @Max(5000) @DefaultValue("500") int batchSize,
        @NotNull @DefaultValue("10s") Duration progressInterval,
        @NotNull @DefaultValue ReadLock readLock,
        @NotBlank @DefaultValue("file:modified;file:name") String sortBy,
        @Min(10) @DefaultValue("1000") long pollDelay) {

    /**
     * @param stableFor a file is taken once its last change is this long ago (0s: unchanged between two looks)
     */
    public record ReadLock(@NotNull @DefaultValue("10s") Duration stableFor) {
    }
}
