package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CentraEndpointTest {

    private static final Duration WAIT = Duration.ofMillis(50);

    @Test
    void plainHttpToARemoteHostIsRefusedBecauseTheTokenWouldTravelUnencrypted() {
        CentraEndpoint endpoint = new CentraEndpoint("http://acme.centra.com/graphql", "token", WAIT);

        assertThatThrownBy(endpoint::target)
                .isInstanceOf(CentraConfigException.class)
                .hasMessageStartingWith("CENTRA_URL must use https:// for acme.centra.com")
                .hasMessageContaining("https://acme.centra.com/graphql");
    }

    @Test
    void hostsThatOnlyLookLocalStillNeedHttps() {
        assertThatThrownBy(() -> new CentraEndpoint("http://127.evil.example/graphql", "t", WAIT).target())
                .isInstanceOf(CentraConfigException.class);
    }

    @Test
    void plainHttpIsAllowedOnLoopback() {
        assertThat(new CentraEndpoint("http://localhost:8080/graphql", "t", WAIT).target().sandbox()).isFalse();
        assertThat(new CentraEndpoint("http://127.0.0.2:8080/graphql", "t", WAIT).target().uri().getPort())
                .isEqualTo(8080);
        assertThat(new CentraEndpoint("http://[::1]:8080/graphql", "t", WAIT).target().token()).isEqualTo("t");
    }

    @Test
    void httpsUrlWithTokenIsTheTargetAndItsTextHidesTheToken() {
        CentraEndpoint.Target target = new CentraEndpoint("https://acme.centra.com/graphql", "s3cret", WAIT).target();

        assertThat(target.uri().toString()).isEqualTo("https://acme.centra.com/graphql");
        assertThat(target.token()).isEqualTo("s3cret");
        assertThat(target.toString()).doesNotContain("s3cret");
    }

    @Test
    void urlWithoutTokenIsAConfigErrorThatSaysWhereToGetOne() {
        assertThatThrownBy(() -> new CentraEndpoint("https://acme.centra.com/graphql", " ", WAIT).target())
                .isInstanceOf(CentraConfigException.class)
                .hasMessageContaining("CENTRA_TOKEN is not set").hasMessageContaining("System → API tokens");
    }

    @Test
    void malformedUrlIsAConfigError() {
        assertThatThrownBy(() -> new CentraEndpoint("acme.centra.com", "t", WAIT).target())
                .isInstanceOf(CentraConfigException.class).hasMessageContaining("is not a valid URL");
    }

    @Test
    void blankUrlTargetsTheLocalCentraWithItsToken() {
        CentraEndpoint endpoint = new CentraEndpoint("", "", WAIT);
        assertThat(endpoint.describe()).doesNotContain("18080");

        boolean used = endpoint.useLocalCentra(URI.create("http://127.0.0.1:18080/sandbox/graphql"), "local-token");
        CentraEndpoint.Target target = endpoint.target();

        assertThat(used).isTrue();
        assertThat(target.uri().toString()).isEqualTo("http://127.0.0.1:18080/sandbox/graphql");
        assertThat(target.token()).isEqualTo("local-token");
        assertThat(target.sandbox()).isTrue();
    }

    @Test
    void aConfiguredTokenWinsOverTheLocalCentrasToken() {
        CentraEndpoint endpoint = new CentraEndpoint("", "own-token", WAIT);
        endpoint.useLocalCentra(URI.create("http://127.0.0.1:18080/sandbox/graphql"), "local-token");

        assertThat(endpoint.target().token()).isEqualTo("own-token");
    }

    @Test
    void aConfiguredUrlIgnoresTheLocalCentra() {
        CentraEndpoint endpoint = new CentraEndpoint("https://acme.centra.com/graphql", "t", WAIT);

        boolean used = endpoint.useLocalCentra(URI.create("http://127.0.0.1:18080/sandbox/graphql"), "local-token");

        assertThat(used).isFalse();
        assertThat(endpoint.target().uri().toString()).isEqualTo("https://acme.centra.com/graphql");
        assertThat(endpoint.target().sandbox()).isFalse();
    }

    @Test
    void sandboxWithoutALocalServerIsAConfigError() {
        assertThatThrownBy(() -> new CentraEndpoint(null, null, WAIT).target())
                .isInstanceOf(CentraConfigException.class)
                .hasMessageContaining("sandbox is not running").hasMessageContaining("CENTRA_URL");
    }

    @Test
    void localCentraCallsCarryItsToken() throws Exception {
        try (StubCentra centra = new StubCentra()) {
            centra.always(StubCentra.ok(CentraClientTest.STORES));
            CentraEndpoint endpoint = new CentraEndpoint("", "", WAIT);
            endpoint.useLocalCentra(URI.create("http://127.0.0.1:" + centra.port() + "/sandbox/graphql"),
                    "sandbox-demo-token");

            client(endpoint).query("stores", Map.of());

            assertThat(centra.requests().get(0).path()).isEqualTo("/sandbox/graphql");
            assertThat(centra.requests().get(0).authorization()).isEqualTo("Bearer sandbox-demo-token");
        }
    }

    @Test
    void connectionRefusedIsOneClearLine() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort + "/graphql";

        CentraUnavailableException error = catchThrowableOfType(CentraUnavailableException.class,
                () -> client(new CentraEndpoint(url, "t", WAIT)).query("stores", Map.of()));

        assertThat(error.getMessage())
                .isEqualTo("Centra at " + url + " is unreachable: connection refused (2 attempts)"
                        + " — check CENTRA_URL and the network");
    }

    @Test
    void unknownHostIsOneClearLineWithoutRetrying() {
        String url = "https://no-such-host.invalid/graphql";

        CentraUnavailableException error = catchThrowableOfType(CentraUnavailableException.class,
                () -> client(new CentraEndpoint(url, "t", WAIT)).query("stores", Map.of()));

        assertThat(error.getMessage())
                .startsWith("Centra at " + url + " is unreachable: unknown host no-such-host.invalid")
                .doesNotContain("\n");
    }

    private static CentraClient client(CentraEndpoint endpoint) {
        CentraProperties properties = CentraProperties.defaults("", "")
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withRetry(new CentraProperties.Retry(2, Duration.ofMillis(1), Duration.ofMillis(2)));
        FakeClock clock = new FakeClock();
        return new CentraClient(properties, endpoint, CentraRateLimiter.of(properties.rateLimit(), clock),
                CentraMetrics.none(), CentraClient.defaultJson(), clock, new java.util.Random(1));
    }
}
