/**
 * The Centra client: the only code in the connector that speaks GraphQL to Centra's Integration API.
 *
 * <p>Use the {@link org.centraerp.connector.centra.CentraClient} bean with a document name from
 * {@code src/main/resources/centra/}:
 * <pre>{@code
 * CentraResponse stores = centra.query("stores", Map.of());
 * centra.pages("warehouses", Map.of(), "warehouses", 200).forEach(warehouse -> ...);
 * MutationResult result = centra.mutate("setIdConversions", Map.of("input", entries), Retry.SAFE);
 * result.userWarnings().forEach(...);   // applied, but worth reporting
 * JsonNode payload = result.orThrow();   // CentraUserErrorException when Centra refused it
 * }</pre>
 *
 * <p>Failures are {@link org.centraerp.connector.centra.CentraException} subclasses with one-line messages:
 * {@code CentraConfigException} (URL/token/sandbox), {@code CentraAuthException} (token refused),
 * {@code CentraPermissionException} (token lacks a permission), {@code CentraQueryException} (GraphQL errors,
 * HTTP 400), {@code CentraRateLimitedException} and {@code CentraUnavailableException} (transient; see
 * {@code isTransient()}), {@code CentraUserErrorException} (userErrors, from {@code MutationResult.orThrow()}).
 */
package org.centraerp.connector.centra;
