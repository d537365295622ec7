package org.centraerp.connector.sandbox.gateway;

/** Centra's three token buckets. */
public enum RateLimitType { REQUEST_COUNT, QUERY_COMPLEXITY, MUTATION_COUNT }
