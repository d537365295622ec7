package org.centraerp.connector.sandbox.fidelity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * One of Centra's documented request/answer pairs, kept as data in {@code src/test/resources/centra-examples}
 * ({@code {"source", "operation", "request", "response"}}). Some documented requests spread a fragment that the docs
 * page defines elsewhere; {@code centra-examples/fragments/<name>.graphql} holds such a fragment, restated from the
 * fields of the documented answer, so the example can also be replayed whole ({@link #repaired()}).
 */
public record CentraExample(String name, String operation, String request, JsonNode response) {

    static final String FOLDER = "centra-examples";
    private static final Pattern SPREAD = Pattern.compile("\\.\\.\\.\\s*([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern DEFINED = Pattern.compile("fragment\\s+([A-Za-z_][A-Za-z0-9_]*)");

    /** Every example on the class path, in file name order (the order the documented mutations build on). */
    public static List<CentraExample> all(ObjectMapper json) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:" + FOLDER + "/*.json");
            List<CentraExample> examples = new ArrayList<>();
            for (Resource file : Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                try (InputStream in = file.getInputStream()) {
                    JsonNode node = json.readTree(in);
                    if (node.hasNonNull("request")) {
                        examples.add(new CentraExample(file.getFilename(), node.path("operation").asText(),
                                node.get("request").asText(), node.path("response")));
                    }
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fragments the request spreads but never defines. */
    public Set<String> undefinedFragments() {
        Set<String> used = names(SPREAD, request);
        used.remove("on");
        used.removeAll(names(DEFINED, request));
        return used;
    }

    /** The request with the fragments it lacks appended, when the project keeps all of them; else empty. */
    public Optional<String> repaired() {
        Set<String> missing = undefinedFragments();
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder document = new StringBuilder(request);
        for (String fragment : missing) {
            String path = FOLDER + "/fragments/" + fragment + ".graphql";
            try (InputStream in = CentraExample.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    return Optional.empty();
                }
                document.append("\n\n").append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Optional.of(document.toString());
    }

    private static Set<String> names(Pattern pattern, String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
