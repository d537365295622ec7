package org.centraerp.connector.sandbox.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Which permission each field needs, as data: {@code sandbox/permissions.yaml} maps {@code Type.field} to a Centra
 * permission such as {@code Market:read}, {@code Market.comment:read} or {@code SizeChart:write}. Fields not listed
 * need none (scalars of an object already read, payload userErrors, rateLimits).
 */
@Component
@ConditionalOnSandboxEnabled
public class PermissionTable {

    static final String RESOURCE = "sandbox/permissions.yaml";

    private final Map<String, String> byField;

    public PermissionTable() {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            byField = Map.copyOf(new ObjectMapper(new YAMLFactory()).readValue(in, new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** The permission {@code type.field} needs, or null. */
    public String required(String type, String field) {
        return byField.get(type + "." + field);
    }

    /** Every permission named in the table, for tokens and documentation. */
    public Set<String> permissions() {
        return new TreeSet<>(byField.values());
    }
}
