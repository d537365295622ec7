package org.centraerp.connector.state;

import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.processor.idempotent.jdbc.JdbcOrphanLockAwareIdempotentRepository;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The state repositories over the application's DataSource (spring.datasource.*). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StateProperties.class)
public class StateConfiguration {

    /** Table created by V1__connector_state.sql; Camel is told never to create one itself. */
    public static final String CAMEL_MESSAGE_TABLE = "connector_camel_message_processed";

    @Bean
    StateDatabase stateDatabase(DataSource dataSource) {
        return new StateDatabase(dataSource);
    }

    @Bean
    IdempotencyKeys idempotencyKeys(StateDatabase db) {
        return new IdempotencyKeys(db);
    }

    @Bean
    FileCheckpoints fileCheckpoints(StateDatabase db) {
        return new FileCheckpoints(db);
    }

    @Bean
    Watermarks watermarks(StateDatabase db) {
        return new Watermarks(db);
    }

    @Bean
    DeadLetters deadLetters(StateDatabase db) {
        return new DeadLetters(db);
    }

    @Bean
    CentraSchemaCache centraSchemaCache(StateDatabase db) {
        return new CentraSchemaCache(db);
    }

    @Bean
    OperatorActions operatorActions(StateDatabase db) {
        return new OperatorActions(db);
    }

    @Bean
    SentValues sentValues(StateDatabase db) {
        return new SentValues(db);
    }

    /**
     * For {@code file:...?readLock=idempotent&idempotentRepository=#fileReadLockRepository}: shared by all
     * instances through the state database; a lock left by a killed instance expires after lock-max-age.
     * Camel's own lock is only a guard against two readers: the file checksum checkpoint keeps correctness.
     * Camel 4.17: do not combine readLock=idempotent with preMove (CAMEL-24093, fixed later: the key is
     * released under the moved path, so the original key stays and same-named files are never read again).
     */
    @Bean
    JdbcOrphanLockAwareIdempotentRepository fileReadLockRepository(DataSource dataSource, CamelContext camelContext,
                                                                   StateProperties properties) {
        return fileReadLockRepository(dataSource, camelContext, properties.readLock());
    }

    /** The same repository without Spring (tests, tools). */
    public static JdbcOrphanLockAwareIdempotentRepository fileReadLockRepository(
            DataSource dataSource, CamelContext camelContext, StateProperties.ReadLock readLock) {
        JdbcOrphanLockAwareIdempotentRepository repository =
                new JdbcOrphanLockAwareIdempotentRepository(dataSource, readLock.processorName(), camelContext);
        repository.setTableName(CAMEL_MESSAGE_TABLE);
        repository.setCreateTableIfNotExists(false);
        repository.setLockMaxAgeMillis(readLock.lockMaxAge().toMillis());
        repository.setLockKeepAliveIntervalMillis(readLock.keepAlive().toMillis());
        return repository;
    }
}
