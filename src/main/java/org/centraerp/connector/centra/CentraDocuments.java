package org.centraerp.connector.centra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * GraphQL documents from {@code classpath:centra/<name>.graphql}, read once and cached. Documents are files so
 * that no query is ever built from strings or carries data in its text; data goes in variables.
 */
final class CentraDocuments {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+(/[A-Za-z0-9_-]+)*");
    /** A mutation operation at the start of a line, comments stripped. */
    private static final Pattern MUTATION = Pattern.compile("(?m)^\\s*mutation\\b");

    /**
     * A loaded document.
     *
     * @param name     e.g. {@code stores}
     * @param text     the GraphQL text
     * @param mutation whether it holds a mutation operation
     */
    record Document(String name, String text, boolean mutation) {
    }

    private final ClassLoader classLoader;
    private final Map<String, Document> cache = new ConcurrentHashMap<>();

    CentraDocuments(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    /** @param name {@code stores} or {@code stores.graphql} */
    Document get(String name) {
        return cache.computeIfAbsent(key(name), this::load);
    }

    /**
     * Puts a document under a name in place of the classpath file of that name, e.g. the orders query built from
     * the customer's mapping, or one from {@code mappings/<customer>/queries/}.
     */
    Document define(String name, String text) {
        String key = key(name);
        if (!NAME.matcher(key).matches()) {
            throw new IllegalArgumentException("GraphQL document name '" + name + "' is not a file name");
        }
        Document document = new Document(key, text, isMutation(text));
        cache.put(key, document);
        return document;
    }

    private static String key(String name) {
        return name.endsWith(".graphql") ? name.substring(0, name.length() - ".graphql".length()) : name;
    }

    private static boolean isMutation(String text) {
        return MUTATION.matcher(text.replaceAll("#[^\\n]*", "")).find();
    }

    private Document load(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("GraphQL document name '" + name
                    + "' is not a file name under src/main/resources/centra/ (letters, digits, _ - /)");
        }
        String resource = "centra/" + name + ".graphql";
        try (InputStream in = classLoader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no GraphQL document " + resource
                        + " on the classpath — add src/main/resources/" + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Document(name, text, isMutation(text));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
