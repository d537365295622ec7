package org.centraerp.connector.centra;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many items (sizes of a {@code setStock}, products of a {@code setPrices}) one batch mutation should carry so
 * that the mutation-count and the complexity buckets run out together: Centra allows M mutations and C complexity
 * per window, so each call may cost C / M; a call of n items costs about {@code fixed + perItem × n}, learned from
 * the answers' {@code extensions.complexity} (a least-squares line through every batch sent so far). Cheap items or
 * a higher tier give fewer, larger calls, up to {@code max}; expensive items give smaller ones, so the complexity
 * bucket never holds back a batch the mutation bucket would have let through.
 *
 * <p>The quotas are the client limiter's (both windows), lowered to what Centra's {@code rateLimits} query reports
 * when {@link #learnQuotas} is called. Before the first answer a batch is at most {@value #FIRST} items. Thread-safe.
 */
public final class ComplexityBatchSizer {

    private static final Logger log = LoggerFactory.getLogger(ComplexityBatchSizer.class);

    /** Items of the first batch, before anything is known about their cost. */
    static final int FIRST = 100;

    private final String document;
    private final int max;
    private final List<CentraRateLimiter.Window> windows;
    private long samples;
    private double sumN;
    private double sumC;
    private double sumNN;
    private double sumNC;
    private int lastLogged;

    /**
     * @param document the batch mutation, for the log
     * @param windows  the quotas per window (requests, mutations, complexity; 0 = none)
     * @param max      the configured most items per call
     */
    public ComplexityBatchSizer(String document, List<CentraRateLimiter.Window> windows, int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the most items per call must be at least 1, not " + max);
        }
        this.document = document;
        this.windows = new ArrayList<>(windows);
        this.max = max;
    }

    /** Sized by the quotas of the client's limiter. */
    public static ComplexityBatchSizer of(String document, CentraClient centra, int max) {
        return new ComplexityBatchSizer(document, centra.rateLimiter().windows(), max);
    }

    /**
     * Lowers the quotas to Centra's own ({@code rateLimits}: the tier this environment is on), where they are
     * lower than configured or none is configured. One query; when Centra does not answer it the configured
     * quotas stay.
     */
    public ComplexityBatchSizer learnQuotas(CentraClient centra) {
        try {
            JsonNode entries = centra.query("rateLimits", Map.of()).data().path("rateLimits");
            learnQuotas(entries);
        } catch (CentraException e) {
            log.debug("rateLimits not answered ({}); batches sized by the configured quotas", e.getMessage());
        }
        return this;
    }

    synchronized void learnQuotas(JsonNode entries) {
        for (int i = 0; i < windows.size(); i++) {
            CentraRateLimiter.Window w = windows.get(i);
            String interval = w.length().toSeconds() <= 10 ? "TEN_SECONDS" : "ONE_HOUR";
            long requests = lower(w.requests(), quota(entries, "REQUEST_COUNT", interval));
            long mutations = lower(w.mutations(), quota(entries, "MUTATION_COUNT", interval));
            long complexity = lower(w.complexity(), quota(entries, "QUERY_COMPLEXITY", interval));
            windows.set(i, new CentraRateLimiter.Window(w.length(), (int) Math.min(Integer.MAX_VALUE, requests),
                    (int) Math.min(Integer.MAX_VALUE, mutations), complexity, w.refills()));
        }
    }

    private static long quota(JsonNode entries, String type, String interval) {
        for (JsonNode entry : entries) {
            if (type.equals(entry.path("type").asText()) && interval.equals(entry.path("intervalSeconds").asText())) {
                long quota = entry.path("quota").asLong(0);
                // a Centra (or sandbox) without limits reports Int max: no quota
                return quota >= Integer.MAX_VALUE ? 0 : quota;
            }
        }
        return 0;
    }

    /** The lower of two quotas where 0 means none. */
    private static long lower(long configured, long centra) {
        if (configured <= 0) {
            return Math.max(0, centra);
        }
        return centra <= 0 ? configured : Math.min(configured, centra);
    }

    /** The configured most items per call. */
    public int max() {
        return max;
    }

    /** A batch of {@code items} was answered with this {@code extensions.complexity}. */
    public synchronized void answered(int items, long complexity) {
        if (items <= 0) {
            return;
        }
        samples++;
        sumN += items;
        sumC += complexity;
        sumNN += (double) items * items;
        sumNC += (double) items * complexity;
    }

    /** Items the next batch should carry: 1..max. */
    public synchronized int size() {
        if (samples == 0) {
            return Math.min(max, FIRST);
        }
        double[] line = costLine();
        double fixed = line[0];
        double perItem = line[1];
        double budget = budgetPerCall();
        int size;
        if (perItem <= 0 || Double.isInfinite(budget)) {
            size = max;
        } else {
            size = (int) Math.max(1, Math.min(max, Math.floor((budget - fixed) / perItem)));
        }
        if (size != lastLogged) {
            lastLogged = size;
            log.info("{}: about {} complexity per call + {} per item, {} per call allowed: batches of {}{}",
                    document, Math.round(fixed), String.format(java.util.Locale.ROOT, "%.2f", perItem),
                    Double.isInfinite(budget) ? "any" : Math.round(budget), size, size == max ? " (the most)" : "");
        }
        return size;
    }

    /** {fixed, per item}: least squares through the answers; through the origin when all had the same size. */
    synchronized double[] costLine() {
        double meanN = sumN / samples;
        double meanC = sumC / samples;
        double varN = sumNN / samples - meanN * meanN;
        if (samples < 2 || varN < 1e-9) {
            return new double[] {0, meanC / meanN};
        }
        double perItem = (sumNC / samples - meanN * meanC) / varN;
        double fixed = meanC - perItem * meanN;
        if (perItem < 0 || fixed < 0) {
            return new double[] {0, Math.max(0, meanC / meanN)};
        }
        return new double[] {fixed, perItem};
    }

    /** The complexity one call may cost so that the calls a window allows use its complexity at the same pace. */
    synchronized double budgetPerCall() {
        double budget = Double.POSITIVE_INFINITY;
        for (CentraRateLimiter.Window w : windows) {
            if (w.complexity() <= 0) {
                continue;
            }
            long calls = Long.MAX_VALUE;
            if (w.mutations() > 0) {
                calls = w.mutations();
            }
            if (w.requests() > 0) {
                calls = Math.min(calls, w.requests());
            }
            budget = Math.min(budget, calls == Long.MAX_VALUE ? w.complexity() : (double) w.complexity() / calls);
        }
        return budget;
    }
}
