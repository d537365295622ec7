package org.centraerp.connector.centra;

/** Centra refused the token itself (HTTP 401/403): wrong, revoked or expired. */
public class CentraAuthException extends CentraException {

    public CentraAuthException(int status) {
        super("Centra rejected the token (HTTP " + status + "): it is wrong, revoked or expired"
                + " — create a new Integration API token in Centra (System → API tokens) and set CENTRA_TOKEN");
    }
}
