package org.centraerp.connector.centra;

/**
 * Base of every failure of a call to Centra. Messages are one line, say what to do, and never contain the token.
 * Subclasses say what kind of failure it was so that retry policies (Camel onException, dead letters) can tell
 * a passing outage ({@link #isTransient()}) from a problem a person has to fix.
 */
public abstract class CentraException extends RuntimeException {

    protected CentraException(String message) {
        super(message);
    }

    protected CentraException(String message, Throwable cause) {
        super(message, cause);
    }

    /** True when the same call may succeed later without anyone changing anything. */
    public boolean isTransient() {
        return false;
    }
}
