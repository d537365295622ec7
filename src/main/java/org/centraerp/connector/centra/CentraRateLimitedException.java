package org.centraerp.connector.centra;

/** Centra kept answering 429 Too Many Requests; the call was given up after the configured attempts or wait. */
public class CentraRateLimitedException extends CentraException {

    public CentraRateLimitedException(String message) {
        super(message);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
