package org.centraerp.connector.sandbox.b2b;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.api.Problems;
import org.centraerp.connector.sandbox.api.Ref;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Account;
import org.centraerp.connector.sandbox.store.PaymentTerms;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.StoreType;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** B2B accounts: accounts, account, paymentTerms, createAccount and updateAccount (Centra's wholesale examples). */
@Controller
@ConditionalOnSandboxEnabled
public class AccountController {

    record AccountFilter(List<Integer> id, List<Status> status, StringMatch name) {
    }

    record GeneralDiscount(Double discountPercent, Boolean isVisible) {
    }

    record WindowDiscount(Ref deliveryWindow, Double discountPercent) {
    }

    record Discounts(GeneralDiscount generalDiscount, List<WindowDiscount> addDeliveryWindowDiscounts,
                     List<Ref> deleteDeliveryWindowDiscounts) {
    }

    /** AccountCreateInput and AccountUpdateInput: the same fields, required ones checked on create. */
    record AccountInput(String name, Status status, Ref market, Ref pricelist, Discounts discounts, Ref allocationRule,
                        Ref paymentTerms, String internalComment, String otherComment, String websiteUrl,
                        String vatNumber, Boolean isInternal, String externalId) {
    }

    private final SandboxData data;

    public AccountController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<Account> accounts(@Argument AccountFilter where, @Argument List<String> sort, @Argument Integer limit,
                                  @Argument Integer page) {
        var filter = where == null ? new AccountFilter(null, null, null) : where;
        return ListQuery.run(data.accounts.stream(),
                a -> in(filter.id(), a.id()) && in(filter.status(), a.status())
                        && StringMatch.matches(filter.name(), a.name()),
                sort, Map.of("id", Comparator.comparingInt(Account::id), "name", Comparator.comparing(Account::name)),
                limit, page);
    }

    @QueryMapping
    public Account account(@Argument int id) {
        return data.accounts.find(id).orElse(null);
    }

    @QueryMapping
    public List<PaymentTerms> paymentTerms() {
        return data.paymentTerms.all();
    }

    @MutationMapping
    public Payload createAccount(@Argument AccountInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            Account draft = new Account(0, input.name(), input.status(), 0, false, null, null,
                    null, null, Map.of(), null, null, null, null, false, null, Instant.now(), Instant.now());
            Account account = apply(draft, input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            account = data.accounts.put(withId(account, data.accounts.nextId()));
            return Payload.of(account, problems);
        });
    }

    @MutationMapping
    public Payload updateAccount(@Argument int id, @Argument AccountInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var found = data.accounts.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Account with id " + id + " does not exist", "id"));
            }
            Account account = apply(found.get(), input, problems);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            data.accounts.put(account);
            return Payload.of(account, problems);
        });
    }

    /** The account with the input's fields applied; unknown references are userErrors. */
    private Account apply(Account old, AccountInput input, Problems problems) {
        Integer marketId = old.marketId();
        if (input.market() != null) {
            marketId = input.market().find(data.markets, m -> m.externalId()).map(m -> m.id()).orElse(null);
            if (marketId == null) {
                problems.error("Market with " + input.market().describe() + " does not exist", "input", "market");
            } else if (data.markets.find(marketId).flatMap(m -> data.stores.find(m.storeId()))
                    .filter(s -> s.type() == StoreType.WHOLESALE).isEmpty()) {
                // guess: Centra's wording; accounts belong to wholesale markets
                problems.error("Market with id " + marketId + " is not a wholesale market", "input", "market");
            }
        }
        Integer pricelistId = old.pricelistId();
        if (input.pricelist() != null) {
            pricelistId = input.pricelist().find(data.pricelists, p -> p.externalId()).map(p -> p.id()).orElse(null);
            if (pricelistId == null) {
                problems.error("Pricelist with " + input.pricelist().describe() + " does not exist", "input", "pricelist");
            }
        }
        Integer ruleId = old.allocationRuleId();
        if (input.allocationRule() != null) {
            ruleId = input.allocationRule().require(data.allocationRules, "Allocation rule", "allocationRule", problems)
                    .map(r -> r.id()).orElse(null);
        }
        Integer termsId = old.paymentTermsId();
        if (input.paymentTerms() != null) {
            termsId = input.paymentTerms().require(data.paymentTerms, "Payment terms", "paymentTerms", problems)
                    .map(PaymentTerms::id).orElse(null);
        }
        double percent = old.discountPercent();
        boolean visible = old.isDiscountVisible();
        var windowDiscounts = new LinkedHashMap<>(old.deliveryWindowDiscounts());
        Discounts discounts = input.discounts();
        if (discounts != null) {
            if (discounts.generalDiscount() != null) {
                GeneralDiscount general = discounts.generalDiscount();
                if (general.discountPercent() < 0 || general.discountPercent() > 100) {
                    problems.error("Discount percent must be between 0 and 100", "input", "discounts",
                            "generalDiscount", "discountPercent");
                }
                percent = general.discountPercent();
                visible = general.isVisible();
            }
            for (WindowDiscount added : discounts.addDeliveryWindowDiscounts() == null ? List.<WindowDiscount>of()
                    : discounts.addDeliveryWindowDiscounts()) {
                added.deliveryWindow().require(data.deliveryWindows, "Delivery window", "discounts", problems)
                        .ifPresent(w -> windowDiscounts.put(w.id(), added.discountPercent()));
            }
            for (Ref removed : discounts.deleteDeliveryWindowDiscounts() == null ? List.<Ref>of()
                    : discounts.deleteDeliveryWindowDiscounts()) {
                windowDiscounts.remove(removed.id());
            }
        }
        return new Account(old.id(), input.name() != null ? input.name() : old.name(),
                input.status() != null ? input.status() : old.status(), percent, visible, marketId, pricelistId,
                ruleId, termsId, windowDiscounts, pick(input.internalComment(), old.internalComment()),
                pick(input.otherComment(), old.otherComment()), pick(input.websiteUrl(), old.websiteUrl()),
                pick(input.vatNumber(), old.vatNumber()),
                input.isInternal() != null ? input.isInternal() : old.isInternal(),
                pick(input.externalId(), old.externalId()), old.createdAt(), Instant.now());
    }

    private static Account withId(Account a, int id) {
        return new Account(id, a.name(), a.status(), a.discountPercent(), a.isDiscountVisible(), a.marketId(),
                a.pricelistId(), a.allocationRuleId(), a.paymentTermsId(), a.deliveryWindowDiscounts(),
                a.internalComment(), a.otherComment(), a.websiteUrl(), a.vatNumber(), a.isInternal(), a.externalId(),
                a.createdAt(), a.updatedAt());
    }

    private static String pick(String given, String old) {
        return given != null ? given : old;
    }
}
