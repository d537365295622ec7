package org.centraerp.connector.sandbox.b2b;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.GraphQLObjectType;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.Account;
import org.centraerp.connector.sandbox.store.Buyer;
import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.CountryFacts;
import org.centraerp.connector.sandbox.store.DeliveryWindow;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * Relations and dates of the B2B types (Account, Buyer, the two kinds of DeliveryWindow), the object fields of their
 * payloads, and Country's geography fields.
 */
@Component
@ConditionalOnSandboxEnabled
public class B2bWiring implements RuntimeWiringConfigurer {

    static final Map<String, String> PAYLOAD_OBJECTS = Map.of(
            "AccountCreatePayload", "account",
            "AccountUpdatePayload", "account",
            "BuyerCreatePayload", "buyer",
            "BuyerUpdatePayload", "buyer",
            "DeliveryWindowCreatePayload", "deliveryWindow",
            "DeliveryWindowUpdatePayload", "deliveryWindow",
            "DeliveryWindowVariantsSetPayload", "deliveryWindow",
            "DeliveryWindowVariantsUnsetPayload", "deliveryWindow");

    static final String AT_ONCE = "AtOnceDeliveryWindow";
    static final String PREORDER = "PreorderDeliveryWindow";

    /** A delivery window's discount for one account. */
    public record WindowDiscount(double discountPercent, Account account, DeliveryWindow deliveryWindow) {
    }

    /** A variant in a delivery window, with its window. */
    public record WindowVariant(DeliveryWindow.Variant variant, DeliveryWindow deliveryWindow) {
        public String type() {
            return variant.type();
        }

        public DeliveryWindow.Limit limit() {
            return variant.limit();
        }
    }

    private final SandboxData data;

