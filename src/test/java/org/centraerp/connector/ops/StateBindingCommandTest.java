package org.centraerp.connector.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.centraerp.connector.ConnectorApplication;
import org.centraerp.connector.state.CentraBindings;
import org.centraerp.connector.state.CentraBindings.Binding;
import org.centraerp.connector.state.StateDatabase;
import org.centraerp.connector.state.StateSchema;
import org.centraerp.connector.state.Watermarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A state database bound to one Centra: the connector refuses to start against another with one line saying what
 * to do, and the reset-state command empties it so the next start binds it anew.
 */
@ExtendWith(OutputCaptureExtension.class)
class StateBindingCommandTest {

    private static final Binding STAGING = new Binding("https://staging.example/graphql", "stores 1 Retail");

    private static String boundState(String name) {
        String url = "jdbc:h2:mem:" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername("sa");
        DataSource ds = dataSource;
        StateSchema.migrate(ds);
        StateDatabase db = new StateDatabase(ds);
        new CentraBindings(db).bind(STAGING);
        new Watermarks(db).advance("orders-poll", "2026-01-01T00:00:00Z");
        dataSource.close();
        return url;
    }

    @Test
    void startAgainstAnotherCentraIsRefusedWithOneLine() {
        String state = boundState("refused");

        assertThatThrownBy(() -> SpringApplication.run(ConnectorApplication.class,
                "--spring.datasource.url=" + state, "--server.port=0", "--camel.main.auto-startup=false",
                "--connector.centra.url=http://127.0.0.1:9/graphql", "--connector.centra.token=t",
                "--connector.centra.retry.max-attempts=1"))
                .isInstanceOf(ConnectorSetupException.class)
                .hasMessage("the state database belongs to another Centra: https://staging.example/graphql"
                        + " (stores 1 Retail), not http://127.0.0.1:9/graphql — run the reset-state command to forget"
                        + " what was sent there, or give this Centra a new state database (STATE_DB_URL)");
        assertThat(new ConnectorSetupFailureAnalyzer().analyze(new ConnectorSetupException("x")).getDescription())
                .isEqualTo("x");
    }

    @Test
    void resetStateEmptiesTheStateAndForgetsItsCentra(CapturedOutput output) {
        String state = boundState("reset");

        int status = ResetStateCommand.run(new String[] {"--spring.datasource.url=" + state});

        assertThat(status).isZero();
        assertThat(output.getOut()).containsPattern("reset-state: emptied \\d+ state tables \\(they belonged to"
                + " https://staging.example/graphql \\(stores 1 Retail\\)\\); the next start binds");
        try (HikariDataSource dataSource = new HikariDataSource()) {
            dataSource.setJdbcUrl(state);
            dataSource.setUsername("sa");
            StateDatabase db = new StateDatabase(dataSource);
            assertThat(new CentraBindings(db).read()).isEmpty();
            assertThat(new Watermarks(db).read("orders-poll")).isEmpty();
        }
    }
}
