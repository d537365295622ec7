package org.centraerp.connector.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spring Boot runs the state migrations (with the vendor placeholders) and offers the repositories as beans. */
class StateSpringWiringTest {

    private final ApplicationContextRunner app = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                    DataSourceTransactionManagerAutoConfiguration.class))
            .withUserConfiguration(StateSchema.class, StateConfiguration.class)
            .withBean(CamelContext.class, DefaultCamelContext::new)
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:wiring;DB_CLOSE_DELAY=-1",
                    "spring.flyway.locations=classpath:db/migration",
                    "connector.state.read-lock.lock-max-age=2m");

    @Test
    void flywayMigratesAtStartUpAndRepositoriesWork() {
        app.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBean(StateDatabase.class).vendor()).isEqualTo(DatabaseVendor.H2);
            assertThat(context.getBean(IdempotencyKeys.class).claim("wiring", "k")).isTrue();
            context.getBean(Watermarks.class).advance("wiring", "1");
            assertThat(context.getBean(DeadLetters.class).record("wiring", "test", null, "reason", "{}")).isPositive();
            assertThat(context.getBean(SentValues.class).changed("wiring", java.util.Map.of("a", "1"))).hasSize(1);
            assertThat(context.getBean(FileCheckpoints.class).begin("wiring", "f.csv", "c").started()).isTrue();
            JdbcOrphanLockAwareIdempotentRepository locks = context.getBean("fileReadLockRepository",
                    JdbcOrphanLockAwareIdempotentRepository.class);
            assertThat(locks.getTableName()).isEqualTo(StateConfiguration.CAMEL_MESSAGE_TABLE);
            assertThat(locks.getLockMaxAgeMillis()).isEqualTo(120_000);
            assertThat(locks.isCreateTableIfNotExists()).isFalse();
        });
    }
}
