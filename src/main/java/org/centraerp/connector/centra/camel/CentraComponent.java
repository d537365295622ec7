package org.centraerp.connector.centra.camel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.support.DefaultComponent;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.state.Watermarks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The {@code centra:} Camel component: Centra's Integration API for YAML routes, through the connector's client
 * (token, rate limiter, retries, paging, userErrors).
 * <ul>
 *   <li>{@code centra:query?document=customers&pageSize=200}: as a consumer (schedule: {@code delay}, or
 *       {@code scheduler=quartz&scheduler.cron=...}) it pages through the list and emits one record (or one page,
 *       {@code emit=page}) per exchange; with {@code watermark=<name>} only what changed since the last run
 *       ({@code $from}/{@code $to} variables), the watermark moving once every exchange of the run went through.
 *       As a producer the body (a map) is the variables and the answer (all pages' records, or {@code data})
 *       becomes the body.</li>
 *   <li>{@code centra:mutation?document=...&retry=SAFE}: the body is the variables, the payload becomes the body;
 *       userErrors throw {@link org.centraerp.connector.centra.CentraUserErrorException}, which a route catches.</li>
 * </ul>
 * Documents: {@code mappings/<customer>/queries/<document>.graphql} when there is one, else the class path's
 * {@code centra/<document>.graphql}. A Spring bean, added to the Camel context as {@code centra} by
 * {@link CentraComponentRegistration}.
 */
@Component("centra-component")
public class CentraComponent extends DefaultComponent {

    /** Where a brand's own documents are. */
    static final String QUERIES = "queries";

    private final CentraClient client;
    private final Watermarks watermarks;
    private final Path queries;

    public CentraComponent(CentraClient client, Watermarks watermarks,
                           @Value("${connector.mappings-dir:mappings}") String mappingsDir,
                           @Value("${connector.customer:default}") String customer) {
        this.client = client;
        this.watermarks = watermarks;
        this.queries = Path.of(mappingsDir, customer, QUERIES);
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        CentraApiEndpoint.Operation operation = switch (remaining) {
            case "query" -> CentraApiEndpoint.Operation.QUERY;
            case "mutation" -> CentraApiEndpoint.Operation.MUTATION;
            default -> throw new IllegalArgumentException("centra:" + remaining + " — use centra:query or"
                    + " centra:mutation, e.g. centra:query?document=customers&pageSize=200");
        };
        CentraApiEndpoint endpoint = new CentraApiEndpoint(uri, this, operation);
        setProperties(endpoint, parameters);
        return endpoint;
    }

    CentraClient client() {
        return client;
    }

    Watermarks watermarks() {
        return watermarks;
    }

    /**
     * The client's name of a document: a brand's {@code queries/<name>.graphql} (given to the client as
     * {@code queries/<name>}) or the class path's.
     */
    String resolve(String document) {
        String name = document.endsWith(".graphql") ? document.substring(0, document.length() - 8) : document;
        Path file = queries.resolve(name + ".graphql");
        if (Files.isRegularFile(file)) {
            try {
                client.define(QUERIES + "/" + name, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            return QUERIES + "/" + name;
        }
        client.documentText(name); // fails with what to add when there is no such document
        return name;
    }
}
