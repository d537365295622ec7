package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class LoggedStackTracesTest {

    private static final String OUTPUT = String.join("\n",
            "2026-12-06T21:45:43.592Z  INFO 1 --- [app] [orker-1] org.quartz.core.JobRunShell : Job threw",
            "org.quartz.JobExecutionException: boom",
            "\tat org.apache.camel.component.quartz.CamelJob.execute(CamelJob.java:89)",
            "Caused by: org.centraerp.connector.centra.CentraQueryException: Centra could not run",
            "\tat org.centraerp.connector.flows.orders.OrderPolling.poll(OrderPolling.java:60)",
            "\t... 3 common frames omitted",
            "2026-12-06T21:45:44.000Z  WARN 1 --- [app] [s/in/stock] o.c.connector.ops.FlowRetryPolicy : failed",
            "java.lang.IllegalStateException: bug",
            "\tat org.centraerp.connector.flows.stock.StockFileImport.map(StockFileImport.java:10)",
            "2026-12-06T21:45:45.000Z  INFO 1 --- [app] [s/in/stock] o.c.connector.ops.FlowRetryPolicy : resumed");

    @Test
    void eachTraceComesWithItsLogLineFramesAndCauses() {
        List<String> traces = LoggedStackTraces.of(OUTPUT);

        assertThat(traces).hasSize(2);
        assertThat(traces.get(0)).startsWith("2026-12-06T21:45:43.592Z").contains("OrderPolling.poll")
                .endsWith("common frames omitted");
        assertThat(traces.get(1)).contains("FlowRetryPolicy : failed").contains("StockFileImport.map")
                .doesNotContain("resumed");
    }

    @Test
    void onlyTheTracesThatBelongAreKept() {
        assertThat(LoggedStackTraces.of(OUTPUT, trace -> trace.contains("/in/stock]"))).singleElement()
                .asString().contains("IllegalStateException: bug");
        assertThat(LoggedStackTraces.of("no traces\n\there")).isEmpty();
    }
}
