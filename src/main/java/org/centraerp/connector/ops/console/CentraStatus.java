package org.centraerp.connector.ops.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.CamelContext;
import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraEndpoint;
import org.centraerp.connector.centra.CentraException;
import org.centraerp.connector.centra.CentraResponse;
import org.centraerp.connector.ops.FlowProbe;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The Centra page: which Centra, the token's permissions against what the flows of this connector's routes read and write, its expiry, Centra's
 * rate-limit buckets (10 s and 1 h) as Centra reports them, and the connector's calls by outcome since start.
 * Asks Centra a few small queries per view; never shows the token.
 */
@Component
public class CentraStatus {

    /**
     * One flow's permissions, read and write: what the token lacks (empty when it has all) and what only a change
     * would show ({@code unprobed}).
     */
    public record FlowAccess(String flow, List<String> queries, List<String> writes, List<String> lacking,
                             List<String> unprobed) {
    }

    /** One of Centra's rate-limit buckets; {@code interval} as Centra names it. */
    public record Bucket(String type, String interval, long quota, long used, long remaining) {

        public long percent() {
            return quota <= 0 ? 0 : Math.round(100.0 * used / quota);
        }
    }

    public record View(String centra, String error, List<String> permissionsUsed, List<FlowAccess> flows,
                       Long tokenExpiryDays, List<Bucket> buckets, Map<String, Long> callsByOutcome,
                       Map<String, Long> retriesByReason, long rateLimited) {
    }

    private final CentraClient centra;
    private final CentraEndpoint endpoint;
    private final List<FlowProbe> probes;
    private final MeterRegistry registry;
    private final CamelContext camel;

    public CentraStatus(CentraClient centra, CentraEndpoint endpoint, List<FlowProbe> probes,
                        ObjectProvider<MeterRegistry> registry, CamelContext camel) {
        this.camel = camel;
        this.centra = centra;
        this.endpoint = endpoint;
        this.probes = probes.stream().sorted(Comparator.comparing(FlowProbe::flow)).toList();
        this.registry = registry.getIfAvailable();
    }

    public View view() {
        String error = null;
        List<String> used = List.of();
        List<FlowAccess> flows = new ArrayList<>();
        List<Bucket> buckets = new ArrayList<>();
        try {
            CentraResponse stores = centra.query("stores", Map.of());
            used = stores.permissionsUsed();
            for (FlowProbe probe : probes) {
                if (camel.getRoute(probe.flow()) != null) {
                    flows.add(access(probe));
                }
            }
            for (JsonNode bucket : centra.query("rateLimits", Map.of()).data().path("rateLimits")) {
                buckets.add(new Bucket(bucket.path("type").asText(), bucket.path("intervalSeconds").asText(),
                        bucket.path("quota").asLong(), bucket.path("usedQuota").asLong(),
                        bucket.path("remainingQuota").asLong()));
            }
        } catch (CentraException e) {
            error = e.getMessage();
        }
        return new View(describe(), error, used, flows, tokenExpiryDays().orElse(null), buckets,
                countsBy("connector.centra.requests", "outcome"), countsBy("connector.centra.retries", "reason"),
                countsBy("connector.centra.rate_limited", "document").values().stream().mapToLong(Long::longValue).sum());
    }

    private String describe() {
        try {
            return endpoint.describe();
        } catch (RuntimeException e) {
            return "not configured: " + e.getMessage();
        }
    }

    private FlowAccess access(FlowProbe probe) {
        return new FlowAccess(probe.flow(), probe.queryDocuments(), probe.writeDocuments(),
                List.copyOf(probe.lackedBy(centra)), probe.unprobed());
    }

    /** From the token expiry gauge, where the connector knows the expiry date (CENTRA_TOKEN_EXPIRES). */
    private Optional<Long> tokenExpiryDays() {
        Gauge gauge = registry == null ? null : registry.find("connector.centra.token.expiry.days").gauge();
        return gauge == null ? Optional.empty() : Optional.of((long) gauge.value());
    }

    private Map<String, Long> countsBy(String meter, String tag) {
        Map<String, Long> counts = new TreeMap<>();
        if (registry == null) {
            return counts;
        }
        registry.find(meter).meters().forEach(m -> {
            long count = m instanceof Timer t ? t.count() : m instanceof Counter c ? (long) c.count() : 0;
            counts.merge(String.valueOf(m.getId().getTag(tag)), count, Long::sum);
        });
        return counts;
    }
}
