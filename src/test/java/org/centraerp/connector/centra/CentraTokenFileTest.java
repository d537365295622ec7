package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.centraerp.connector.centra.StubCentra.ok;
import static org.centraerp.connector.centra.StubCentra.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CENTRA_TOKEN_FILE: a request Centra refused (403) because the token was rotated meanwhile is sent again with the
 * new token, even a mutation that is never repeated otherwise (Centra refused it before running it); a refusal
 * with the same token is an auth error that says where the token comes from, and clears with the next answer.
 */
class CentraTokenFileTest {

    private static final String SET_STOCK_OK = "{\"data\":{\"setStock\":{\"userErrors\":[],\"userWarnings\":[]}}}";

    @TempDir
    Path secrets;

    private StubCentra centra;
    private FakeClock clock;
    private CentraAccess access;
    private CentraClient client;
    private Path tokenFile;

    @BeforeEach
    void start() throws Exception {
        centra = new StubCentra();
        clock = new FakeClock();
        tokenFile = secrets.resolve("token");
        Files.writeString(tokenFile, "old-token\n");
        CentraToken token = CentraToken.file(tokenFile, clock);
        access = new CentraAccess(true);
        token.onChange(access::tokenChanged);
        CentraProperties properties = CentraProperties.defaults(centra.url(), "")
                .withRetry(new CentraProperties.Retry(3, Duration.ofMillis(1), Duration.ofMillis(5)))
                .withRateLimit(new CentraProperties.RateLimit(0, 0, 0, Duration.ofSeconds(5)));
        client = new CentraClient(properties, new CentraEndpoint(centra.url(), Duration.ofMillis(100), token),
                CentraRateLimiter.of(properties.rateLimit(), clock), CentraMetrics.none(), new ObjectMapper(), clock,
                new Random(1), access);
    }

    @AfterEach
    void stop() {
        client.close();
        centra.close();
    }

    @Test
    void aMutationRefusedWithTheOldTokenIsSentAgainWithTheRotatedOne() throws Exception {
        centra.then(ok(CentraClientTest.STORES));
        client.query("stores", Map.of());
        centra.then(status(403, "Forbidden"));
        centra.then(ok(SET_STOCK_OK));
        Files.writeString(tokenFile, "new-token\n");

        MutationResult result = client.mutate("setStock", Map.of(), CentraClient.Retry.NEVER);

        assertThat(result.ok()).isTrue();
        assertThat(centra.requests()).extracting(StubCentra.Request::authorization)
                .containsExactly("Bearer old-token", "Bearer old-token", "Bearer new-token");
        assertThat(access.refusal()).isEmpty();
    }

    @Test
    void aRefusedTokenThatDidNotChangeIsAnAuthErrorUntilCentraAcceptsATokenAgain() throws Exception {
        centra.then(status(403, "Forbidden"));

        assertThatThrownBy(() -> client.query("stores", Map.of()))
                .isInstanceOf(CentraAuthException.class).hasMessageContaining("CENTRA_TOKEN_FILE");
        assertThat(access.refusal()).get().asString().contains("every flow pauses");

        List<Runnable> resumed = new java.util.ArrayList<>();
        access.onAccessMayBeBack(() -> resumed.add(() -> { }));
        Files.writeString(tokenFile, "fresh-token\n");
        assertThat(client.endpoint().refreshToken()).isTrue();
        centra.then(ok(CentraClientTest.STORES));
        client.query("stores", Map.of());

        assertThat(access.refusal()).isEmpty();
        assertThat(resumed).as("told on the token change and on the accepted call").hasSize(2);
        assertThat(centra.requests().get(1).authorization()).isEqualTo("Bearer fresh-token");
    }
}
