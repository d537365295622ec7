package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.centraerp.connector.ops.console.CentraStatus.FlowAccess;
import org.centraerp.connector.ops.console.CentraStatus.View;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The Centra page with a token that may only read (the sandbox's sandbox-readonly-token): every flow's reads pass,
 * and the write permissions the flows need are named, probed as {@code check} probes them.
 */
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:console-readonly-token;DB_CLOSE_DELAY=-1",
        "connector.erp.folder=target/test-erp/console-readonly-token",
        "camel.main.routes-include-pattern=file:routes/import-erp-file.camel.yaml,file:routes/export-orders.camel.yaml",
        "connector.master-data.at-start=false",
        "connector.centra.token=sandbox-readonly-token",
        "connector.orders.enabled=false",
        "connector.orders.poll.enabled=false"})
class CentraPageReadOnlyTokenTest {

    @Autowired
    MockMvc mvc;

    @Test
    void readOnlyTokenLacksTheWritePermissionsOfTheFlowsThatWrite() throws Exception {
        MvcResult page = mvc.perform(get("/console/centra").with(user("vera").roles("VIEWER")))
                .andExpect(status().isOk()).andReturn();

        View view = (View) page.getModelAndView().getModel().get("centra");
        assertThat(view.error()).isNull();
        assertThat(view.flows()).filteredOn(f -> f.flow().equals("import-stock-file")).singleElement()
                .satisfies(f -> assertThat(f.lacking()).containsExactly("StockChange:write"));
        assertThat(view.flows()).filteredOn(f -> f.flow().equals("import-price-file")).singleElement()
                .satisfies(f -> assertThat(f.lacking()).containsExactly("Price:write"));
        assertThat(view.flows()).allSatisfy(f -> {
            assertThat(f.lacking()).as(f.flow() + ": reads pass").allMatch(p -> p.endsWith(":write"));
            assertThat(f.lacking().isEmpty()).as(f.flow() + ": lacks something exactly when it writes")
                    .isEqualTo(f.writes().isEmpty());
        });
        assertThat(page.getResponse().getContentAsString()).contains("lacks StockChange:write");
    }
}
