package org.centraerp.connector.flows.catalogue;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code connector.catalogue}: the product master and price imports.
 *
 * @param idConversions   also tell Centra the ERP keys (setIdConversions; the token needs an integration name)
 * @param pricesBatchSize products per setPrices call
 */
@Validated
@ConfigurationProperties("connector.catalogue")
public record CatalogueProperties(
        @DefaultValue("true") boolean idConversions,
        @DefaultValue("100") @Min(1) @Max(500) int pricesBatchSize) {
}
