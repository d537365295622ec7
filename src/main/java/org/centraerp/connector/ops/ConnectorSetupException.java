package org.centraerp.connector.ops;

/**
 * A set-up problem that stops the start (missing folder, state of another Centra): its message is the one line
 * the user reads, printed by {@link ConnectorSetupFailureAnalyzer} without a stack trace.
 */
public class ConnectorSetupException extends RuntimeException {

    public ConnectorSetupException(String message) {
        super(message);
    }
}
