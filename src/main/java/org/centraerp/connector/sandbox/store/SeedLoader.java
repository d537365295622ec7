package org.centraerp.connector.sandbox.store;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Reads the seed, {@code connector.sandbox.seed} (a YAML file of Centra objects, e.g. a brand's own export) or else
 * the shipped demo store {@code sandbox/seed.yaml}, and (re)fills the {@link SandboxData}.
 */
@Component
@ConditionalOnSandboxEnabled
public class SeedLoader {

    static final String SEED = "sandbox/seed.yaml";

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .findAndRegisterModules()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String seedFile;

    public SeedLoader(@Value("${connector.sandbox.seed:}") String seedFile) {
        this.seedFile = seedFile == null ? "" : seedFile.trim();
    }

    public Seed read() {
        Resource resource = seedFile.isEmpty() ? new ClassPathResource(SEED) : new FileSystemResource(seedFile);
        String name = seedFile.isEmpty() ? SEED : seedFile;
        try (InputStream in = resource.getInputStream()) {
            return yaml.readValue(in, Seed.class);
        } catch (IOException e) {
            String what = e instanceof JsonProcessingException json && json.getLocation() != null
                    ? "line " + json.getLocation().getLineNr() + ": " + json.getOriginalMessage().lines().findFirst().orElse("")
                    : e.getMessage();
            throw new IllegalStateException("Cannot read the sandbox seed " + name + ", " + what
                    + " (fix the file, or leave connector.sandbox.seed empty for the demo store)", e);
        }
    }

    public void reseed(SandboxData data) {
        data.reset(read());
    }
}
