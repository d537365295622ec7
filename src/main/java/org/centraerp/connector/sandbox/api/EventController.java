package org.centraerp.connector.sandbox.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.store.Event;
import org.centraerp.connector.sandbox.store.EventListener;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The Integration API's event queue: setEventListeners/unsetEventListeners/eventListeners, {@code events} (oldest
 * unconfirmed first, returned again until confirmed) and confirmEvents. The sandbox's tokens share one integration
 * ("sandbox") and so one queue.
 */
@Controller
@ConditionalOnSandboxEnabled
public class EventController {

    static final String INTEGRATION = "sandbox";

    record EventListenerInput(String objectType, List<String> changeTypes) {
    }

    record EventFilter(List<String> objectType, List<String> changeType, Integer storeId, Integer marketId) {
    }

    record EventsConfirmInput(List<Integer> eventsIds) {
    }

    private final SandboxData data;

    public EventController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<EventListener> eventListeners() {
        return data.eventListeners().values().stream().sorted(Comparator.comparing(EventListener::objectType)).toList();
    }

    @QueryMapping
    public List<Event> events(@Argument EventFilter where, @Argument Integer limit) {
        int size = ListQuery.checkedLimit(limit);
        return data.events.stream().filter(e -> where == null
                        || (where.objectType() == null || where.objectType().contains(e.objectType()))
                        && (where.changeType() == null || where.changeType().contains(e.changeType()))
                        && (where.storeId() == null || where.storeId().equals(e.storeId()))
                        && (where.marketId() == null || where.marketId().equals(e.marketId())))
                .limit(size).toList();
    }

    /** Additive and idempotent: a type already listened to gains the change types given (none: all of them). */
    @MutationMapping
    public Payload setEventListeners(@Argument List<EventListenerInput> input) {
        return data.write(() -> {
            Instant now = Instant.now();
            for (EventListenerInput wanted : input) {
                data.eventListeners().merge(wanted.objectType(),
                        new EventListener(INTEGRATION, wanted.objectType(), types(wanted.changeTypes()), now, now),
                        (old, added) -> new EventListener(INTEGRATION, old.objectType(),
                                union(old.changeTypes(), added.changeTypes()), old.createdAt(), now));
            }
            return new Payload(eventListeners(), List.of(), List.of());
        });
    }

    /** Removes the listeners (or some of their change types) and deletes the queued events they no longer want. */
    @MutationMapping
    public Payload unsetEventListeners(@Argument List<EventListenerInput> input) {
        return data.write(() -> {
            var problems = new Problems();
            Instant now = Instant.now();
            for (EventListenerInput unwanted : input) {
                EventListener listener = data.eventListeners().get(unwanted.objectType());
                if (listener == null) {
                    problems.warning("No event listener for " + unwanted.objectType(), "input");
                    continue;
                }
                List<String> left = new ArrayList<>();
                if (unwanted.changeTypes() != null && !unwanted.changeTypes().isEmpty()
                        && listener.changeTypes() != null && !listener.changeTypes().isEmpty()) {
                    left.addAll(listener.changeTypes());
                    left.removeAll(unwanted.changeTypes());
                }
                if (left.isEmpty()) {
                    data.eventListeners().remove(unwanted.objectType());
                } else {
                    data.eventListeners().put(unwanted.objectType(), new EventListener(INTEGRATION,
                            listener.objectType(), List.copyOf(left), listener.createdAt(), now));
                }
                EventListener kept = data.eventListeners().get(unwanted.objectType());
                data.events.stream().filter(e -> e.objectType().equals(unwanted.objectType())
                                && (kept == null || !kept.wants(e.changeType())))
                        .map(Event::id).toList().forEach(data.events::remove);
            }
            return new Payload(eventListeners(), problems.errors(), problems.warnings());
        });
    }

    @MutationMapping
    public Payload confirmEvents(@Argument EventsConfirmInput input) {
        return data.write(() -> {
            var problems = new Problems();
            List<Integer> ids = input.eventsIds() == null ? List.of() : input.eventsIds();
            for (int i = 0; i < ids.size(); i++) {
                if (data.events.remove(ids.get(i)) == null) {
                    // guess: Centra's wording; confirming an unknown or already confirmed event is harmless
                    problems.warning("Event " + ids.get(i) + " does not exist or is already confirmed",
                            "input", "eventsIds", Integer.toString(i));
                }
            }
            return new Payload(null, problems.errors(), problems.warnings());
        });
    }

    private static List<String> types(List<String> changeTypes) {
        return changeTypes == null ? List.of() : List.copyOf(changeTypes);
    }

    private static List<String> union(List<String> a, List<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        var all = new LinkedHashSet<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
