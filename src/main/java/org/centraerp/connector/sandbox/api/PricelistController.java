package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.Currency;
import org.centraerp.connector.sandbox.store.Pricelist;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.ShippingOption;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Store;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Pricelists: queries, createPricelist, updatePricelist and the Pricelist type's relations. */
@Controller
@ConditionalOnSandboxEnabled
public class PricelistController {

    record PricelistFilter(List<Integer> id, List<Integer> storeId, StringMatch name, List<Status> status) {
    }

    record PricelistCreateInput(String name, Status status, String comment, String currencyIsoCode, Ref store,
                                Ref defaultShippingOption, List<CountryRef> addCountries, String externalId) {
    }

    record PricelistUpdateInput(String name, Status status, String comment, Ref defaultShippingOption,
                                List<CountryRef> addCountries, List<CountryRef> removeCountries) {
    }

    private final SandboxData data;

    public PricelistController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<Pricelist> pricelists(@Argument PricelistFilter where, @Argument List<String> sort,
                                      @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? new PricelistFilter(null, null, null, null) : where;
        return ListQuery.run(data.pricelists.stream(),
                p -> in(filter.id(), p.id()) && in(filter.storeId(), p.storeId())
                        && StringMatch.matches(filter.name(), p.name()) && in(filter.status(), p.status()),
                sort, Map.of("id", Comparator.comparingInt(Pricelist::id),
                        "name", Comparator.comparing(Pricelist::name)), limit, page);
    }

    @QueryMapping
    public Pricelist pricelist(@Argument int id) {
        return data.pricelists.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createPricelist(@Argument PricelistCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            var store = input.store().require(data.stores, "Store", "store", problems);
            if (data.pricelists.stream().anyMatch(p -> p.name().equalsIgnoreCase(String.valueOf(input.name())))) {
                problems.error("Pricelist with name \"" + input.name() + "\" already exists", "input", "name");
            }
            var currency = data.currencies.stream()
                    .filter(c -> c.code().equalsIgnoreCase(String.valueOf(input.currencyIsoCode()))).findFirst();
            if (currency.isEmpty()) {
                problems.error("Currency \"" + input.currencyIsoCode() + "\" does not exist", "input", "currencyIsoCode");
            }
            var shipping = shippingOption(input.defaultShippingOption(), problems);
            var countries = CountryRef.resolveAll(data, input.addCountries(), "addCountries", problems);
            if (!countries.isEmpty() && store.filter(s -> s.type() == StoreType.WHOLESALE).isPresent()) {
                problems.error("Countries are accepted only for DIRECT_TO_CONSUMER pricelists", "input", "addCountries");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var pricelist = new Pricelist(data.pricelists.nextId(), input.name(), input.status(), input.comment(),
                    store.get().id(), currency.get().id(), shipping.map(ShippingOption::id).orElse(null), countries,
                    input.externalId());
            return Payload.of(data.pricelists.put(pricelist), problems);
        });
    }

    @MutationMapping
    public Payload updatePricelist(@Argument int id, @Argument PricelistUpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.pricelists.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Pricelist with id " + id + " does not exist", "id"));
            }
            var old = found.get();
            if (input.name() != null) {
                problems.requireText(input.name(), "name");
                if (data.pricelists.stream().anyMatch(p -> p.id() != id && p.name().equalsIgnoreCase(input.name()))) {
                    problems.error("Pricelist with name \"" + input.name() + "\" already exists", "input", "name");
                }
            }
            var shipping = shippingOption(input.defaultShippingOption(), problems);
            var added = CountryRef.resolveAll(data, input.addCountries(), "addCountries", problems);
            var removed = CountryRef.resolveAll(data, input.removeCountries(), "removeCountries", problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var countryIds = new LinkedHashSet<>(old.countryIds());
            countryIds.addAll(added);
            countryIds.removeAll(removed);
            var updated = new Pricelist(id, input.name() != null ? input.name() : old.name(),
                    input.status() != null ? input.status() : old.status(),
                    input.comment() != null ? input.comment() : old.comment(), old.storeId(), old.currencyId(),
                    shipping.map(ShippingOption::id).orElse(old.defaultShippingOptionId()),
                    new ArrayList<>(countryIds), old.externalId());
            return Payload.of(data.pricelists.put(updated), problems);
        });
    }

    @SchemaMapping(typeName = "Pricelist", field = "store")
    public Store store(Pricelist pricelist) {
        return data.stores.find(pricelist.storeId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Pricelist", field = "currency")
    public Currency currency(Pricelist pricelist) {
        return data.currencies.find(pricelist.currencyId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Pricelist", field = "defaultShippingOption")
    public ShippingOption defaultShippingOption(Pricelist pricelist) {
        return data.shippingOptions.find(pricelist.defaultShippingOptionId()).orElse(null);
    }

    @SchemaMapping(typeName = "Pricelist", field = "assignedToCountries")
    public List<Country> assignedToCountries(Pricelist pricelist) {
        return pricelist.countryIds().stream().flatMap(id -> data.countries.find(id).stream()).toList();
    }

    private Optional<ShippingOption> shippingOption(Ref ref, Problems problems) {
        if (ref == null) {
            return Optional.empty();
        }
        var option = ref.find(data.shippingOptions);
        if (option.isEmpty()) {
            problems.error("Shipping option with " + ref.describe() + " does not exist", "input", "defaultShippingOption");
        }
        return option;
    }
}
