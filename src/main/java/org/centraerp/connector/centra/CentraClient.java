package org.centraerp.connector.centra;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The only place that speaks GraphQL to Centra. Documents are named files under {@code classpath:centra/}
 * ({@code query("stores", Map.of())} runs {@code centra/stores.graphql}); data always goes in variables.
 *
 * <p>Thread-safe; share one instance. Every call waits for the client-side rate limiter, retries what is safe to
 * retry, and fails with a {@link CentraException} subclass whose one-line message says what to do.
 */
public final class CentraClient implements AutoCloseable {

    /** Largest {@code limit} Centra accepts on list queries ("Limit must be in range 1 - 200"). */
    public static final int MAX_PAGE_SIZE = 200;

    /** Whether a mutation may be sent again when Centra may have received it but no answer came back. */
    public enum Retry {
        /** Idempotent (e.g. {@code setStock} absolute levels, {@code setIdConversions}): retried on 5xx/timeouts. */
        SAFE,
        /** Not idempotent (e.g. {@code changeStock} deltas, {@code createShipment}): sent once. */
        NEVER
    }

    private final CentraDocuments documents = new CentraDocuments(CentraClient.class.getClassLoader());
    private final Map<String, Long> lastComplexity = new ConcurrentHashMap<>();
    private final CentraEndpoint endpoint;
    private final CentraHttp http;
    private final CentraTransport transport;
    private final CentraEnvelope envelope;
    private final CentraMetrics metrics;
    private final CentraClock clock;
    private final ObjectMapper json;

    private final CentraAccess access;

    public CentraClient(CentraProperties properties, CentraEndpoint endpoint, CentraRateLimiter limiter,
                        CentraMetrics metrics, ObjectMapper json, CentraClock clock, RandomGenerator random) {
        this(properties, endpoint, limiter, metrics, json, clock, random,
                new CentraAccess(endpoint.token().fromFile()));
    }

    /** @param access told of every refused and accepted token, so flows can pause and resume */
    public CentraClient(CentraProperties properties, CentraEndpoint endpoint, CentraRateLimiter limiter,
                        CentraMetrics metrics, ObjectMapper json, CentraClock clock, RandomGenerator random,
                        CentraAccess access) {
        this.access = access;
        this.endpoint = endpoint;
        this.metrics = metrics;
        this.clock = clock;
        this.json = json;
        this.envelope = new CentraEnvelope(json);
        this.http = new CentraHttp(properties.timeout(), properties.connectTimeout());
        Backoff backoff = new Backoff(properties.retry().initialBackoff(), properties.retry().maxBackoff(), random);
        this.transport = new CentraTransport(properties, endpoint, http, limiter, envelope, metrics, clock, backoff,
                access);
    }

    /** A client from properties alone: no metrics, system clock. */
    public static CentraClient create(CentraProperties properties) {
        return new CentraClient(properties,
                new CentraEndpoint(properties.url(), properties.connectTimeout(),
                        CentraToken.of(properties.token(), properties.tokenFile())),
                CentraRateLimiter.of(properties.rateLimit(), CentraClock.SYSTEM),
                CentraMetrics.none(), defaultJson(), CentraClock.SYSTEM, RandomGenerator.getDefault());
    }

    /** Jackson as Spring Boot sets it up for the parts that matter here: java.time values as ISO-8601 text. */
    static ObjectMapper defaultJson() {
        return JsonMapper.builder().findAndAddModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    }

    public CentraEndpoint endpoint() {
        return endpoint;
    }

    /** Whether Centra accepts the token right now. */
    public CentraAccess access() {
        return access;
    }

    /**
     * Uses {@code text} for the document {@code name} from now on, in place of {@code centra/<name>.graphql}: the
     * queries built from the customer's mappings, and hand-written ones from {@code mappings/<customer>/queries/}.
     */
    public void define(String name, String text) {
        documents.define(name, text);
    }

    /** The text of the document as it is sent (built, overridden or from the classpath). */
    public String documentText(String name) {
        return documents.get(name).text();
    }

    /** Whether the document holds a mutation. */
    public boolean isMutation(String name) {
        return documents.get(name).mutation();
    }

    /** Runs a query document; retried on 429, 5xx, timeouts and dropped connections. */
    public CentraResponse query(String document, Map<String, Object> variables) {
        CentraDocuments.Document doc = documents.get(document);
        if (doc.mutation()) {
            throw new IllegalArgumentException("document '" + doc.name() + "' is a mutation — call mutate(…, Retry)"
                    + " so it counts against the mutation limit and is not repeated unless safe");
        }
        return timed(doc.name(), () -> toResponse(doc.name(), send(doc, variables, true)), response -> "success");
    }

