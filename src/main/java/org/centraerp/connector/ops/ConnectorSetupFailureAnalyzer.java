package org.centraerp.connector.ops;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a {@link ConnectorSetupException} as its one line, without a stack trace. */
public class ConnectorSetupFailureAnalyzer extends AbstractFailureAnalyzer<ConnectorSetupException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConnectorSetupException cause) {
        return new FailureAnalysis(cause.getMessage(), "See the line above; nothing was started.", null);
    }
}
