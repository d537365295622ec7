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
 * Where calls go and with which token. A blank {@code connector.centra.url} means a Centra on this app's own web
 * server (the built-in sandbox): whoever serves it says its address and token through {@link #useLocalCentra} once
 * the server listens, so the target resolves lazily. This class knows neither the sandbox's path nor its token.
 * Problems surface as {@link CentraConfigException} on the first call, with one line that says what to set.
 */
public final class CentraEndpoint {

    private static final Logger log = LoggerFactory.getLogger(CentraEndpoint.class);

    /**
     * A resolved target. {@link #toString()} leaves the token out so it cannot reach a log by accident.
     *
     * @param uri     the GraphQL endpoint
     * @param token   bearer token
     * @param sandbox true when this is the Centra on this app's own web server (the built-in sandbox)
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
    private final CompletableFuture<Target> local = new CompletableFuture<>();
    private volatile Target target;

    /**
     * @param url      configured URL, blank for the sandbox
     * @param token    configured token, blank for the local Centra's own token
     * @param portWait how long a call to the local Centra waits for the web server to start
     */
    public CentraEndpoint(String url, String token, Duration portWait) {
        this(url, portWait, CentraToken.fixed(token));
    }

    /**
     * @param token where the token comes from (CENTRA_TOKEN or CENTRA_TOKEN_FILE); blank for the local Centra's
     *              own token
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

    /**
     * The Centra on this app's own web server, told once that server listens (the sandbox's auto-configuration calls
     * this on Spring's WebServerInitializedEvent). Used only while {@code connector.centra.url} is blank; its token
     * only while no CENTRA_TOKEN is configured.
     *
     * @param uri   its GraphQL endpoint
     * @param token a token it accepts with every permission
     * @return true when calls go there (no URL configured)
     */
    public boolean useLocalCentra(URI uri, String token) {
        local.complete(new Target(uri, token, true));
        return url.isEmpty();
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
        return sandbox && current.isEmpty() ? local.join().token() : current;
    }

    /** The URL for messages, without resolving a sandbox port that is not known yet. */
    public String describe() {
        Target resolved = target;
        if (resolved != null) {
            return resolved.uri().toString();
        }
        if (!url.isEmpty()) {
            return url;
        }
        return local.isDone() ? local.join().uri().toString() : "the built-in sandbox (not started yet)";
    }

    private Target sandboxTarget() {
        Target served = awaitLocalCentra();
        return new Target(served.uri(), currentToken(true), true);
    }

    private Target awaitLocalCentra() {
        try {
            return local.get(portWait.toMillis(), TimeUnit.MILLISECONDS);
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
