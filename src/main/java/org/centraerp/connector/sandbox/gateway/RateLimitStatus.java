package org.centraerp.connector.sandbox.gateway;

/** One entry of the {@code rateLimits} query; {@code quota = usedQuota + remainingQuota}. */
public record RateLimitStatus(RateLimitType type, RateLimitInterval intervalSeconds, long quota, long usedQuota,
                              long remainingQuota) {
}
