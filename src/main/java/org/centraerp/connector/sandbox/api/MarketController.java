package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.AllocationRule;
import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.Display;
import org.centraerp.connector.sandbox.store.Market;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Store;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Markets: queries, createMarket, updateMarket and the Market type's relations. */
@Controller
@ConditionalOnSandboxEnabled
public class MarketController {

    record MarketFilter(List<Integer> id, List<Integer> storeId, StringMatch name) {
    }

    record MarketCreateInput(String name, String comment, Ref store, List<CountryRef> addCountries,
                             String externalId) {
    }

    record MarketUpdateInput(String name, String comment, Ref allocationRule, List<CountryRef> addCountries,
                             List<CountryRef> removeCountries) {
    }

    private static final Map<String, Comparator<Market>> SORT = Map.of(
            "id", Comparator.comparingInt(Market::id), "name", Comparator.comparing(Market::name));

    private final SandboxData data;

    public MarketController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<Market> markets(@Argument MarketFilter where, @Argument List<String> sort, @Argument Integer limit,
                                @Argument Integer page) {
        var filter = where == null ? new MarketFilter(null, null, null) : where;
        return ListQuery.run(data.markets.stream(),
                m -> in(filter.id(), m.id()) && in(filter.storeId(), m.storeId())
                        && StringMatch.matches(filter.name(), m.name()),
                sort, SORT, limit, page);
    }

    @QueryMapping
    public Market market(@Argument int id) {
        return data.markets.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createMarket(@Argument MarketCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            var store = input.store().require(data.stores, "Store", "store", problems);
            if (data.markets.stream().anyMatch(m -> m.name().equalsIgnoreCase(String.valueOf(input.name())))) {
                problems.error("Market with name \"" + input.name() + "\" already exists", "input", "name");
            }
            var countries = CountryRef.resolveAll(data, input.addCountries(), "addCountries", problems);
            if (!countries.isEmpty() && store.filter(s -> s.type() == StoreType.WHOLESALE).isPresent()) {
                problems.error("Countries can be added only to markets of DIRECT_TO_CONSUMER stores",
                        "input", "addCountries");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var market = new Market(data.markets.nextId(), input.name(), input.comment(), store.get().id(), null,
                    countries, input.externalId(), Instant.now());
            return Payload.of(data.markets.put(market), problems);
        });
    }

    @MutationMapping
    public Payload updateMarket(@Argument int id, @Argument MarketUpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var market = data.markets.find(id);
            if (market.isEmpty()) {
                return Payload.rejected(problems.error("Market with id " + id + " does not exist", "id"));
            }
            if (input.name() != null) {
                problems.requireText(input.name(), "name");
                if (data.markets.stream().anyMatch(m -> m.id() != id && m.name().equalsIgnoreCase(input.name()))) {
                    problems.error("Market with name \"" + input.name() + "\" already exists", "input", "name");
                }
            }
            Integer ruleId = market.get().allocationRuleId();
            if (input.allocationRule() != null) {
                var rule = input.allocationRule().find(data.allocationRules, r -> null);
                if (rule.isEmpty()) {
                    problems.error("Allocation rule with " + input.allocationRule().describe() + " does not exist",
                            "input", "allocationRule");
                }
                ruleId = rule.map(AllocationRule::id).orElse(ruleId);
            }
            var added = CountryRef.resolveAll(data, input.addCountries(), "addCountries", problems);
            var removed = CountryRef.resolveAll(data, input.removeCountries(), "removeCountries", problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var countryIds = new LinkedHashSet<>(market.get().countryIds());
            countryIds.addAll(added);
            countryIds.removeAll(removed);
            var old = market.get();
            var updated = new Market(id, input.name() != null ? input.name() : old.name(),
                    input.comment() != null ? input.comment() : old.comment(), old.storeId(), ruleId,
                    new ArrayList<>(countryIds), old.externalId(), old.createdAt());
            return Payload.of(data.markets.put(updated), problems);
        });
    }

    @SchemaMapping(typeName = "Market", field = "store")
    public Store store(Market market) {
        return data.stores.find(market.storeId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Market", field = "allocationRule")
    public AllocationRule allocationRule(Market market) {
        return data.allocationRules.find(market.allocationRuleId()).orElse(null);
    }

    @SchemaMapping(typeName = "Market", field = "assignedToCountries")
    public List<Country> assignedToCountries(Market market, @Argument OrganisationController.CountryFilter where,
                                             @Argument List<String> sort, @Argument Integer limit,
                                             @Argument Integer page) {
        var filter = where == null ? OrganisationController.CountryFilter.ALL : where;
        return ListQuery.runAll(market.countryIds().stream().flatMap(cid -> data.countries.find(cid).stream()),
                filter::matches, sort, OrganisationController.COUNTRY_SORT, limit, page);
    }

    /** The sandbox has no campaigns yet: always empty, but the arguments are checked as Centra checks them. */
    @SchemaMapping(typeName = "Market", field = "campaigns")
    public List<Object> campaigns(Market market, @Argument Integer limit) {
        ListQuery.checkedLimit(limit);
        return List.of();
    }

    @SchemaMapping(typeName = "Market", field = "displays")
    public List<Display> displays(Market market, @Argument DisplayController.DisplayFilter where,
                                  @Argument List<String> sort, @Argument Integer limit, @Argument Integer page) {
        return DisplayController.query(data, where, market.id(), sort, limit, page);
    }

    @SchemaMapping(typeName = "Market", field = "createdAt")
    public String createdAt(Market market, @Argument String format) {
        return PhpDateFormat.format(market.createdAt(), format);
    }
}
