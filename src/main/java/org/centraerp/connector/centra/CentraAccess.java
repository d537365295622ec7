package org.centraerp.connector.centra;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether Centra accepts the connector's token right now. The client reports every refusal (HTTP 401/403) and
 * every accepted call; the first refusal is logged as one line saying what to do, the first accepted call after it
 * as one line too. Flows paused on a refusal listen here to try again as soon as the token changed or Centra
 * accepted it again (see {@link #onAccessMayBeBack(Runnable)}).
 */
public final class CentraAccess {

    private static final Logger log = LoggerFactory.getLogger(CentraAccess.class);

    private final AtomicReference<String> refusal = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final boolean tokenFromFile;

    public CentraAccess(boolean tokenFromFile) {
        this.tokenFromFile = tokenFromFile;
    }

    /** Centra refused the token itself (expired or revoked): every flow pauses until it accepts a token again. */
    public void tokenRefused(int status) {
        String message = "Centra refused the token (HTTP " + status + "): expired or revoked — every flow pauses"
                + " and resumes by itself once a valid token is in place: "
                + (tokenFromFile ? "write the new token to CENTRA_TOKEN_FILE (read again when it changes)"
                        : "set CENTRA_TOKEN to a new Integration API token (System → API tokens) and restart,"
                        + " or use CENTRA_TOKEN_FILE to rotate tokens without a restart");
        if (refusal.getAndSet(message) == null) {
            log.warn(message);
        }
    }

    /** A call got an answer with the current token. */
    public void tokenAccepted() {
        if (refusal.get() != null && refusal.getAndSet(null) != null) {
            log.info("Centra accepts the token again; paused flows resume");
            fire();
        }
    }

    /** CENTRA_TOKEN_FILE holds another token now. */
    public void tokenChanged() {
        log.info("Centra token changed (CENTRA_TOKEN_FILE); paused flows try again now");
        fire();
    }

    /** Why Centra refuses the token, while it does. */
    public Optional<String> refusal() {
        return Optional.ofNullable(refusal.get());
    }

    /** Runs {@code listener} when the token changed or Centra accepts it again. */
    public void onAccessMayBeBack(Runnable listener) {
        listeners.add(listener);
    }

    private void fire() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.debug("listener of the Centra token failed", e);
            }
        }
    }
}
