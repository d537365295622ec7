package org.centraerp.connector.sandbox.store;

/** An ERP's id for a Centra object, per integration (Centra's ID conversion guide). */
public record IdConversion(int id, String objectType, int internalId, String externalId, String integrationName)
        implements Identified {
}
