package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.centraerp.connector.centra.StubCentra.held;
import static org.centraerp.connector.centra.StubCentra.ok;
import static org.centraerp.connector.centra.StubCentra.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CentraClientTest {

    static final String STORES = """
            {"data":{"stores":[{"id":1,"name":"Retail Store","type":"DIRECT_TO_CONSUMER"}]},
             "extensions":{"complexity":121,"permissionsUsed":["Store:read"],"appVersion":"v1.60.0"}}""";
    static final String ID_CONVERSIONS = """
            {"data":{"setIdConversions":{"entries":[{"id":7}],"userErrors":[],"userWarnings":[]}},
             "extensions":{"complexity":10}}""";
    static final String TOKEN = "secret-test-token";

    private final List<CentraClient> clients = new java.util.ArrayList<>();
    private StubCentra centra;
    private SimpleMeterRegistry meters;
    private FakeClock clock;

    @BeforeEach
    void startStub() throws Exception {
        centra = new StubCentra();
        meters = new SimpleMeterRegistry();
        clock = new FakeClock();
    }

    @AfterEach
    void stopStub() {
        clients.forEach(CentraClient::close);
        centra.close();
    }

    private CentraClient client(String url) {
        CentraProperties properties = CentraProperties.defaults(url, TOKEN)
                .withTimeouts(Duration.ofMillis(300), Duration.ofMillis(300))
                .withRetry(new CentraProperties.Retry(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .withRateLimit(new CentraProperties.RateLimit(0, 0, 0, Duration.ofSeconds(5)));
        CentraClient client = new CentraClient(properties, new CentraEndpoint(url, TOKEN, Duration.ofMillis(100)),
                CentraRateLimiter.of(properties.rateLimit(), clock), new CentraMetrics(meters),
                new ObjectMapper(), clock, new Random(1));
        clients.add(client);
        return client;
    }

    private CentraClient client() {
        return client(centra.url());
    }

    @Test
    void queryReturnsDataAndExtensionsAndSendsTheDocumentWithABearerToken() {
        centra.then(ok(STORES));

        CentraResponse response = client().query("stores", Map.of());

        assertThat(response.data().at("/stores/0/name").asText()).isEqualTo("Retail Store");
        assertThat(response.complexity()).isEqualTo(121);
        assertThat(response.permissionsUsed()).containsExactly("Store:read");
        assertThat(response.appVersion()).isEqualTo("v1.60.0");
        StubCentra.Request sent = centra.requests().get(0);
        assertThat(sent.authorization()).isEqualTo("Bearer " + TOKEN);
        assertThat(sent.body().path("query").asText()).contains("query stores").contains("type");
        assertThat(sent.variables().isObject()).isTrue();
        assertThat(meters.get("connector.centra.requests").tags("document", "stores", "outcome", "success")
                .timer().count()).isEqualTo(1);
    }

    @Test
    void rejectedTokenFailsAtOnceWithAMessageThatSaysToCreateANewToken() {
        centra.always(status(403, "Forbidden"));

        CentraAuthException error = catchThrowableOfType(CentraAuthException.class,
                () -> client().query("stores", Map.of()));

        assertThat(error.getMessage())
                .contains("HTTP 403").contains("System → API tokens").contains("CENTRA_TOKEN")
                .doesNotContain(TOKEN);
        assertThat(centra.requests()).hasSize(1);
    }

    @Test
    void rateLimitedCallWaitsForRetryAfterThenSucceeds() {
        centra.then(status(429, "").withHeader("Retry-After", "2"), ok(STORES));

        CentraResponse response = client().query("stores", Map.of());

        assertThat(response.complexity()).isEqualTo(121);
        assertThat(centra.requests()).hasSize(2);
        assertThat(clock.slept()).isBetween(Duration.ofSeconds(2), Duration.ofMillis(2_200));
        assertThat(meters.get("connector.centra.rate_limited").counter().count()).isEqualTo(1);
    }

    @Test
    void rateLimitedCallWaitsUntilAUnixTimestampRetryAfter() {
        long inThreeSeconds = clock.now().plusSeconds(3).getEpochSecond();
        centra.then(status(429, "").withHeader("Retry-After", String.valueOf(inThreeSeconds)), ok(STORES));

        client().query("stores", Map.of());

        assertThat(clock.slept()).isBetween(Duration.ofSeconds(3), Duration.ofMillis(3_200));
    }

    @Test
    void rateLimitedOnEveryAttemptGivesUpWithRateLimitedError() {
        centra.always(status(429, "").withHeader("Retry-After", "1"));

        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraRateLimitedException.class)
                .hasMessageContaining("429").hasMessageContaining("connector.centra.rate-limit");
        assertThat(centra.requests()).hasSize(3);
    }

    @Test
    void retryAfterLongerThanMaxWaitFailsInsteadOfWaiting() {
        centra.always(status(429, "").withHeader("Retry-After", "3600"));

        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraRateLimitedException.class).hasMessageContaining("max-wait");
        assertThat(clock.slept()).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void serverErrorsTwiceThenSuccessIsRetried() {
        centra.then(status(503, "busy"), status(503, "busy"), ok(STORES));

        CentraResponse response = client().query("stores", Map.of());

        assertThat(response.data().path("stores").size()).isEqualTo(1);
        assertThat(centra.requests()).hasSize(3);
        assertThat(meters.get("connector.centra.retries").tags("reason", "http_503").counter().count())
                .isEqualTo(2);
    }

    @Test
    void serverErrorsForeverGiveUpAfterMaxAttemptsWithOneClearLine() {
        centra.always(status(500, "{\"message\":\"Internal error\"}"));

        CentraUnavailableException error = catchThrowableOfType(CentraUnavailableException.class,
                () -> client().query("stores", Map.of()));

        assertThat(error.getMessage())
                .startsWith("Centra at " + centra.url() + " is unreachable: HTTP 500 Internal error")
                .endsWith("check CENTRA_URL and the network").doesNotContain("\n");
        assertThat(error.isTransient()).isTrue();
        assertThat(centra.requests()).hasSize(3);
        assertThat(meters.get("connector.centra.requests").tags("outcome", "unavailable").timer().count())
                .isEqualTo(1);
    }

    @Test
    void slowAnswerToAQueryIsRetriedThenReported() {
        centra.always(held());

        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraUnavailableException.class)
                .hasMessageContaining("no answer within 300 ms");
        assertThat(centra.requests()).hasSize(3);
    }

    @Test
    void slowAnswerToAMutationThatIsNotSafeIsSentOnlyOnce() {
        centra.always(held());

        CentraUnavailableException error = catchThrowableOfType(CentraUnavailableException.class,
                () -> client().mutate("setIdConversions", Map.of("input", List.of()), CentraClient.Retry.NEVER));

        assertThat(error.outcomeUnknown()).isTrue();
        assertThat(error.getMessage()).contains("not safe to repeat").contains("whether it was applied");
        assertThat(centra.requests()).hasSize(1);
    }

    @Test
    void safeMutationIsRetriedAfterAServerError() {
        centra.then(status(502, "bad gateway"), ok(ID_CONVERSIONS));

        MutationResult result = client().mutate("setIdConversions", Map.of("input", List.of()),
                CentraClient.Retry.SAFE);

        assertThat(result.ok()).isTrue();
        assertThat(result.orThrow().at("/entries/0/id").asInt()).isEqualTo(7);
        assertThat(centra.requests()).hasSize(2);
    }

    @Test
    void mutationUserErrorsAreReturnedNotRetriedAndOrThrowListsThem() {
        centra.always(ok("""
                {"data":{"setIdConversions":{"entries":[],
                  "userErrors":[{"message":"Unknown object type","path":["input","0","objectType"]}],
                  "userWarnings":[{"message":"Duplicate entry skipped","path":["input","1"]}]}}}"""));

        MutationResult result = client().mutate("setIdConversions", Map.of("input", List.of()),
                CentraClient.Retry.SAFE);

        assertThat(result.ok()).isFalse();
        assertThat(result.userErrors()).containsExactly(
                new CentraProblem("Unknown object type", List.of("input", "0", "objectType")));
        assertThat(result.userWarnings()).extracting(CentraProblem::message).containsExactly("Duplicate entry skipped");
        assertThat(centra.requests()).hasSize(1);
        assertThatThrownBy(result::orThrow)
                .isInstanceOf(CentraUserErrorException.class)
                .hasMessageContaining("setIdConversions")
                .hasMessageContaining("input.0.objectType: Unknown object type");
        assertThat(meters.get("connector.centra.requests").tags("outcome", "user_error").timer().count())
                .isEqualTo(1);
    }

    @Test
    void missingPermissionNamesThePermissionAndWhereToAddIt() {
        centra.always(ok("""
                {"errors":[{"message":"You need Store:read permission to access stores.",
                  "extensions":{"category":"authorization"},"locations":[{"line":2,"column":3}],"path":["stores"]}],
                 "extensions":{"complexity":50,"permissionsUsed":["Store:read"]}}"""));

        CentraPermissionException error = catchThrowableOfType(CentraPermissionException.class,
                () -> client().query("stores", Map.of()));

        assertThat(error.permissions()).containsExactly("Store:read");
        assertThat(error.getMessage()).contains("Store:read").contains("stores").contains("AMS");
        assertThat(centra.requests()).hasSize(1);
    }

    @Test
    void otherGraphqlErrorsBecomeAQueryErrorWithTheirMessages() {
        centra.always(ok("""
                {"errors":[{"message":"Cannot query field \\"typo\\" on type \\"Store\\".",
                  "locations":[{"line":3,"column":5}]}]}"""));

        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraQueryException.class)
                .hasMessageContaining("Cannot query field \"typo\"")
                .hasMessageContaining("line 3, column 5");
    }

    @Test
    void errorsWithoutDataAreAnInvalidRequestAndErrorsBesideDataAreNot() {
        centra.always(ok("{\"errors\":[{\"message\":\"Variable \\\"$input\\\" got invalid value\"}]}"));
        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraInvalidRequestException.class).hasMessageContaining("got invalid value");

        // data beside the errors: it ran, and may have changed something; not a request to split and report
        centra.always(ok("{\"data\":{\"stores\":null},\"errors\":[{\"message\":\"Internal error\"}]}"));
        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraQueryException.class).isNotInstanceOf(CentraInvalidRequestException.class);
    }

    @Test
    void badRequestBecomesAQueryErrorWithTheBodysMessage() {
        centra.always(status(400, "{\"errors\":[{\"message\":\"Syntax Error: Unexpected Name\"}]}"));

        assertThatThrownBy(() -> client().query("stores", Map.of()))
                .isInstanceOf(CentraInvalidRequestException.class)
                .hasMessageContaining("HTTP 400").hasMessageContaining("Syntax Error: Unexpected Name");
        assertThat(centra.requests()).hasSize(1);
    }

    @Test
    void pagesAreFetchedUntilAShortPage() {
        centra.always(request -> {
            int page = request.variables().path("page").asInt();
            String items = switch (page) {
                case 1 -> "[{\"id\":1},{\"id\":2}]";
                case 2 -> "[{\"id\":3},{\"id\":4}]";
                default -> "[{\"id\":5}]";
            };
            return ok("{\"data\":{\"warehouses\":" + items + "}}");
        });

        List<Integer> ids = client().pages("warehouses", Map.of(), "warehouses", 2)
                .map(node -> node.path("id").asInt()).toList();

        assertThat(ids).containsExactly(1, 2, 3, 4, 5);
        assertThat(centra.requests()).extracting(r -> r.variables().path("page").asInt()).containsExactly(1, 2, 3);
        assertThat(centra.requests()).allSatisfy(r -> assertThat(r.variables().path("limit").asInt()).isEqualTo(2));
    }

    @Test
    void pagesAreFetchedOnlyWhenTheStreamNeedsThem() {
        centra.always(ok("{\"data\":{\"warehouses\":[{\"id\":1},{\"id\":2}]}}"));

        List<JsonNode> first = client().pages("warehouses", Map.of(), "warehouses", 2).limit(2).toList();

        assertThat(first).hasSize(2);
        assertThat(centra.requests()).hasSize(1);
    }

    @Test
    void pageSizeOutsideCentrasRangeIsRejected() {
        assertThatThrownBy(() -> client().pages("warehouses", Map.of(), "warehouses", 201))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..200");
        assertThatThrownBy(() -> client().pages("warehouses", Map.of(), "warehouses", 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mutationDocumentsMustGoThroughMutate() {
        assertThatThrownBy(() -> client().query("setIdConversions", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mutate");
        assertThatThrownBy(() -> client().mutate("stores", Map.of(), CentraClient.Retry.SAFE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client().query("../secrets", Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(centra.requests()).isEmpty();
    }
}
