package org.centraerp.connector.ops;

import java.util.List;
import java.util.Optional;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraSchema;
import org.centraerp.connector.mapping.CentraQueries;
import org.centraerp.connector.mapping.CentraMismatchError;
import org.centraerp.connector.mapping.MappingRepository;
import org.centraerp.connector.state.CentraSchemaCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * At start (and in {@code check}): reads Centra's schema by introspection, checks every {@code from:} path of the
 * Centra → ERP mappings and every {@code mappings/<customer>/queries/*.graphql} against it, and gives the client the
 * queries built from the mappings. A problem stops the start. Centra out of reach: the schema last read (state
 * database) is used, with a warning; none yet: the shipped queries are used unchecked.
 *
 * <p>A lifecycle bean of the default phase: it runs after the web server started (the built-in sandbox answers
 * then) and before the Camel routes start (on the context-refreshed event), so no flow runs an unchecked query.
 */
@Component
public class MappingSchemaCheck implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MappingSchemaCheck.class);

    private final CentraClient centra;
    private final CentraEndpoint endpoint;
    private final MappingRepository mappings;
    private final CentraSchemaCache cache;
    private volatile boolean running;
    private volatile CentraSchema schema;
    private volatile List<CentraQueries.Query> queries = List.of();

    public MappingSchemaCheck(CentraClient centra, CentraEndpoint endpoint, MappingRepository mappings,
                              CentraSchemaCache cache) {
        this.centra = centra;
        this.endpoint = endpoint;
        this.mappings = mappings;
        this.cache = cache;
    }

    @Override
    public void start() {
        schema = readSchema().orElse(null);
        CentraQueries.Outcome outcome = CentraQueries.plan(mappings.mappings(), schema);
        if (!outcome.problems().isEmpty()) {
            throw new CentraMismatchError("customer '" + mappings.customer() + "' (checked against Centra's"
                    + " schema)", outcome.problems());
        }
        outcome.queries().forEach(q -> centra.define(q.document(), q.text()));
        queries = outcome.queries();
        if (!queries.isEmpty()) {
            log.info("Centra queries from the mappings of '{}': {}", mappings.customer(),
                    queries.stream().map(q -> q.document() + " (" + q.source() + ")").toList());
        }
        running = true;
    }

    /** The schema checked against; empty when none could be read. */
    public Optional<CentraSchema> schema() {
        return Optional.ofNullable(schema);
    }

    /** The queries given to the client (built or the customer's own). */
    public List<CentraQueries.Query> queries() {
        return queries;
    }

    private Optional<CentraSchema> readSchema() {
        String target;
        try {
            target = endpoint.target().sandbox() ? "sandbox" : endpoint.target().uri().toString();
        } catch (CentraException e) {
            log.warn("Mappings not checked against Centra's schema ({}); the shipped queries are used", e.getMessage());
            return Optional.empty();
        }
        try {
            CentraSchema read = CentraSchema.introspect(centra);
            keep(target, read);
            return Optional.of(read);
        } catch (CentraException | IllegalArgumentException | graphql.GraphQLException e) {
            Optional<String> kept = kept(target);
            if (kept.isPresent()) {
                log.warn("Centra's schema could not be read ({}); the mappings are checked against the one read"
                        + " last from {}", e.getMessage(), target);
                return Optional.of(CentraSchema.fromSdl(kept.get()));
            }
            log.warn("Centra's schema could not be read ({}) and none was read before; the mappings are not checked"
                    + " and the shipped queries are used", e.getMessage());
            return Optional.empty();
        }
    }

    private void keep(String target, CentraSchema read) {
        try {
            cache.save(target, read.sdl());
        } catch (DataAccessException e) {
            log.warn("Centra's schema not kept in the state database ({})", e.getMostSpecificCause().getMessage());
        }
    }

    private Optional<String> kept(String target) {
        try {
            return cache.read(target);
        } catch (DataAccessException e) {
            return Optional.empty();
        }
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
