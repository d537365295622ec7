package org.centraerp.connector.ops;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraProperties;
import org.centraerp.connector.sandbox.SandboxInstance;
import org.centraerp.connector.state.CentraBindings;
import org.centraerp.connector.state.CentraBindings.Binding;
import org.centraerp.connector.state.StateDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Binds the state database to the Centra it belongs to, before any route starts. The first start records the
 * Centra (its URL and its stores' ids and names, or the built-in sandbox's instance); a later start against another
 * Centra stops with one line saying what to do ({@code reset-state}, or a new state database). The built-in sandbox
 * is seeded afresh at every start, so there the state is reset together with it (one log line says so).
 */
@Component
public class CentraBindingCheck implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CentraBindingCheck.class);
    static final String BUILT_IN_SANDBOX = "built-in sandbox";

    private final CentraBindings bindings;
    private final CentraClient centra;
    private final CentraProperties properties;
    private final ObjectProvider<SandboxInstance> sandbox;
    private final Environment environment;

    public CentraBindingCheck(StateDatabase state, CentraClient centra, CentraProperties properties,
                              ObjectProvider<SandboxInstance> sandbox, Environment environment) {
        this.bindings = new CentraBindings(state);
        this.centra = centra;
        this.properties = properties;
        this.sandbox = sandbox;
        this.environment = environment;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (!environment.getProperty(CommandApplication.COMMAND_PROPERTY, "").isBlank()) {
            return; // commands report (check) or reset (reset-state) the binding themselves
        }
        Optional<Binding> current = current();
        if (current.isEmpty()) {
            return;
        }
        Optional<String> refusal;
        try {
            refusal = verify(current.get());
        } catch (org.springframework.jdbc.BadSqlGrammarException noTable) {
            log.warn("The state database has no table connector_centra_binding (its schema is not migrated:"
                    + " spring.flyway.enabled=false?); which Centra the state belongs to is not checked");
            return;
        }
        if (refusal.isPresent()) {
            throw new ConnectorSetupException(refusal.get());
        }
    }

    /**
     * Compares the state's Centra with {@code current}: binds a new state, resets the state of an earlier run of the
     * built-in sandbox.
     *
     * @return why the connector must not start against {@code current}, if so
     */
    public Optional<String> verify(Binding current) {
        Optional<Binding> stored = bindings.read();
        if (stored.isEmpty()) {
            if (bindings.bindIfAbsent(current)) {
                log.info("State database bound to Centra {}", current);
                return Optional.empty();
            }
            stored = bindings.read(); // another instance bound it a moment ago
            if (stored.isEmpty()) {
                throw new IllegalStateException("the state's Centra binding could be neither written nor read");
            }
        }
        Binding was = stored.get();
        if (same(was, current)) {
            if (was.identity().isEmpty() && !current.identity().isEmpty()) {
                bindings.bind(current);
            }
            return Optional.empty();
        }
        if (current.url().equals(BUILT_IN_SANDBOX)) {
            List<String> tables = bindings.resetAll();
            bindings.bind(current);
            log.info("The built-in sandbox starts with a freshly seeded store: the connector's state was reset with it"
                    + " ({} tables emptied)", tables.size());
            return Optional.empty();
        }
        return Optional.of("the state database belongs to another Centra: " + was + ", not " + current
                + " — run the reset-state command to forget what was sent there, or give this Centra a new state"
                + " database (STATE_DB_URL)");
    }

    /** Equal URLs, and equal identities where both are known. */
    static boolean same(Binding was, Binding now) {
        return was.url().equals(now.url())
                && (was.identity().isEmpty() || now.identity().isEmpty() || was.identity().equals(now.identity()));
    }

    /** The Centra the connector talks to; empty when none is configured (no URL and the sandbox off). */
    public Optional<Binding> current() {
        String url = properties.url() == null ? "" : properties.url().trim();
        if (url.isEmpty()) {
            SandboxInstance instance = sandbox.getIfAvailable();
            return instance == null ? Optional.empty()
                    : Optional.of(new Binding(BUILT_IN_SANDBOX, "instance " + instance.id()));
        }
        try {
            JsonNode stores = centra.query("stores", Map.of()).data().path("stores");
            String identity = String.join(", ", StreamSupport.stream(stores.spliterator(), false)
                    .map(store -> store.path("id").asText() + " " + store.path("name").asText())
                    .toList());
            return Optional.of(new Binding(url, "stores " + identity));
        } catch (RuntimeException e) {
            log.warn("Cannot ask Centra which stores it has ({}); the state's Centra is checked by its URL only",
                    e instanceof CentraException ? e.getMessage() : e.getClass().getSimpleName());
            return Optional.of(new Binding(url, ""));
        }
    }

    /**
     * For {@code check}: what the state database says of the Centra it belongs to, compared with {@code current},
     * without changing anything.
     *
     * @return a line to print, and whether it is a problem that stops the start
     */
    public Map.Entry<String, Boolean> describe(Binding current) {
        Optional<Binding> was = bindings.read();
        if (was.isEmpty()) {
            return Map.entry("new; bound to this Centra at the first start", false);
        }
        if (same(was.get(), current)) {
            return Map.entry("belongs to this Centra", false);
        }
        if (current.url().equals(BUILT_IN_SANDBOX)) {
            return Map.entry("from an earlier run of the built-in sandbox; reset with it at the next start", false);
        }
        return Map.entry("belongs to another Centra: " + was.get() + " — run the reset-state command, or use a new"
                + " state database (STATE_DB_URL)", true);
    }

    /** The state's own Centra, for {@code check}. */
    public Optional<Binding> stored() {
        return bindings.read();
    }

    /** Empties the state (the {@code reset-state} command). */
    public List<String> reset() {
        return bindings.resetAll();
    }
}
