package org.centraerp.connector.sandbox;

import java.util.UUID;

/**
 * This run of the built-in sandbox: its store is seeded afresh at every start, so the connector's state belongs to
 * one instance only (see org.centraerp.connector.ops.CentraBindingCheck).
 *
 * @param id random, new at every start
 */
public record SandboxInstance(String id) {

    public static SandboxInstance fresh() {
        return new SandboxInstance(UUID.randomUUID().toString());
    }
}
