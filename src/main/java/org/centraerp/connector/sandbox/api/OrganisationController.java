package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.gateway.RateLimitStatus;
import org.centraerp.connector.sandbox.gateway.RateLimiter;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.AllocationRule;
import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.CountryFacts;
import org.centraerp.connector.sandbox.store.Currency;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Store;
import org.centraerp.connector.sandbox.store.StoreType;
import org.centraerp.connector.sandbox.store.Warehouse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Read-only master data: stores, countries, currencies, allocation rules, warehouses; and {@code rateLimits}. */
@Controller
@ConditionalOnSandboxEnabled
public class OrganisationController {

    record StoreFilter(List<Integer> id, StoreType type) {
    }

    record CountryFilter(List<Integer> id, List<String> code, List<String> ISO2, StringMatch name,
                         StringMatch continent, Boolean isEU) {

        static final CountryFilter ALL = new CountryFilter(null, null, null, null, null, null);

        boolean matches(Country c) {
            return in(id, c.id()) && in(code, c.code()) && in(ISO2, c.code()) && StringMatch.matches(name, c.name())
                    && StringMatch.matches(continent, CountryFacts.continent(c.code()))
                    && (isEU == null || isEU == CountryFacts.isEU(c.code()));
        }
    }

    record CurrencyFilter(List<Integer> id, Boolean isBase, List<String> code) {
    }

    record AllocationRuleFilter(List<Integer> id) {
    }

    record WarehouseFilter(List<Integer> id, StringMatch name, List<Status> status) {
    }

    static final Map<String, Comparator<Country>> COUNTRY_SORT = Map.of(
            "id", Comparator.comparingInt(Country::id), "name", Comparator.comparing(Country::name));

    private final SandboxData data;
    private final RateLimiter rateLimiter;

    public OrganisationController(SandboxData data, RateLimiter rateLimiter) {
        this.data = data;
        this.rateLimiter = rateLimiter;
    }

    @QueryMapping
    public List<RateLimitStatus> rateLimits() {
        return rateLimiter.status();
    }

    @QueryMapping
    public List<Store> stores(@Argument StoreFilter where, @Argument List<String> sort, @Argument Integer limit,
                              @Argument Integer page) {
        var filter = where == null ? new StoreFilter(null, null) : where;
        return ListQuery.run(data.stores.stream(),
                s -> in(filter.id(), s.id()) && (filter.type() == null || filter.type() == s.type()),
                sort, Map.of("id", Comparator.comparingInt(Store::id), "name", Comparator.comparing(Store::name)),
                limit, page);
    }

    @QueryMapping
    public List<Country> countries(@Argument CountryFilter where, @Argument List<String> sort,
                                   @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? CountryFilter.ALL : where;
        return ListQuery.run(data.countries.stream(), filter::matches, sort, COUNTRY_SORT, limit, page);
    }

    @QueryMapping
    public List<Currency> currencies(@Argument CurrencyFilter where, @Argument List<String> sort,
                                     @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? new CurrencyFilter(null, null, null) : where;
        return ListQuery.run(data.currencies.stream(),
                c -> in(filter.id(), c.id()) && in(filter.code(), c.code())
                        && (filter.isBase() == null || filter.isBase() == c.isBase()),
                sort, Map.of("id", Comparator.comparingInt(Currency::id)), limit, page);
    }

    @QueryMapping
    public List<AllocationRule> allocationRules(@Argument AllocationRuleFilter where, @Argument List<String> sort,
                                                @Argument Integer limit, @Argument Integer page) {
        var ids = where == null ? null : where.id();
        return ListQuery.run(data.allocationRules.stream(), r -> in(ids, r.id()), sort,
                Map.of("id", Comparator.comparingInt(AllocationRule::id),
                        "name", Comparator.comparing(AllocationRule::name)), limit, page);
    }

    @QueryMapping
    public List<Warehouse> warehouses(@Argument WarehouseFilter where, @Argument List<String> sort,
                                      @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? new WarehouseFilter(null, null, null) : where;
        return ListQuery.run(data.warehouses.stream(),
                w -> in(filter.id(), w.id()) && StringMatch.matches(filter.name(), w.name())
                        && in(filter.status(), w.status()),
                sort, Map.of("id", Comparator.comparingInt(Warehouse::id),
                        "name", Comparator.comparing(Warehouse::name)), limit, page);
    }

    @QueryMapping
    public Warehouse warehouse(@Argument int id) {
        return data.warehouses.find(id).orElse(null);
    }

    @SchemaMapping(typeName = "Warehouse", field = "country")
    public Country warehouseCountry(Warehouse warehouse) {
        return data.countries.find(warehouse.countryId()).orElse(null);
    }
}
