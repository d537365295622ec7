package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.Customer;
import org.centraerp.connector.sandbox.store.Language;
import org.centraerp.connector.sandbox.store.Market;
import org.centraerp.connector.sandbox.store.Order;
import org.centraerp.connector.sandbox.store.Pricelist;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Store;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Customers: customers with Centra's CustomerFilter, customer, createCustomer, updateCustomer, Customer's fields. */
@Controller
@ConditionalOnSandboxEnabled
public class CustomerController {

    record IntRange(Integer from, Integer to) {
        boolean contains(int value) {
            return (from == null || value >= from) && (to == null || value <= to);
        }
    }

    record CustomerFilter(List<Integer> id, List<Status> status, StringMatch email, StringMatch firstName,
                          StringMatch lastName, StringMatch cellPhoneNumber, StringMatch phoneNumber,
                          DateRange createdAt, DateRange updatedAt, List<Integer> countryId, List<Integer> languageId,
                          List<Integer> marketId, List<Integer> pricelistId, List<Integer> storeId,
                          IntRange totalOrders, List<String> externalId, String search) {
    }

    /** CustomerCreateInput and CustomerUpdateInput. */
    record CustomerInput(String email, String firstName, String lastName, Status status, String phoneNumber,
                         String cellPhoneNumber, CountryRef country, Ref store, Ref market, Ref pricelist,
                         Boolean newsletter, String externalId) {
    }

    record CustomerRef(Integer id) {
    }

    static final Map<String, Comparator<Customer>> SORT = Map.of(
            "id", Comparator.comparingInt(Customer::id),
            "email", Comparator.comparing(c -> String.valueOf(c.email())),
            "createdAt", Comparator.comparing(Customer::createdAt),
            "updatedAt", Comparator.comparing(Customer::updatedAt));

    private final SandboxData data;

