package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** Whole-request behaviour: tokens, permissions, extensions, rate limits and injected faults. */
class SandboxGatewayTest extends SandboxTestSupport {

    private static final String STORES = "{ stores { id name type } }";

    @Test
    void unknownTokenIsForbidden() {
        var answer = graphql("no-such-token", STORES);

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body().path("errors").get(0).path("message").asText()).isEqualTo("Forbidden");
    }

    @Test
    void missingTokenIsForbidden() {
        assertThat(graphql(null, STORES).status()).isEqualTo(403);
    }

    @Test
    void expiredTokenIsForbidden() {
        assertThat(graphql("sandbox-expired-token", STORES).status()).isEqualTo(403);
    }

    @Test
    void tokenInGraphqlAccessCookieIsAccepted() {
        var answer = graphql(STORES, Map.of("Cookie", "graphql-access=" + DEMO));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.data("stores")).hasSize(2);
    }

    @Test
    void readOnlyTokenIsDeniedAMutationWithCentrasMessageAndNoData() {
        var answer = graphql("sandbox-readonly-token",
                "mutation { createBrand(input: {name: \"Nope\"}) { brand { id } userErrors { message path } } }");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().has("data")).isFalse();
        var error = answer.body().path("errors").get(0);
        assertThat(error.path("message").asText())
                .isEqualTo("You need Brand:write permission to access createBrand.");
        assertThat(error.path("extensions").path("category").asText()).isEqualTo("authorization");
        assertThat(error.path("path").get(0).asText()).isEqualTo("createBrand");
        assertThat(error.path("locations").get(0).path("line").asInt()).isEqualTo(1);
        assertThat(answer.permissionsUsed()).containsExactly("Brand:write");
    }

    @Test
    void readOnlyTokenReadsNestedFieldsWithTheirOwnPermissions() {
        var answer = graphql("sandbox-readonly-token", "{ markets(where: {storeId: 1}) { id comment store { id } } }");

        assertThat(answer.data("markets")).hasSize(3);
        assertThat(answer.permissionsUsed()).containsExactly("Market:read", "Market.comment:read", "Store:read");
    }

    @Test
    void everyAnswerCarriesComplexityPermissionsUsedAndAppVersion() {
        var answer = graphql(DEMO, "{ markets { id store { name } assignedToCountries { code } } stores { id } }");

        var extensions = answer.body().path("extensions");
        assertThat(extensions.path("complexity").isInt() || extensions.path("complexity").isLong()).isTrue();
        assertThat(extensions.path("complexity").asLong()).isPositive();
        assertThat(answer.permissionsUsed()).containsExactly("Market:read", "Store:read", "Country:read");
        assertThat(extensions.path("appVersion").asText()).isNotBlank();
    }

    @Test
    void rateLimitsQueryAnswersSixBucketsWithoutPermission() {
        var answer = graphql(DEMO, "{ rateLimits { type intervalSeconds quota usedQuota remainingQuota } }");

        var limits = answer.data("rateLimits");
        assertThat(limits).hasSize(6);
        limits.forEach(limit -> assertThat(limit.path("quota").asLong())
                .isEqualTo(limit.path("usedQuota").asLong() + limit.path("remainingQuota").asLong()));
        assertThat(answer.permissionsUsed()).isEmpty();
    }

    @Test
    void emptyRequestBucketAnswers429WithRetryAfter() {
        knobs("{\"quotaOverrides\": {\"REQUEST_COUNT\": {\"TEN_SECONDS\": 2}}}");

        assertThat(graphql(DEMO, STORES).status()).isEqualTo(200);
        assertThat(graphql(DEMO, STORES).status()).isEqualTo(200);
        var limited = graphql(DEMO, STORES);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
        assertThat(limited.body().path("errors").get(0).path("message").asText()).contains("Too Many Requests");
    }

    @Test
    void emptyMutationBucketRefusesMutationsButNotQueries() {
        knobs("{\"quotaOverrides\": {\"MUTATION_COUNT\": {\"TEN_SECONDS\": 1}}}");
        String mutation = "mutation { createCollection(input: {name: \"%s\", status: ACTIVE}) { collection { id } } }";

        assertThat(graphql(DEMO, mutation.formatted("First")).status()).isEqualTo(200);
        assertThat(graphql(DEMO, mutation.formatted("Second")).status()).isEqualTo(429);
        assertThat(graphql(DEMO, STORES).status()).isEqualTo(200);
    }

    @Test
    void serverErrorKnobAnswers5xx() {
        knobs("{\"faultRates\": {\"serverError\": 1.0, \"rateLimited\": 0.0, \"timeout\": 0.0}}");

        var answer = graphql(DEMO, STORES);

        assertThat(answer.status()).isIn(500, 502, 503);
    }

    @Test
    void rateLimitedKnobAnswers429WithRetryAfter() {
        knobs("{\"faultRates\": {\"serverError\": 0.0, \"rateLimited\": 1.0, \"timeout\": 0.0}}");

        var answer = graphql(DEMO, STORES);

        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.header("Retry-After")).isNotBlank();
    }

    @Test
    void timeoutKnobHoldsTheRequestThenGivesUp() {
        knobs("{\"timeoutHoldMs\": 300, \"faultRates\": {\"serverError\": 0.0, \"rateLimited\": 0.0, \"timeout\": 1.0}}");
        long start = System.nanoTime();

        var answer = graphql(DEMO, STORES);

        assertThat(answer.status()).isEqualTo(504);
        assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    }

    @Test
    void knobsAreReadableAndResetRestoresThem() {
        knobs("{\"latencyMs\": 5, \"rateLimitTier\": \"ENTERPRISE\"}");
        assertThat(http.getForObject("/sandbox/admin/knobs", Map.class))
                .containsEntry("latencyMs", 5).containsEntry("rateLimitTier", "ENTERPRISE");

        http.postForEntity("/sandbox/admin/reset", null, String.class);

        assertThat(http.getForObject("/sandbox/admin/knobs", Map.class))
                .containsEntry("latencyMs", 0).containsEntry("rateLimitTier", "GROWTH");
    }
}