    public B2bWiring(SandboxData data) {
        this.data = data;
    }

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        DataFetcher<Object> object = env -> ((Payload) env.getSource()).object();
        PAYLOAD_OBJECTS.forEach((type, field) ->
                builder.type(TypeRuntimeWiring.newTypeWiring(type).dataFetcher(field, object)));
        builder.type(TypeRuntimeWiring.newTypeWiring("DeliveryWindow").typeResolver(env -> (GraphQLObjectType)
                env.getSchema().getType(env.<DeliveryWindow>getObject().preorder() ? PREORDER : AT_ONCE)));
        builder.type(account());
        builder.type(TypeRuntimeWiring.newTypeWiring("Buyer")
                .dataFetcher("account", env -> data.accounts.find(env.<Buyer>getSource().accountId()).orElse(null))
                .dataFetcher("store", env -> data.stores.find(env.<Buyer>getSource().storeId()).orElse(null))
                .dataFetcher("firstName", env -> field(env.getSource(), "firstName"))
                .dataFetcher("lastName", env -> field(env.getSource(), "lastName"))
                .dataFetcher("email", env -> field(env.getSource(), "email"))
                .dataFetcher("createdAt", env -> date(env.<Buyer>getSource().createdAt(), env.getArgument("format"))));
        for (String type : List.of(AT_ONCE, PREORDER)) {
            builder.type(deliveryWindow(type));
        }
        builder.type(TypeRuntimeWiring.newTypeWiring("DeliveryWindowVariant")
                .dataFetcher("productVariant", env -> data.productVariants
                        .find(env.<WindowVariant>getSource().variant().productVariantId()).orElse(null))
                .dataFetcher("product", env -> data.productVariants
                        .find(env.<WindowVariant>getSource().variant().productVariantId())
                        .flatMap(v -> data.products.find(v.productId())).orElse(null)));
        builder.type(TypeRuntimeWiring.newTypeWiring("Country")
                .dataFetcher("continent", env -> CountryFacts.continent(env.<Country>getSource().code()))
                .dataFetcher("isEU", env -> CountryFacts.isEU(env.<Country>getSource().code()))
                .dataFetcher("states", env -> CountryFacts.states(env.<Country>getSource().code())));
    }

    private TypeRuntimeWiring.Builder account() {
        return TypeRuntimeWiring.newTypeWiring("Account")
                .dataFetcher("createdAt", env -> date(env.<Account>getSource().createdAt(), env.getArgument("format")))
                .dataFetcher("updatedAt", env -> date(env.<Account>getSource().updatedAt(), env.getArgument("format")))
                .dataFetcher("allowConsignation", env -> false)
                .dataFetcher("applyCreditLimit", env -> false)
                .dataFetcher("blockIfUnpaidInvoices", env -> false)
                .dataFetcher("hasBrandsRestriction", env -> false)
                .dataFetcher("creditLimit", env -> null)
                .dataFetcher("accountAddress", env -> firstBuyerAddress(env.getSource()))
                .dataFetcher("billingAddress", env -> firstBuyerAddress(env.getSource()))
                .dataFetcher("market", env -> data.markets.find(env.<Account>getSource().marketId()).orElse(null))
                .dataFetcher("pricelist", env -> data.pricelists.find(env.<Account>getSource().pricelistId())
                        .orElse(null))
                .dataFetcher("allocationRule", env -> data.allocationRules
                        .find(env.<Account>getSource().allocationRuleId()).orElse(null))
                .dataFetcher("paymentTerms", env -> data.paymentTerms.find(env.<Account>getSource().paymentTermsId())
                        .orElse(null))
                .dataFetcher("buyers", env -> data.buyers.stream()
                        .filter(b -> b.accountId() == env.<Account>getSource().id()).toList())
                .dataFetcher("deliveryWindowDiscounts", env -> {
                    Account account = env.getSource();
                    return account.deliveryWindowDiscounts().entrySet().stream()
                            .flatMap(e -> data.deliveryWindows.find(e.getKey()).stream()
                                    .map(w -> new WindowDiscount(e.getValue(), account, w)))
                            .toList();
                });
    }

    private TypeRuntimeWiring.Builder deliveryWindow(String type) {
        var wiring = TypeRuntimeWiring.newTypeWiring(type)
                .dataFetcher("customOrder", env -> env.<DeliveryWindow>getSource().id())
                .dataFetcher("allocationRule", env -> data.allocationRules
                        .find(env.<DeliveryWindow>getSource().allocationRuleId()).orElse(null))
                .dataFetcher("campaigns", env -> {
                    ListQuery.runAll(java.util.stream.Stream.empty(), x -> true, null, Map.of(),
                            env.getArgument("limit"), env.getArgument("page"));
                    return List.of();
                })
                .dataFetcher("markets", env -> env.<DeliveryWindow>getSource().marketIds().stream()
                        .flatMap(id -> data.markets.find(id).stream()).toList())
                .dataFetcher("deliveryWindowVariants", env -> {
                    DeliveryWindow window = env.getSource();
                    return ListQuery.run(window.variants().stream().map(v -> new WindowVariant(v, window)),
                            v -> true, null, Map.of(), env.getArgument("limit"), env.getArgument("page"));
                });
        if (PREORDER.equals(type)) {
            wiring.dataFetcher("deliveryStartDate", env -> date(env.<DeliveryWindow>getSource().deliveryStartDate(),
                            env.getArgument("format")))
                    .dataFetcher("deliveryEndDate", env -> date(env.<DeliveryWindow>getSource().deliveryEndDate(),
                            env.getArgument("format")))
                    .dataFetcher("salesStartDate", env -> date(env.<DeliveryWindow>getSource().salesStartDate(),
                            env.getArgument("format")))
                    .dataFetcher("salesEndDate", env -> date(env.<DeliveryWindow>getSource().salesEndDate(),
                            env.getArgument("format")));
        }
        return wiring;
    }

    private Object firstBuyerAddress(Account account) {
        return data.buyers.stream().filter(b -> b.accountId() == account.id()).findFirst()
                .map(Buyer::billingAddress).orElse(null);
    }

    private static String field(Buyer buyer, String name) {
        var address = buyer.billingAddress();
        if (address == null) {
            return null;
        }
        return switch (name) {
            case "firstName" -> address.firstName();
            case "lastName" -> address.lastName();
            default -> address.email();
        };
    }

    private static String date(Instant instant, String format) {
        return instant == null ? null : PhpDateFormat.format(instant, format);
    }
}
