package org.centraerp.connector.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

/** B2B: accounts, buyers and delivery windows, written as Centra's "Example queries for Wholesale" write them. */
class SandboxB2bTest extends SandboxTestSupport {

    private static final String DEL_WIN_FIELDS = """
            fragment delWinFields on DeliveryWindow {
              id name status
              markets { id name }
              campaigns { id }
              allocationRule { id name }
              defaultVariantDeliveryType deliveryDatesVisible
              deliveryWindowVariants { limit { value on type } type product { id name } productVariant { id } }
              selectableByBuyers selectedByDefault
              ... on AtOnceDeliveryWindow { daysFromNow selectableDate }
              ... on PreorderDeliveryWindow { allocationOrder deliveryStartDate deliveryEndDate salesStartDate salesEndDate }
            }""";

    @Test
    void anAccountIsCreatedUpdatedAndGetsABuyer() {
        var created = ok(graphql(DEMO, """
                mutation createAccount {
                  createAccount(input: {
                    status: INACTIVE
                    name: "Test Account"
                    market: {id: 4}
                    pricelist: {id: 4}
                    discounts: { generalDiscount: { discountPercent: 14.3 isVisible: true }
                                 addDeliveryWindowDiscounts: [{deliveryWindow: {id: 1} discountPercent: 12.3}] }
                  }) {
                    userErrors { message path }
                    account { id discountPercent isDiscountVisible deliveryWindowDiscounts { deliveryWindow { id } discountPercent } }
                  }
                }"""), "createAccount").path("account");
        int id = created.path("id").asInt();
        assertThat(id).isEqualTo(2);
        assertThat(created.path("discountPercent").asDouble()).isEqualTo(14.3);
        assertThat(created.path("deliveryWindowDiscounts").get(0).path("discountPercent").asDouble()).isEqualTo(12.3);

        var updated = ok(graphql(DEMO, """
                mutation updateAccount {
                  updateAccount(id: %d, input: { status: ACTIVE discounts: { generalDiscount: { discountPercent: 10.0 isVisible: true }
                                                                            deleteDeliveryWindowDiscounts: [{id: 1}] } }) {
                    userErrors { message path }
                    account { id status discountPercent isDiscountVisible deliveryWindowDiscounts { discountPercent } }
                  }
                }""".formatted(id)), "updateAccount").path("account");
        assertThat(updated.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(updated.path("discountPercent").asDouble()).isEqualTo(10.0);
        assertThat(updated.path("deliveryWindowDiscounts")).isEmpty();

        var buyer = ok(graphql(DEMO, """
                mutation createBuyer {
                  createBuyer(input: {
                    store: {id: 2} status: ACTIVE account: {id: %d} websiteUrl: "Example URL" receiveAutoEmails: true
                    billingAddress: { firstName: "Jon" lastName: "Snow" address1: "Address 1" country: {code: "US"}
                                      stateOrProvince: "Alaska" city: "Winterfell" zipCode: "54152" email: "jon.snow@centra.com" }
                  }) {
                    userErrors { message path }
                    buyer { id status account { id name } receiveAutoEmails websiteUrl
                            billingAddress { firstName country { code } stateOrProvince city email } }
                  }
                }""".formatted(id)), "createBuyer").path("buyer");
        assertThat(buyer.path("account").path("name").asText()).isEqualTo("Test Account");
        assertThat(buyer.path("billingAddress").path("stateOrProvince").asText()).isEqualTo("AK");
        assertThat(buyer.path("billingAddress").path("country").path("code").asText()).isEqualTo("US");

        var edited = ok(graphql(DEMO, """
                mutation editBuyer {
                  updateBuyer(id: %d, input: { websiteUrl: "Different URL" billingAddress: { city: "TheWall" } }) {
                    userErrors { message path }
                    buyer { id websiteUrl billingAddress { firstName city } }
                  }
                }""".formatted(buyer.path("id").asInt())), "updateBuyer").path("buyer");
        assertThat(edited.path("websiteUrl").asText()).isEqualTo("Different URL");
        assertThat(edited.path("billingAddress").path("city").asText()).isEqualTo("TheWall");
        assertThat(edited.path("billingAddress").path("firstName").asText()).isEqualTo("Jon");

        var accounts = graphql(DEMO, "{ accounts(where: {id: [" + id + "]}) { name status buyers { id } market { id } pricelist { id } } }");
        assertThat(accounts.body().path("errors").isMissingNode()).as(accounts.body().toString()).isTrue();
        assertThat(accounts.data("accounts").get(0).path("buyers").get(0).path("id").asInt())
                .isEqualTo(buyer.path("id").asInt());
    }

    @Test
    void theSeededAccountAnswersWithItsBuyersTermsAndDiscounts() {
        var answer = graphql(DEMO, """
                { accounts { id name discountPercent paymentTerms { id description }
                             deliveryWindowDiscounts { deliveryWindow { id name } discountPercent }
                             buyers { id email status store { id } } }
                  buyers(where: {accountId: [1]}) { id account { name } billingAddress { city country { code isEU continent } } }
                  paymentTerms { id description } }""");
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        var account = answer.data("accounts").get(0);
        assertThat(account.path("paymentTerms").path("description").asText()).isEqualTo("30 days net");
        assertThat(account.path("deliveryWindowDiscounts").get(0).path("deliveryWindow").path("id").asInt()).isEqualTo(2);
        assertThat(account.path("buyers").get(0).path("store").path("id").asInt()).isEqualTo(2);
        var country = answer.data("buyers").get(0).path("billingAddress").path("country");
        assertThat(country.path("isEU").asBoolean()).isTrue();
        assertThat(country.path("continent").asText()).isEqualTo("Europe");
        assertThat(answer.permissionsUsed()).contains("Account:read", "Buyer:read", "Purchaser:read");
    }

    @Test
    void wrongReferencesAreUserErrorsAndChangeNothing() {
        var buyer = graphql(DEMO, """
                mutation { createBuyer(input: { store: {id: 1} status: ACTIVE account: {id: 99} receiveAutoEmails: false
                                                billingAddress: { firstName: "A" } }) {
                  userErrors { message path } buyer { id } } }""").data("createBuyer");
        assertThat(buyer.path("buyer").isNull()).isTrue();
        assertThat(messages(buyer)).contains("Account with id 99 does not exist",
                "Store with id 1 is not a wholesale store", "Email is required for creating a buyer");
        var window = graphql(DEMO, """
                mutation { createDeliveryWindow(input: { name: "Both" status: ACTIVE deliveryDatesVisible: true
                    selectableByBuyers: true selectedByDefault: false defaultVariantDeliveryType: STOCK
                    atOnce: { daysFromNow: 0 }
                    preorder: { deliveryDateRange: {from: "2022-08-01", to: "2022-10-31"} salesDateRange: {from: "2022-08-01", to: "2022-10-31"} allocationOrder: FIFO } }) {
                  userErrors { message } deliveryWindow { id } } }""").data("createDeliveryWindow");
        assertThat(messages(window)).containsExactly("Exactly one of preorder or atOnce must be provided");
        assertThat(graphql(DEMO, "{ buyers { id } deliveryWindows { id } }").data("deliveryWindows")).hasSize(2);
    }

    @Test
    void deliveryWindowsAreCreatedAndSellTheVariantsSetOnThem() {
        var atOnce = ok(graphql(DEMO, """
                mutation createAtOnceDelWin {
                  createDeliveryWindow(input: {
                    name: "First AtOnce DelWin" status: ACTIVE deliveryDatesVisible: true selectableByBuyers: true
                    selectedByDefault: false defaultVariantDeliveryType: STOCK allocationRule: { id: 2 } markets: [{ id: 4 }]
                    atOnce: { daysFromNow: 0 selectableDate: true }
                  }) { userErrors { message path } deliveryWindow { ...delWinFields } }
                }
                """ + DEL_WIN_FIELDS), "createDeliveryWindow").path("deliveryWindow");
        int id = atOnce.path("id").asInt();
        assertThat(atOnce.path("daysFromNow").isNull()).isTrue();
        assertThat(atOnce.path("selectableDate").asBoolean()).isTrue();
        assertThat(atOnce.path("allocationRule").path("name").asText()).isEqualTo("B2B default");
        assertThat(atOnce.path("markets").get(0).path("name").asText()).isEqualTo("Wholesale");

        var preorder = ok(graphql(DEMO, """
                mutation createPreorderDelWin {
                  createDeliveryWindow(input: {
                    name: "First PreOrder DelWin" status: ACTIVE deliveryDatesVisible: true selectableByBuyers: true
                    selectedByDefault: false defaultVariantDeliveryType: STOCK allocationRule: { id: 2 } markets: [{ id: 4 }]
                    preorder: { deliveryDateRange: { from: "2022-08-01", to: "2022-10-31" }
                                salesDateRange: { from: "2022-08-01", to: "2022-10-31" } allocationOrder: FIFO }
                  }) { userErrors { message path } deliveryWindow { ...delWinFields } }
                }
                """ + DEL_WIN_FIELDS), "createDeliveryWindow").path("deliveryWindow");
        assertThat(preorder.path("allocationOrder").asText()).isEqualTo("FIFO");
        assertThat(preorder.path("deliveryStartDate").asText()).isEqualTo("2022-08-01T00:00:00+02:00");
        assertThat(preorder.path("salesEndDate").asText()).isEqualTo("2022-10-31T00:00:00+01:00");

        var set = ok(graphql(DEMO, """
                mutation setVariants {
                  setDeliveryWindowVariants(input: {
                    deliveryWindow: { id: %d }
                    variants: [
                      { productVariant: { id: 1 } type: STOCK limit: { value: 100, type: HIGH, on: ProductVariant } },
                      { productVariant: { id: 2 } type: STOCK limit: { value: 100, type: HIGH, on: ProductVariant } }
                    ]
                  }) { userErrors { message path } deliveryWindow { ...delWinFields } }
                }
                """.formatted(id) + DEL_WIN_FIELDS), "setDeliveryWindowVariants").path("deliveryWindow");
        assertThat(set.path("deliveryWindowVariants")).hasSize(2);
        assertThat(set.path("deliveryWindowVariants").get(0).path("product").path("name").asText()).isEqualTo("Sweater");
        assertThat(set.path("deliveryWindowVariants").get(0).path("limit").path("value").asInt()).isEqualTo(100);

        var unset = ok(graphql(DEMO, """
                mutation unsetVariants {
                  unsetDeliveryWindowVariants(input: { deliveryWindow: { id: %d } productVariants: [ { id: 2 } ] }) {
                    userErrors { message path } deliveryWindow { ...delWinFields } }
                }
                """.formatted(id) + DEL_WIN_FIELDS), "unsetDeliveryWindowVariants").path("deliveryWindow");
        assertThat(unset.path("deliveryWindowVariants")).hasSize(1);
        assertThat(unset.path("deliveryWindowVariants").get(0).path("productVariant").path("id").asInt()).isEqualTo(1);

        var renamed = ok(graphql(DEMO, """
                mutation updateDelWin {
                  updateDeliveryWindow(id: %d, input: { name: "Renamed" markets: [] }) {
                    userErrors { message path } deliveryWindow { ...delWinFields } }
                }
                """.formatted(id) + DEL_WIN_FIELDS), "updateDeliveryWindow").path("deliveryWindow");
        assertThat(renamed.path("name").asText()).isEqualTo("Renamed");
        assertThat(renamed.path("markets")).isEmpty();
        assertThat(renamed.path("deliveryWindowVariants")).hasSize(1);
    }

    @Test
    void aTokenWithoutThePermissionGetsCentrasError() {
        var answer = graphql("sandbox-stores-token", "{ accounts { id } }");
        assertThat(answer.body().path("errors").get(0).path("message").asText())
                .isEqualTo("You need Account:read permission to access accounts.");
        var write = graphql("sandbox-readonly-token", """
                mutation { updateBuyer(id: 1, input: { status: INACTIVE }) { buyer { id } userErrors { message } } }""");
        assertThat(write.body().path("errors").get(0).path("message").asText())
                .isEqualTo("You need Buyer:write permission to access updateBuyer.");
        assertThat(graphql(DEMO, "{ buyer(id: 1) { status } }").data("buyer").path("status").asText())
                .isEqualTo("ACTIVE");
    }

    /** The payload of {@code field}, failing on GraphQL errors and userErrors. */
    private static JsonNode ok(Answer answer, String field) {
        assertThat(answer.body().path("errors").isMissingNode()).as(answer.body().toString()).isTrue();
        JsonNode payload = answer.data(field);
        assertThat(payload.path("userErrors")).as(payload.toString()).isEmpty();
        return payload;
    }

    private static List<String> messages(JsonNode payload) {
        List<String> messages = new ArrayList<>();
        payload.path("userErrors").forEach(e -> messages.add(e.path("message").asText()));
        return messages;
    }
}
