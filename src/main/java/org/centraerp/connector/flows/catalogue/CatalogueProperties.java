package org.centraerp.connector.flows.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connector.catalogue}: the product master and price imports.
 *
 * @param idConversions   also tell Centra the ERP keys (setIdConversions; the token needs an integration name)
 * @param pricesBatchSize  most products per setPrices call (fewer when Centra's complexity budget says so)
 * @param parallelProducts products of one file synced side by side (each product's own calls in order)
 * @param progressInterval how often a long product or price file logs its progress and when it will be done
 */
@Validated
@ConfigurationProperties("connector.catalogue")
public record CatalogueProperties(
        @DefaultValue("true") boolean idConversions,
        @DefaultValue("500") @Min(1) @Max(2000) int pricesBatchSize,
        @DefaultValue("4") @Min(1) @Max(64) int parallelProducts,
        @DefaultValue("30s") Duration progressInterval) {
}
