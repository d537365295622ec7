package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.centraerp.connector.flows.orders.OrderInbox;
import org.centraerp.connector.ops.console.Lookups.CatalogueKey;
import org.centraerp.connector.ops.console.Lookups.OrderView;
import org.centraerp.connector.ops.console.Lookups.Progress;
import org.centraerp.connector.ops.console.Lookups.Told;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Orders page's look-ups: an order with when each source told us, shipments and returns by ERP reference, a
 * catalogue key with the keys under it.
 */
@ConsolePagesTest
class LookupPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    OrderInbox inbox;

    @Autowired
    JdbcTemplate state;

    private MvcResult page(String parameter, String value) throws Exception {
        return mvc.perform(get("/console/orders").param(parameter, value).with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn();
    }

    @Test
    void orderViewShowsWhenEachSourceToldUs() throws Exception {
        // A seeded sandbox order; the order export is off in this application, so nothing takes it from the inbox.
        long number = 14;
        Instant before = Instant.now().minusSeconds(1);
        inbox.notify(number, "webhook");
        Instant afterWebhook = Instant.now();
        inbox.notify(number, "events");
        inbox.notify(number, "poll");
        inbox.notify(number, "webhook");

        MvcResult result = page("number", Long.toString(number));

        OrderView order = (OrderView) result.getModelAndView().getModel().get("order");
        assertThat(order.told()).extracting(Told::source).containsExactlyInAnyOrder("webhook", "events", "poll");
        Told webhook = order.told().stream().filter(t -> t.source().equals("webhook")).findFirst().orElseThrow();
        assertThat(webhook.times()).isEqualTo(2);
        assertThat(webhook.first()).isBetween(before, afterWebhook);
        assertThat(webhook.last()).isAfterOrEqualTo(webhook.first());
        for (Told told : order.told()) {
            assertThat(told.first()).as(told.source()).isBetween(before, Instant.now());
        }
        assertThat(order.told().stream().filter(t -> !t.source().equals("webhook"))).allSatisfy(t -> {
            assertThat(t.times()).isEqualTo(1);
            assertThat(t.first()).isEqualTo(t.last()).isAfterOrEqualTo(webhook.first());
        });
        assertThat(order.inbox()).hasValueSatisfying(i -> assertThat(i.lastSource()).isEqualTo("webhook"));
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("id=\"told-webhook\"").contains("id=\"told-events\"").contains("id=\"told-poll\"");
    }

    @Test
    void shipmentAndReturnAreFoundByTheirErpReference() throws Exception {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        String insert = "INSERT INTO connector_shipment_progress (flow, erp_reference, order_number, centra_id, step,"
                + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
        state.update(insert, "shipments", "DN-4711", 14L, 3001L, "COMPLETED", now.minusMinutes(5), now);
        state.update(insert, "returns", "DN-4711", 14L, 8001L, "CREATED", now.minusMinutes(2), now);
        state.update(insert, "shipments", "DN-4712", 15L, null, "CREATING", now, now);

        @SuppressWarnings("unchecked")
        List<Progress> found = (List<Progress>) page("reference", " DN-4711 ").getModelAndView().getModel().get("progress");

        assertThat(found).extracting(Progress::flow, Progress::orderNumber, Progress::centraId, Progress::step)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("returns", 14L, 8001L, "CREATED"),
                        org.assertj.core.groups.Tuple.tuple("shipments", 14L, 3001L, "COMPLETED"));
        MvcResult creating = page("reference", "DN-4712");
        assertThat(creating.getResponse().getContentAsString()).contains("CREATING");
        @SuppressWarnings("unchecked")
        List<Progress> none = (List<Progress>) page("reference", "DN-0000").getModelAndView().getModel().get("progress");
        assertThat(none).isEmpty();
        assertThat(page("reference", "DN-0000").getResponse().getContentAsString())
                .contains("No shipment or return with this reference.");
    }

    @Test
    void catalogueKeyShowsItsCentraIdsAndTheKeysUnderItOnly() throws Exception {
        String insert = "INSERT INTO connector_catalogue_id (object_type, erp_key, centra_id, parent_id, updated_at)"
                + " VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)";
        state.update(insert, "Product", "LK_STYLE", 501L, null);
        state.update(insert, "ProductVariant", "LK_STYLE|RED", 601L, 501L);
        state.update(insert, "ProductSize", "LK_STYLE|RED|S", 701L, 601L);
        state.update(insert, "Product", "LK_STYLE2", 502L, null);
        state.update(insert, "Product", "LKXSTYLE", 503L, null);
        state.update(insert, "ProductVariant", "LKXSTYLE|RED", 603L, 503L);

        @SuppressWarnings("unchecked")
        List<CatalogueKey> keys = (List<CatalogueKey>) page("key", "LK_STYLE").getModelAndView().getModel().get("keys");

        assertThat(keys).extracting(CatalogueKey::objectType, CatalogueKey::erpKey, CatalogueKey::centraId,
                CatalogueKey::parentId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Product", "LK_STYLE", 501L, null),
                org.assertj.core.groups.Tuple.tuple("ProductVariant", "LK_STYLE|RED", 601L, 501L),
                org.assertj.core.groups.Tuple.tuple("ProductSize", "LK_STYLE|RED|S", 701L, 601L));
        @SuppressWarnings("unchecked")
        List<CatalogueKey> unknown = (List<CatalogueKey>) page("key", "NO-SUCH").getModelAndView().getModel().get("keys");
        assertThat(unknown).isEmpty();
    }
}
