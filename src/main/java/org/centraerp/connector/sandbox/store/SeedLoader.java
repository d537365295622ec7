package org.centraerp.connector.sandbox.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** Reads {@code sandbox/seed.yaml} and (re)fills the {@link SandboxData}. */
@Component
@ConditionalOnSandboxEnabled
public class SeedLoader {

    static final String SEED = "sandbox/seed.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public Seed read() {
        try (InputStream in = new ClassPathResource(SEED).getInputStream()) {
            return yaml.readValue(in, Seed.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox seed " + SEED + ": " + e.getMessage(), e);
        }
    }

    public void reseed(SandboxData data) {
        data.reset(read());
    }
}