    public CustomerController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<Customer> customers(@Argument CustomerFilter where, @Argument List<String> sort,
                                    @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.customers.stream(), c -> where == null || matches(where, c), sort, SORT, limit,
                page);
    }

    @QueryMapping
    public Customer customer(@Argument int id) {
        return data.customers.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createCustomer(@Argument CustomerInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.email(), "email");
            var store = input.store().require(data.stores, "Store", "store", problems);
            if (store.isPresent() && store.get().type() != StoreType.DIRECT_TO_CONSUMER) {
                // guess: Centra's wording; customers belong to direct-to-consumer stores
                problems.error("Store with id " + store.get().id() + " is not a direct-to-consumer store", "input",
                        "store");
            }
            if (store.isPresent() && input.email() != null && data.customers.stream().anyMatch(c ->
                    input.email().equalsIgnoreCase(c.email()) && c.storeId() != null
                            && c.storeId() == store.get().id())) {
                problems.error("Customer with email \"" + input.email() + "\" already exists", "input", "email");
            }
            Instant now = Instant.now();
            Customer draft = new Customer(0, input.email(), null, null, Status.ACTIVE, null, null, null,
                    store.map(Store::id).orElse(null), null, null, null, false, null, now, now);
            Customer customer = apply(draft, input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            customer = data.customers.put(renumbered(customer, data.customers.nextId()));
            return Payload.of(customer, problems);
        });
    }

    @MutationMapping
    public Payload updateCustomer(@Argument("customer") CustomerRef ref, @Argument CustomerInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.customers.find(ref.id());
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Customer with id " + ref.id() + " does not exist",
                        "customer"));
            }
            Customer customer = apply(found.get(), input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.customers.put(customer);
            return Payload.of(customer, problems);
        });
    }

    @SchemaMapping(typeName = "CustomerCreatePayload", field = "customer")
    public Object created(Payload payload) {
        return payload.object();
    }

    @SchemaMapping(typeName = "CustomerUpdatePayload", field = "customer")
    public Object updated(Payload payload) {
        return payload.object();
    }

    @SchemaMapping(typeName = "Customer", field = "country")
    public Country country(Customer customer) {
        return data.countries.find(customer.countryId()).orElse(null);
    }

    @SchemaMapping(typeName = "Customer", field = "store")
    public Store store(Customer customer) {
        return data.stores.find(customer.storeId()).orElse(null);
    }

    @SchemaMapping(typeName = "Customer", field = "market")
    public Market market(Customer customer) {
        return data.markets.find(customer.marketId()).orElse(null);
    }

    @SchemaMapping(typeName = "Customer", field = "pricelist")
    public Pricelist pricelist(Customer customer) {
        return data.pricelists.find(customer.pricelistId()).orElse(null);
    }

    @SchemaMapping(typeName = "Customer", field = "language")
    public Language language(Customer customer) {
        return data.languages.find(customer.languageId()).orElse(null);
    }

    @SchemaMapping(typeName = "Customer", field = "createdAt")
    public String createdAt(Customer customer, @Argument String format) {
        return PhpDateFormat.format(customer.createdAt(), format);
    }

    @SchemaMapping(typeName = "Customer", field = "updatedAt")
    public String updatedAt(Customer customer, @Argument String format) {
        return PhpDateFormat.format(customer.updatedAt(), format);
    }

    @SchemaMapping(typeName = "Customer", field = "totalOrders")
    public int totalOrders(Customer customer) {
        return (int) ordersOf(customer).count();
    }

    @SchemaMapping(typeName = "Customer", field = "orders")
    public List<Order> orders(Customer customer, @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(ordersOf(customer), o -> true, List.of("orderDate_DESC"),
                Map.of("orderDate", Comparator.comparing(Order::orderDate)), limit, page);
    }

    private java.util.stream.Stream<Order> ordersOf(Customer customer) {
        return data.orders.stream().filter(o -> o.customerId() != null && o.customerId() == customer.id());
    }

    private boolean matches(CustomerFilter f, Customer c) {
        return in(f.id(), c.id()) && in(f.status(), c.status()) && StringMatch.matches(f.email(), c.email())
                && StringMatch.matches(f.firstName(), c.firstName()) && StringMatch.matches(f.lastName(), c.lastName())
                && StringMatch.matches(f.cellPhoneNumber(), c.cellPhoneNumber())
                && StringMatch.matches(f.phoneNumber(), c.phoneNumber())
                && DateRange.contains(f.createdAt(), c.createdAt()) && DateRange.contains(f.updatedAt(), c.updatedAt())
                && in(f.countryId(), c.countryId()) && in(f.languageId(), c.languageId())
                && in(f.marketId(), c.marketId()) && in(f.pricelistId(), c.pricelistId())
                && in(f.storeId(), c.storeId()) && in(f.externalId(), c.externalId())
                && (f.totalOrders() == null || f.totalOrders().contains(totalOrders(c)))
                && (f.search() == null || search(c, f.search()));
    }

    private static boolean search(Customer c, String text) {
        String needle = text.toLowerCase(Locale.ROOT);
        return java.util.stream.Stream.of(c.email(), c.firstName(), c.lastName())
                .anyMatch(v -> v != null && v.toLowerCase(Locale.ROOT).contains(needle));
    }

    private Customer apply(Customer old, CustomerInput in, Problems problems) {
        Integer countryId = old.countryId();
        if (in.country() != null) {
            countryId = in.country().find(data).map(Country::id).orElse(null);
            if (countryId == null) {
                problems.error("Country with " + in.country().describe() + " does not exist", "input", "country");
            }
        }
        Integer marketId = old.marketId();
        if (in.market() != null) {
            marketId = in.market().find(data.markets, Market::externalId).map(Market::id).orElse(null);
            if (marketId == null) {
                problems.error("Market with " + in.market().describe() + " does not exist", "input", "market");
            }
        }
        Integer pricelistId = old.pricelistId();
        if (in.pricelist() != null) {
            pricelistId = in.pricelist().find(data.pricelists, Pricelist::externalId).map(Pricelist::id).orElse(null);
            if (pricelistId == null) {
                problems.error("Pricelist with " + in.pricelist().describe() + " does not exist", "input",
                        "pricelist");
            }
        }
        if (in.email() != null && !in.email().contains("@")) {
            problems.error("Email \"" + in.email() + "\" is not a valid email address", "input", "email");
        }
        return new Customer(old.id(), pick(in.email(), old.email()), pick(in.firstName(), old.firstName()),
                pick(in.lastName(), old.lastName()), in.status() != null ? in.status() : old.status(),
                pick(in.phoneNumber(), old.phoneNumber()), pick(in.cellPhoneNumber(), old.cellPhoneNumber()),
                countryId, old.storeId(), marketId, pricelistId, old.languageId(),
                in.newsletter() != null ? in.newsletter() : old.newsletter(), pick(in.externalId(), old.externalId()),
                old.createdAt(), Instant.now());
    }

    private static Customer renumbered(Customer c, int id) {
        return new Customer(id, c.email(), c.firstName(), c.lastName(), c.status(), c.phoneNumber(),
                c.cellPhoneNumber(), c.countryId(), c.storeId(), c.marketId(), c.pricelistId(), c.languageId(),
                c.newsletter(), c.externalId(), c.createdAt(), c.updatedAt());
    }

    private static String pick(String given, String old) {
        return given != null ? given : old;
    }
}
