package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.centraerp.connector.state.DeadLetter;
import org.centraerp.connector.state.DeadLetters;
import org.centraerp.connector.state.OperatorActions;
import org.centraerp.connector.state.OperatorActions.Action;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Replay-all of a flow and discard with a reason through the console, each recorded with who did it and when. */
@ConsolePagesTest
class DeadLetterActionsTest {

    private static final RequestPostProcessor OTTO = user("otto").roles("VIEWER", "OPERATOR");

    @Autowired
    MockMvc mvc;

    @Autowired
    DeadLetters letters;

    @Autowired
    OperatorActions actions;

    @Test
    void replayAllHandsBackEveryOpenLetterOfTheFlowAndRecordsWhoAndWhen() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        List<Long> orders = List.of(
                letters.record("orders", "centra order 910001", "910001", "'X' is not in lookup table", null),
                letters.record("orders", "centra order 910002", "910002", "'Y' is not in lookup table", null));
        long returnLetter = letters.record("returns", "centra return 55", "55", "no ERP reason code", null);
        long discarded = letters.record("orders", "centra order 910003", "910003", "duplicate", null);
        letters.discard(discarded, "before the replay");

        mvc.perform(post("/console/dead-letters/replay-all").param("flow", "orders").with(OTTO).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/console/dead-letters?flow=orders&state=all"))
                .andExpect(flash().attribute("message", org.hamcrest.Matchers.matchesPattern("\\d+ dead letters of flow"
                        + " orders replayed")));

        for (long id : orders) {
            DeadLetter letter = letters.find(id).orElseThrow();
            assertThat(letter.state()).as("letter " + id).isEqualTo("replayed");
            assertThat(letter.replayedAt()).isBetween(before, Instant.now());
            assertThat(actions.on(DeadLetterDesk.target(id))).singleElement().satisfies(a -> {
                assertThat(a.actor()).isEqualTo("otto");
                assertThat(a.action()).isEqualTo("replay");
                assertThat(a.detail()).isEqualTo("order " + letter.businessKey() + " is due for export again");
                assertThat(a.actedAt()).isBetween(before, Instant.now());
            });
        }
        assertThat(letters.find(discarded).orElseThrow().state()).as("not open, not replayed").isEqualTo("discarded");
        assertThat(actions.on(DeadLetterDesk.target(discarded))).isEmpty();
        assertThat(letters.find(returnLetter).orElseThrow().isOpen()).as("another flow's letter").isTrue();
        Action all = actions.on("flow orders").get(actions.on("flow orders").size() - 1);
        assertThat(all.actor()).isEqualTo("otto");
        assertThat(all.action()).isEqualTo("replay-all");
        assertThat(all.actedAt()).isBetween(before, Instant.now());
        assertThat(all.detail()).matches("\\d+ dead letters replayed");

        // The letter's page shows who replayed it.
        String page = mvc.perform(get("/console/dead-letters/" + orders.get(0)).with(OTTO))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(">replayed<").contains("<td>otto</td><td>replay</td>");
    }

    @Test
    void replayAllOfAFlowWithoutReplayChangesNothing() throws Exception {
        long id = letters.record("stock", "stock.csv line 3", "SKU-1|WH1", "unknown warehouse", null);

        mvc.perform(post("/console/dead-letters/replay-all").param("flow", "stock").with(OTTO).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("error", "Flow stock has no replay"));

        assertThat(letters.find(id).orElseThrow().isOpen()).isTrue();
        assertThat(actions.on("flow stock")).isEmpty();
    }

    @Test
    void discardKeepsTheReasonAndWhoAndWhenAndAsksForAReason() throws Exception {
        Instant before = Instant.now().minusSeconds(1);
        long id = letters.record("orders", "centra order 920001", "920001", "'X' is not in lookup table", null);

        mvc.perform(post("/console/dead-letters/" + id + "/discard").param("reason", "  ").with(OTTO).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Say why dead letter " + id + " is discarded"));
        assertThat(letters.find(id).orElseThrow().isOpen()).as("no reason, no discard").isTrue();
        assertThat(actions.on(DeadLetterDesk.target(id))).isEmpty();

        mvc.perform(post("/console/dead-letters/" + id + "/discard").param("reason", " test order, cancelled in Centra ")
                        .with(OTTO).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/console/dead-letters/" + id))
                .andExpect(flash().attribute("message", "Dead letter " + id + " discarded"));

        DeadLetter letter = letters.find(id).orElseThrow();
        assertThat(letter.state()).isEqualTo("discarded");
        assertThat(letter.discardReason()).isEqualTo("test order, cancelled in Centra");
        assertThat(letter.discardedAt()).isBetween(before, Instant.now());
        assertThat(actions.on(DeadLetterDesk.target(id))).singleElement().satisfies(a -> {
            assertThat(a.actor()).isEqualTo("otto");
            assertThat(a.action()).isEqualTo("discard");
            assertThat(a.detail()).isEqualTo("test order, cancelled in Centra");
            assertThat(Duration.between(before, a.actedAt())).isPositive();
        });

        // A second discard is refused and not recorded again.
        mvc.perform(post("/console/dead-letters/" + id + "/discard").param("reason", "again").with(OTTO).with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.startsWith("Dead letter " + id + " is not open")));
        assertThat(actions.on(DeadLetterDesk.target(id))).hasSize(1);
        String page = mvc.perform(get("/console/dead-letters/" + id).with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("test order, cancelled in Centra").contains("<td>otto</td><td>discard</td>");
    }
}
