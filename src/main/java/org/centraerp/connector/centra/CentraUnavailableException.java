package org.centraerp.connector.centra;

/**
 * Centra did not answer usefully: connection refused or reset, timeout, 5xx. For a mutation that is not safe to
 * repeat, {@link #outcomeUnknown()} says whether Centra may have applied it before the failure.
 */
public class CentraUnavailableException extends CentraException {

    private final boolean outcomeUnknown;

    private CentraUnavailableException(String message, boolean outcomeUnknown, Throwable cause) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    public static CentraUnavailableException unreachable(String url, String reason, Throwable cause) {
        return new CentraUnavailableException("Centra at " + url + " is unreachable: " + reason
                + " — check CENTRA_URL and the network", false, cause);
    }

    public static CentraUnavailableException outcomeUnknown(String url, String document, String reason,
                                                            Throwable cause) {
        return new CentraUnavailableException("Centra at " + url + " did not answer mutation '" + document + "': "
                + reason + " — not retried because it is not safe to repeat; check in Centra whether it was applied",
                true, cause);
    }

    public static CentraUnavailableException interrupted(String url) {
        return new CentraUnavailableException("call to Centra at " + url
                + " was interrupted (the connector is stopping)", false, null);
    }

    /** True when a mutation reached Centra but no answer came back, so it may or may not have been applied. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }

    @Override
    public boolean isTransient() {
        return !outcomeUnknown;
    }
}
