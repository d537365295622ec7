package org.centraerp.connector.sandbox.knobs;

import java.util.concurrent.atomic.AtomicReference;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.SandboxProperties;
import org.springframework.stereotype.Component;

/** The knobs in force: start values from {@code connector.sandbox.*}, changed at run time by the admin endpoint. */
@Component
@ConditionalOnSandboxEnabled
public class Knobs {

    private final SandboxProperties properties;
    private final AtomicReference<SandboxKnobs> current;

    public Knobs(SandboxProperties properties) {
        this.properties = properties;
        this.current = new AtomicReference<>(SandboxKnobs.from(properties));
    }

    public SandboxKnobs current() {
        return current.get();
    }

    public SandboxKnobs update(KnobsUpdate update) {
        return current.updateAndGet(knobs -> knobs.with(update));
    }

    /** Back to the configured values. */
    public SandboxKnobs reset() {
        current.set(SandboxKnobs.from(properties));
        return current.get();
    }
}