    /**
     * Runs a mutation document. userErrors are returned (see {@link MutationResult#orThrow()}), never retried.
     *
     * @param retry {@link Retry#SAFE} if sending it twice does no harm
     */
    public MutationResult mutate(String document, Map<String, Object> variables, Retry retry) {
        CentraDocuments.Document doc = documents.get(document);
        if (!doc.mutation()) {
            throw new IllegalArgumentException("document '" + doc.name() + "' is not a mutation — call query(…)");
        }
        return timed(doc.name(), () -> toMutationResult(doc.name(), send(doc, variables, retry == Retry.SAFE)),
                result -> result.ok() ? "success" : "user_error");
    }

    /**
     * Items of a list query, fetched lazily page by page: sets variables {@code limit} and {@code page} (1, 2, …)
     * and stops after a page with fewer than {@code pageSize} items.
     *
     * @param listField where the list is under {@code data}, e.g. {@code products} or {@code warehouse.stock}
     * @param pageSize  1..200
     */
    public Stream<JsonNode> pages(String document, Map<String, Object> variables, String listField, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size " + pageSize + " for document '" + document
                    + "' is outside Centra's range 1.." + MAX_PAGE_SIZE);
        }
        Map<String, Object> base = variables == null ? Map.of() : variables;
        Spliterator<JsonNode> items = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            private int page;
            private boolean lastPage;
            private Iterator<JsonNode> current = List.<JsonNode>of().iterator();

            @Override
            public boolean tryAdvance(Consumer<? super JsonNode> action) {
                while (!current.hasNext()) {
                    if (lastPage) {
                        return false;
                    }
                    Map<String, Object> pageVariables = new LinkedHashMap<>(base);
                    pageVariables.put("limit", pageSize);
                    pageVariables.put("page", ++page);
                    JsonNode list = listAt(document, query(document, pageVariables).data(), listField);
                    lastPage = list.size() < pageSize;
                    current = list.iterator();
                }
                action.accept(current.next());
                return true;
            }
        };
        return StreamSupport.stream(items, false);
    }

    private JsonNode send(CentraDocuments.Document doc, Map<String, Object> variables, boolean repeatable) {
        byte[] body = requestBody(doc, variables);
        long expected = lastComplexity.getOrDefault(doc.name(), 0L);
        JsonNode root = transport.exchange(doc.name(), body, doc.mutation(), repeatable, expected);
        lastComplexity.put(doc.name(), CentraEnvelope.complexityOf(root));
        return root;
    }

    private byte[] requestBody(CentraDocuments.Document doc, Map<String, Object> variables) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("query", doc.text());
        request.put("variables", variables == null ? Map.of() : variables);
        try {
            return json.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("variables of document '" + doc.name()
                    + "' cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private CentraResponse toResponse(String document, JsonNode root) {
        return envelope.read(document, root);
    }

    /**
     * The single top-level field is the payload. A document with several mutations gets the whole {@code data}
     * as payload and the problems of every field, their paths prefixed with the field name.
     */
    private MutationResult toMutationResult(String document, JsonNode root) {
        CentraResponse response = toResponse(document, root);
        JsonNode data = response.data();
        if (data.size() == 1) {
            JsonNode payload = data.elements().next();
            return new MutationResult(document, payload, CentraEnvelope.problems(payload, "userErrors"),
                    CentraEnvelope.problems(payload, "userWarnings"), response);
        }
        List<CentraProblem> errors = new ArrayList<>();
        List<CentraProblem> warnings = new ArrayList<>();
        data.fields().forEachRemaining(field -> {
            errors.addAll(prefixed(field.getKey(), CentraEnvelope.problems(field.getValue(), "userErrors")));
            warnings.addAll(prefixed(field.getKey(), CentraEnvelope.problems(field.getValue(), "userWarnings")));
        });
        return new MutationResult(document, data.isEmpty() ? NullNode.getInstance() : data, errors, warnings,
                response);
    }

    private static List<CentraProblem> prefixed(String field, List<CentraProblem> problems) {
        return problems.stream().map(p -> {
            List<String> path = new ArrayList<>(List.of(field));
            path.addAll(p.path());
            return new CentraProblem(p.message(), path);
        }).toList();
    }

    private static JsonNode listAt(String document, JsonNode data, String listField) {
        JsonNode node = data;
        for (String part : listField.split("\\.")) {
            node = node.path(part);
        }
        if (!node.isArray()) {
            throw new CentraQueryException("document '" + document + "' answered no list at data." + listField
                    + " — check the listField argument against the document");
        }
        return node;
    }

    private <T> T timed(String document, Supplier<T> call, Function<T, String> outcome) {
        long start = clock.nanoTime();
        try {
            T result = call.get();
            metrics.call(document, outcome.apply(result), Duration.ofNanos(clock.nanoTime() - start));
            return result;
        } catch (CentraException e) {
            metrics.call(document, CentraMetrics.outcomeOf(e), Duration.ofNanos(clock.nanoTime() - start));
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing the Centra HTTP client", e);
        }
    }
}
