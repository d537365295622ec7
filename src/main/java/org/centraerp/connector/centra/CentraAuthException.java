package org.centraerp.connector.centra;

/** Centra refused the token itself (HTTP 401/403): wrong, revoked or expired. */
public class CentraAuthException extends CentraException {

    public CentraAuthException(int status) {
        this(status, false);
    }

    /** @param tokenFromFile the token comes from CENTRA_TOKEN_FILE, which is read again when it changes */
    public CentraAuthException(int status, boolean tokenFromFile) {
        super("Centra rejected the token (HTTP " + status + "): it is wrong, revoked or expired"
                + " — create a new Integration API token in Centra (System → API tokens) and "
                + (tokenFromFile ? "write it to CENTRA_TOKEN_FILE (read again when it changes)" : "set CENTRA_TOKEN"));
    }
}
