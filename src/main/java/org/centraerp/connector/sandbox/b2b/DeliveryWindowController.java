package org.centraerp.connector.sandbox.b2b;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Problems;
import org.centraerp.connector.sandbox.api.Ref;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.DeliveryWindow;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * B2B delivery windows: deliveryWindows, deliveryWindow, createDeliveryWindow, updateDeliveryWindow,
 * setDeliveryWindowVariants and unsetDeliveryWindowVariants (Centra's wholesale examples).
 */
@Controller
@ConditionalOnSandboxEnabled
public class DeliveryWindowController {

    /** Centra: "Up to 100 variants can be specified in a single mutation". */
    static final int MAX_VARIANTS = 100;

    record DeliveryWindowFilter(List<Integer> id, List<Status> status, StringMatch name) {
    }

    record PreorderInput(DateRange deliveryDateRange, DateRange salesDateRange, String allocationOrder) {
    }

    record AtOnceInput(Integer daysFromNow, Boolean selectableDate) {
    }

    /** DeliveryWindowCreateInput and DeliveryWindowUpdateInput. */
    record WindowInput(String name, Status status, Boolean deliveryDatesVisible, Boolean selectableByBuyers,
                       Boolean selectedByDefault, String defaultVariantDeliveryType, Ref allocationRule,
                       List<Ref> markets, PreorderInput preorder, AtOnceInput atOnce, String externalId) {
    }

    record LimitInput(Integer value, String type, String on) {
    }

    record VariantInput(Ref productVariant, String type, LimitInput limit) {
    }

    record VariantsSetInput(Ref deliveryWindow, List<VariantInput> variants) {
    }

    record VariantsUnsetInput(Ref deliveryWindow, List<Ref> productVariants) {
    }

    private final SandboxData data;

    public DeliveryWindowController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<DeliveryWindow> deliveryWindows(@Argument DeliveryWindowFilter where, @Argument List<String> sort,
                                                @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? new DeliveryWindowFilter(null, null, null) : where;
        return ListQuery.run(data.deliveryWindows.stream(),
                w -> in(filter.id(), w.id()) && in(filter.status(), w.status())
                        && StringMatch.matches(filter.name(), w.name()),
                sort, Map.of("id", Comparator.comparingInt(DeliveryWindow::id),
                        "name", Comparator.comparing(DeliveryWindow::name)), limit, page);
    }

    @QueryMapping
    public DeliveryWindow deliveryWindow(@Argument int id) {
        return data.deliveryWindows.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createDeliveryWindow(@Argument WindowInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            if ((input.preorder() == null) == (input.atOnce() == null)) {
                // guess: Centra's wording; a window is either pre-order or at once
                problems.error("Exactly one of preorder or atOnce must be provided", "input");
            }
            var draft = new DeliveryWindow(0, input.name(), input.status(), input.preorder() != null, false, false,
                    false, input.defaultVariantDeliveryType(), null, List.of(), null, false, null, null, null, null,
                    null, List.of(), null);
            DeliveryWindow window = apply(draft, input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            window = data.deliveryWindows.put(renumbered(window, data.deliveryWindows.nextId()));
            return Payload.of(window, problems);
        });
    }

    @MutationMapping
    public Payload updateDeliveryWindow(@Argument int id, @Argument WindowInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.deliveryWindows.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Delivery window with id " + id + " does not exist", "id"));
            }
            DeliveryWindow window = apply(found.get(), input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.deliveryWindows.put(window);
            return Payload.of(window, problems);
        });
    }

    @MutationMapping
    public Payload setDeliveryWindowVariants(@Argument VariantsSetInput input) {
        return changeVariants(input.deliveryWindow(), (window, problems) -> {
            if (input.variants().size() > MAX_VARIANTS) {
                problems.error("Up to " + MAX_VARIANTS + " variants can be specified in a single mutation", "input",
                        "variants");
            }
            Map<Integer, DeliveryWindow.Variant> variants = new LinkedHashMap<>();
            window.variants().forEach(v -> variants.put(v.productVariantId(), v));
            for (VariantInput given : input.variants()) {
                var variant = given.productVariant().find(data.productVariants, v -> v.externalId());
                if (variant.isEmpty()) {
                    problems.error("Product variant with " + given.productVariant().describe() + " does not exist",
                            "input", "variants");
                    continue;
                }
                LimitInput limit = given.limit();
                variants.put(variant.get().id(), new DeliveryWindow.Variant(variant.get().id(),
                        given.type() != null ? given.type() : window.defaultVariantDeliveryType(),
                        limit == null ? null : new DeliveryWindow.Limit(limit.value(), limit.type(), limit.on())));
            }
            return new ArrayList<>(variants.values());
        });
    }

    @MutationMapping
    public Payload unsetDeliveryWindowVariants(@Argument VariantsUnsetInput input) {
        return changeVariants(input.deliveryWindow(), (window, problems) -> {
            List<Integer> removed = new ArrayList<>();
            for (Ref ref : input.productVariants()) {
                ref.find(data.productVariants, v -> v.externalId()).ifPresentOrElse(v -> removed.add(v.id()),
                        () -> problems.error("Product variant with " + ref.describe() + " does not exist", "input",
                                "productVariants"));
            }
            return window.variants().stream().filter(v -> !removed.contains(v.productVariantId())).toList();
        });
    }

    /**
     * Replaces the variants of the window {@code ref} names with what {@code change} makes of them; rejected when
     * there is no such window or {@code change} reported problems.
     */
    private Payload changeVariants(Ref ref,
                                   BiFunction<DeliveryWindow, Problems, List<DeliveryWindow.Variant>> change) {
        return data.write(() -> {
            var problems = new Problems();
            var window = ref.find(data.deliveryWindows, DeliveryWindow::externalId);
            if (window.isEmpty()) {
                return Payload.rejected(problems.error("Delivery window with " + ref.describe() + " does not exist",
                        "input", "deliveryWindow"));
            }
            List<DeliveryWindow.Variant> variants = change.apply(window.get(), problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var updated = data.deliveryWindows.put(window.get().withVariants(variants));
            return Payload.of(updated, problems);
        });
    }

    private DeliveryWindow apply(DeliveryWindow old, WindowInput input, Problems problems) {
        Integer ruleId = old.allocationRuleId();
        if (input.allocationRule() != null) {
            ruleId = input.allocationRule().id() == null ? null
                    : input.allocationRule().require(data.allocationRules, "Allocation rule", "allocationRule", problems)
                    .map(r -> r.id()).orElse(null);
        }
        List<Integer> marketIds = old.marketIds();
        if (input.markets() != null) {
            marketIds = new ArrayList<>();
            for (Ref ref : input.markets()) {
                var market = ref.find(data.markets, m -> m.externalId());
                if (market.isEmpty()) {
                    problems.error("Market with " + ref.describe() + " does not exist", "input", "markets");
                } else {
                    marketIds.add(market.get().id());
                }
            }
        }
        boolean preorder = input.preorder() != null || (input.atOnce() == null && old.preorder());
        Integer daysFromNow = old.daysFromNow();
        boolean selectableDate = old.selectableDate();
        if (input.atOnce() != null) {
            Integer days = input.atOnce().daysFromNow();
            // Centra answers null for "available now" (daysFromNow: 0 in its example)
            daysFromNow = days == null || days == 0 ? null : days;
            selectableDate = Boolean.TRUE.equals(input.atOnce().selectableDate());
        }
        String allocationOrder = old.allocationOrder();
        Instant deliveryStart = old.deliveryStartDate();
        Instant deliveryEnd = old.deliveryEndDate();
        Instant salesStart = old.salesStartDate();
        Instant salesEnd = old.salesEndDate();
        PreorderInput pre = input.preorder();
        if (pre != null) {
            allocationOrder = pre.allocationOrder();
            deliveryStart = pre.deliveryDateRange().from();
            deliveryEnd = pre.deliveryDateRange().to();
            salesStart = pre.salesDateRange().from();
            salesEnd = pre.salesDateRange().to();
            if (deliveryStart == null || deliveryEnd == null || salesStart == null || salesEnd == null) {
                problems.error("Date ranges of a pre-order delivery window need both from and to", "input", "preorder");
            } else if (deliveryEnd.isBefore(deliveryStart) || salesEnd.isBefore(salesStart)) {
                problems.error("A date range must not end before it starts", "input", "preorder");
            }
        }
        return new DeliveryWindow(old.id(), input.name() != null ? input.name() : old.name(),
                input.status() != null ? input.status() : old.status(), preorder,
                pick(input.deliveryDatesVisible(), old.deliveryDatesVisible()),
                pick(input.selectableByBuyers(), old.selectableByBuyers()),
                pick(input.selectedByDefault(), old.selectedByDefault()),
                input.defaultVariantDeliveryType() != null ? input.defaultVariantDeliveryType()
                        : old.defaultVariantDeliveryType(),
                ruleId, marketIds, preorder ? null : daysFromNow, !preorder && selectableDate,
                preorder ? allocationOrder : null, preorder ? deliveryStart : null, preorder ? deliveryEnd : null,
                preorder ? salesStart : null, preorder ? salesEnd : null, old.variants(),
                input.externalId() != null ? input.externalId() : old.externalId());
    }

    private static DeliveryWindow renumbered(DeliveryWindow w, int id) {
        return new DeliveryWindow(id, w.name(), w.status(), w.preorder(), w.deliveryDatesVisible(),
                w.selectableByBuyers(), w.selectedByDefault(), w.defaultVariantDeliveryType(), w.allocationRuleId(),
                w.marketIds(), w.daysFromNow(), w.selectableDate(), w.allocationOrder(), w.deliveryStartDate(),
                w.deliveryEndDate(), w.salesStartDate(), w.salesEndDate(), w.variants(), w.externalId());
    }

    private static boolean pick(Boolean given, boolean old) {
        return given != null ? given : old;
    }
}
