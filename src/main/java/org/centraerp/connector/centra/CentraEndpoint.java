package org.centraerp.connector.centra;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where calls go and with which token. A blank {@code connector.centra.url} means the built-in sandbox on this
 * app's own web server; its port is known only once the server has started, so the target resolves lazily.
 * Problems surface as {@link CentraConfigException} on the first call, with one line that says what to set.
 */
public final class CentraEndpoint {

    private static final Logger log = LoggerFactory.getLogger(CentraEndpoint.class);

    /** Token the sandbox accepts with every permission; only used when no URL is configured. */
    public static final String SANDBOX_TOKEN = "sandbox-demo-token";
    static final String SANDBOX_PATH = "/sandbox/graphql";

    /**
     * A resolved target. {@link #toString()} leaves the token out so it cannot reach a log by accident.
     *
     * @param uri     the GraphQL endpoint
     * @param token   bearer token
     * @param sandbox true when this is the built-in sandbox
     */
    public record Target(URI uri, String token, boolean sandbox) {
        @Override
        public String toString() {
            return uri.toString();
        }
    }

    private final String url;
    private final CentraToken token;
    private final Duration portWait;
    private final CompletableFuture<Integer> localPort = new CompletableFuture<>();
    private volatile Target target;

    /**
     * @param url      configured URL, blank for the sandbox
     * @param token    configured token, blank for the sandbox demo token
     * @param portWait how long a sandbox call waits for the local web server to start
     */
    public CentraEndpoint(String url, String token, Duration portWait) {
        this(url, portWait, CentraToken.fixed(token));
    }

    /**
     * @param token where the token comes from (CENTRA_TOKEN or CENTRA_TOKEN_FILE); blank for the sandbox demo token
     */
    public CentraEndpoint(String url, Duration portWait, CentraToken token) {
        this.url = url == null ? "" : url.trim();
        this.token = token;
        this.portWait = portWait;
    }

    /** Reads a token file again now; true when the token changed (never for a fixed token). */
    public boolean refreshToken() {
        return token.refresh();
    }

    public CentraToken token() {
        return token;
    }

    /** Called once the app's own web server listens (Spring's WebServerInitializedEvent). */
    public void localServerStarted(int port) {
        localPort.complete(port);
    }

    /** The target, resolved and checked on first use, with the token as it is now (a token file may change). */
    public Target target() {
        Target resolved = target;
        if (resolved == null) {
            resolved = url.isEmpty() ? sandboxTarget() : configuredTarget();
            target = resolved;
            log.info("Centra client talks to {}{}", resolved, resolved.sandbox() ? " (built-in sandbox)" : "");
        }
        String now = currentToken(resolved.sandbox());
        return now.equals(resolved.token()) ? resolved : new Target(resolved.uri(), now, resolved.sandbox());
    }

    private String currentToken(boolean sandbox) {
        String current = token.current();
        return sandbox && current.isEmpty() ? SANDBOX_TOKEN : current;
    }

    /** The URL for messages, without resolving a sandbox port that is not known yet. */
    public String describe() {
        Target resolved = target;
        if (resolved != null) {
            return resolved.uri().toString();
        }
        return url.isEmpty() ? "the built-in sandbox (" + SANDBOX_PATH + ")" : url;
    }

    private Target sandboxTarget() {
        int port = awaitLocalPort();
        return new Target(URI.create("http://127.0.0.1:" + port + SANDBOX_PATH), currentToken(true), true);
    }

    private int awaitLocalPort() {
        try {
            return localPort.get(portWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CentraConfigException("CENTRA_URL is not set and the built-in sandbox is not running"
                    + " (no local web server after " + portWait.toSeconds() + "s)"
                    + " — set CENTRA_URL and CENTRA_TOKEN, or start the app with the sandbox enabled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw CentraUnavailableException.interrupted(describe());
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private Target configuredTarget() {
        URI uri = parse(url);
        String host = uri.getHost();
        if ("http".equals(uri.getScheme()) && !isLocal(host)) {
            throw new CentraConfigException("CENTRA_URL must use https:// for " + host
                    + ": plain http:// would send the token unencrypted — use https://" + host + uri.getRawPath());
        }
        String current = token.current();
        if (current.isEmpty()) {
            throw new CentraConfigException("CENTRA_TOKEN is not set but CENTRA_URL points at " + url
                    + " — create an Integration API token in Centra (System → API tokens) and set CENTRA_TOKEN"
                    + " (or CENTRA_TOKEN_FILE)");
        }
        return new Target(uri, current, false);
    }

    private static URI parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw new URISyntaxException(url, "not an http(s) URL with a host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new CentraConfigException("CENTRA_URL '" + url + "' is not a valid URL"
                    + " — use the Integration API address, e.g. https://yourbrand.centra.com/graphql");
        }
    }

    /** Loopback only: plain http stays on this machine there. */
    static boolean isLocal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
    }
}
