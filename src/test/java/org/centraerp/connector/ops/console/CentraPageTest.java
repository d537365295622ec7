package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.centraerp.connector.ops.console.CentraStatus.FlowAccess;
import org.centraerp.connector.ops.console.CentraStatus.View;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The Centra page with the sandbox's full token: every enabled flow's reads and write probes pass. */
@ConsolePagesTest
class CentraPageTest {

    @Autowired
    MockMvc mvc;

    @Test
    void fullTokenHasWhatEveryEnabledFlowReadsAndWrites() throws Exception {
        MvcResult page = mvc.perform(get("/console/centra").with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn();

        View view = (View) page.getModelAndView().getModel().get("centra");
        assertThat(view.error()).isNull();
        assertThat(view.flows()).extracting(FlowAccess::flow).contains("import-stock-file", "export-orders");
        assertThat(view.flows()).allSatisfy(f -> assertThat(f.lacking()).as(f.flow()).isEmpty());
        assertThat(view.flows()).filteredOn(f -> f.flow().equals("import-stock-file")).singleElement()
                .satisfies(f -> assertThat(f.writes()).containsExactly("check/setStock"));
        assertThat(page.getResponse().getContentAsString()).contains("check/setStock").doesNotContain("lacks ");
    }
}
