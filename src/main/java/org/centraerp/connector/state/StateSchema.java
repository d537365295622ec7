package org.centraerp.connector.state;

import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.autoconfigure.flyway.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Gives the state migrations their per-vendor placeholders, both when Spring Boot runs Flyway at
 * start-up and when a test or command-line tool migrates a DataSource itself.
 */
@Component
public class StateSchema implements FlywayConfigurationCustomizer {

    public static final String LOCATION = "classpath:db/migration";

    @Override
    public void customize(FluentConfiguration configuration) {
        withPlaceholders(configuration, configuration.getDataSource());
    }

    /** Adds the vendor placeholders to what is configured already (spring.flyway.placeholders win). */
    public static FluentConfiguration withPlaceholders(FluentConfiguration configuration, DataSource dataSource) {
        Map<String, String> placeholders =
                new HashMap<>(StateDatabase.detectVendor(dataSource).migrationPlaceholders());
        placeholders.putAll(configuration.getPlaceholders());
        return configuration.placeholders(placeholders);
    }

    /** Migrates the DataSource's current schema to the latest state schema. */
    public static MigrateResult migrate(DataSource dataSource) {
        FluentConfiguration configuration = Flyway.configure().dataSource(dataSource).locations(LOCATION);
        return withPlaceholders(configuration, dataSource).load().migrate();
    }
}
