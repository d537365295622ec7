package org.centraerp.connector.ops.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.ops.console.Inboxes.HandledFile;
import org.centraerp.connector.ops.console.Inboxes.Inbox;
import org.centraerp.connector.ops.console.Inboxes.Report;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The Files page with files the stock flow really read: a report's download is the report, byte for byte, as CSV;
 * a refused file is listed with the error the flow wrote beside it.
 */
@ConsolePagesTest
class FilePagesTest {

    private static final Path INBOX = Path.of("target/test-erp/console-pages/in/stock");
    private static final RequestPostProcessor VERA = user("vera").roles("VIEWER");

    @Autowired
    MockMvc mvc;

    private static String drop(String name, String content) throws Exception {
        Files.createDirectories(INBOX);
        Path temp = INBOX.resolve(name + ".tmp");
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, INBOX.resolve(name));
        return name;
    }

    @Test
    void reportDownloadIsTheReportAsCsvAndThePageFiltersByOutcome() throws Exception {
        String file = drop("stock-" + System.nanoTime() + ".csv",
                "sku;warehouse;quantity\nSWEATER-RED-S;WH1;25\nSWEATER-RED-S;WH9;4\n");
        Path report = INBOX.resolve(".done").resolve(file + ".report.csv");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(report));

        MvcResult download = mvc.perform(get("/console/files/stock/" + file + "/report.csv").with(VERA))
                .andExpect(status().isOk()).andReturn();

        assertThat(MediaType.parseMediaType(download.getResponse().getContentType()).isCompatibleWith(
                new MediaType("text", "csv"))).as(download.getResponse().getContentType()).isTrue();
        assertThat(download.getResponse().getHeader(HttpHeaders.CONTENT_DISPOSITION))
                .isEqualTo("attachment; filename=\"" + file + ".report.csv\"");
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(report));

        Report all = (Report) mvc.perform(get("/console/files/stock/" + file).with(VERA)).andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("report");
        assertThat(all.rows()).hasSize(2);
        assertThat(all.columns()).contains("outcome");
        int outcome = all.columns().indexOf("outcome");
        String failed = all.rows().stream().filter(r -> r.contains("WH9")).findFirst().orElseThrow().get(outcome);
        assertThat(failed).isNotEqualTo("applied");
        Report filtered = (Report) mvc.perform(get("/console/files/stock/" + file).param("outcome", failed).with(VERA))
                .andReturn().getModelAndView().getModel().get("report");
        assertThat(filtered.rows()).singleElement().satisfies(r -> assertThat(r).contains("WH9"));
        assertThat(filtered.outcomes()).isEqualTo(all.outcomes());

        mvc.perform(get("/console/files/stock/no-such.csv/report.csv").with(VERA)).andExpect(status().isNotFound());
        mvc.perform(get("/console/files/stock/..%2F..%2Fsecret/report.csv").with(VERA))
                .andExpect(r -> assertThat(r.getResponse().getStatus()).isBetween(400, 404));
    }

    @Test
    void refusedFileIsListedWithItsError() throws Exception {
        String file = drop("stock-" + System.nanoTime() + ".csv", "article;store\nSWEATER-RED-S;WH1\n");
        Path error = INBOX.resolve(".error").resolve(file + ".error.txt");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.isRegularFile(error));
        String reason = Files.readString(error, StandardCharsets.UTF_8).strip();
        assertThat(reason).isNotBlank();

        MvcResult page = mvc.perform(get("/console/files").with(VERA)).andExpect(status().isOk()).andReturn();

        @SuppressWarnings("unchecked")
        Map<Inbox, List<HandledFile>> inboxes = (Map<Inbox, List<HandledFile>>) page.getModelAndView().getModel()
                .get("inboxes");
        List<HandledFile> stock = inboxes.entrySet().stream().filter(e -> e.getKey().name().equals("stock"))
                .findFirst().orElseThrow().getValue();
        assertThat(stock).filteredOn(f -> f.name().equals(file)).singleElement().satisfies(f -> {
            assertThat(f.state()).isEqualTo("refused");
            assertThat(f.error()).isEqualTo(reason);
        });
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains(file).contains(org.springframework.web.util.HtmlUtils.htmlEscape(reason.lines()
                .findFirst().orElseThrow()));
        mvc.perform(get("/console/files/stock/" + file + "/report.csv").with(VERA)).andExpect(status().isNotFound());
    }
}
