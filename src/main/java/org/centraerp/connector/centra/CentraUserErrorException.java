package org.centraerp.connector.centra;

import java.util.List;
import java.util.stream.Collectors;

/** A mutation answered with {@code userErrors}: Centra changed nothing. Never retried; fix the data and resend. */
public class CentraUserErrorException extends CentraException {

    private final String document;
    private final List<CentraProblem> userErrors;

    public CentraUserErrorException(String document, List<CentraProblem> userErrors) {
        super("Centra refused mutation '" + document + "': "
                + userErrors.stream().map(CentraProblem::toString).collect(Collectors.joining("; "))
                + " — nothing was changed; fix the data and send it again");
        this.document = document;
        this.userErrors = List.copyOf(userErrors);
    }

    public String document() {
        return document;
    }

    public List<CentraProblem> userErrors() {
        return userErrors;
    }
}
