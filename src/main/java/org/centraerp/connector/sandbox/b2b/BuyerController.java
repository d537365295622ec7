package org.centraerp.connector.sandbox.b2b;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.CountryRef;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Problems;
import org.centraerp.connector.sandbox.api.Ref;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Address;
import org.centraerp.connector.sandbox.store.Buyer;
import org.centraerp.connector.sandbox.store.CountryFacts;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Store;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** B2B buyers: buyers, buyer, createBuyer and updateBuyer (Centra's wholesale examples). */
@Controller
@ConditionalOnSandboxEnabled
public class BuyerController {

    record BuyerFilter(List<Integer> id, List<Integer> accountId, List<Status> status, StringMatch email) {
    }

    record BuyerAddressInput(String firstName, String lastName, String address1, String address2, String city,
                             String stateOrProvince, CountryRef country, String zipCode, String phoneNumber,
                             String cellPhoneNumber, String faxNumber, String email) {
    }

    /** BuyerCreateInput and BuyerUpdateInput (the update has no account). */
    record BuyerInput(Ref account, Ref store, Status status, String websiteUrl, Boolean receiveAutoEmails,
                      Boolean receiveNewsletters, BuyerAddressInput billingAddress,
                      Boolean sendWelcomeToShowroomEmail, String externalId) {
    }

    private final SandboxData data;

    public BuyerController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<Buyer> buyers(@Argument BuyerFilter where, @Argument List<String> sort, @Argument Integer limit,
                              @Argument Integer page) {
        var filter = where == null ? new BuyerFilter(null, null, null, null) : where;
        return ListQuery.run(data.buyers.stream(),
                b -> in(filter.id(), b.id()) && in(filter.accountId(), b.accountId()) && in(filter.status(), b.status())
                        && StringMatch.matches(filter.email(),
                        b.billingAddress() == null ? null : b.billingAddress().email()),
                sort, Map.of("id", Comparator.comparingInt(Buyer::id)), limit, page);
    }

    @QueryMapping
    public Buyer buyer(@Argument int id) {
        return data.buyers.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createBuyer(@Argument BuyerInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var account = input.account().require(data.accounts, "Account", "account", problems);
            var store = wholesaleStore(input.store(), problems);
            Address address = address(null, input.billingAddress(), problems);
            if (address == null || address.email() == null || address.email().isBlank()) {
                problems.error("Email is required for creating a buyer", "input", "billingAddress", "email");
            } else if (data.buyers.stream().anyMatch(b -> b.billingAddress() != null
                    && address.email().equalsIgnoreCase(b.billingAddress().email()))) {
                // guess: Centra's wording; a buyer's email identifies its login
                problems.error("Buyer with email \"" + address.email() + "\" already exists", "input",
                        "billingAddress", "email");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Buyer buyer = data.buyers.put(new Buyer(data.buyers.nextId(), account.get().id(), store.get().id(),
                    input.status(), input.websiteUrl(), Boolean.TRUE.equals(input.receiveAutoEmails()),
                    Boolean.TRUE.equals(input.receiveNewsletters()), address, input.externalId(), Instant.now()));
            return Payload.of(buyer, problems);
        });
    }

    @MutationMapping
    public Payload updateBuyer(@Argument int id, @Argument BuyerInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.buyers.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Buyer with id " + id + " does not exist", "id"));
            }
            Buyer old = found.get();
            int storeId = input.store() == null ? old.storeId()
                    : wholesaleStore(input.store(), problems).map(Store::id).orElse(old.storeId());
            Address address = input.billingAddress() == null ? old.billingAddress()
                    : address(old.billingAddress(), input.billingAddress(), problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Buyer buyer = data.buyers.put(new Buyer(id, old.accountId(), storeId,
                    input.status() != null ? input.status() : old.status(),
                    input.websiteUrl() != null ? input.websiteUrl() : old.websiteUrl(),
                    input.receiveAutoEmails() != null ? input.receiveAutoEmails() : old.receiveAutoEmails(),
                    input.receiveNewsletters() != null ? input.receiveNewsletters() : old.receiveNewsletters(),
                    address, input.externalId() != null ? input.externalId() : old.externalId(), old.createdAt()));
            return Payload.of(buyer, problems);
        });
    }

    private Optional<Store> wholesaleStore(Ref ref, Problems problems) {
        var store = ref.require(data.stores, "Store", "store", problems);
        if (store.isPresent() && store.get().type() != StoreType.WHOLESALE) {
            // guess: Centra's wording; buyers exist in wholesale stores only
            problems.error("Store with id " + store.get().id() + " is not a wholesale store", "input", "store");
            return Optional.empty();
        }
        return store;
    }

    /** The address with the input's fields over {@code old}; a state name is kept as its code for US states. */
    private Address address(Address old, BuyerAddressInput in, Problems problems) {
        if (in == null) {
            return old;
        }
        Address base = old != null ? old
                : new Address(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Integer countryId = base.countryId();
        if (in.country() != null) {
            var country = in.country().find(data);
            if (country.isEmpty()) {
                problems.error("Country with " + in.country().describe() + " does not exist", "input",
                        "billingAddress", "country");
            } else {
                countryId = country.get().id();
            }
        }
        String state = in.stateOrProvince() != null ? CountryFacts.stateCode(in.stateOrProvince(),
                data.countries.find(countryId).map(c -> c.code()).orElse(""))
                : base.stateOrProvince();
        return new Address(pick(in.firstName(), base.firstName()), pick(in.lastName(), base.lastName()),
                base.companyName(), base.attention(), pick(in.address1(), base.address1()),
                pick(in.address2(), base.address2()), pick(in.city(), base.city()), state,
                pick(in.zipCode(), base.zipCode()), countryId, pick(in.email(), base.email()),
                pick(in.phoneNumber(), base.phoneNumber()), pick(in.cellPhoneNumber(), base.cellPhoneNumber()),
                pick(in.faxNumber(), base.faxNumber()), base.vatNumber());
    }

    private static String pick(String given, String old) {
        return given != null ? given : old;
    }
}
