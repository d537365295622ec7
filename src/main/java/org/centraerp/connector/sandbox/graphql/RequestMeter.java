package org.centraerp.connector.sandbox.graphql;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import graphql.execution.instrumentation.InstrumentationState;

import org.centraerp.connector.sandbox.gateway.SandboxToken;

/** Per GraphQL request: the token, the permissions used (in order, once each) and the complexity so far. */
final class RequestMeter implements InstrumentationState {

    private final SandboxToken token;
    private final Set<String> permissionsUsed = new LinkedHashSet<>();
    private final AtomicLong complexity = new AtomicLong();

    RequestMeter(SandboxToken token) {
        this.token = token;
    }

    /** Records the permission as used and says whether the token holds it. */
    synchronized boolean use(String permission) {
        permissionsUsed.add(permission);
        return token != null && token.grants(permission);
    }

    synchronized List<String> permissionsUsed() {
        return new ArrayList<>(permissionsUsed);
    }

    /** One point per resolved field, one more per list item returned. */
    void countField(Object value) {
        complexity.incrementAndGet();
        if (value instanceof Collection<?> list) {
            complexity.addAndGet(list.size());
        }
    }

    long complexity() {
        return complexity.get();
    }
}
