package org.centraerp.connector.centra;

/** The connector is configured in a way that cannot work (URL, token, missing sandbox); fix the configuration. */
public class CentraConfigException extends CentraException {

    public CentraConfigException(String message) {
        super(message);
    }
}
