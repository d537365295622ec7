package org.centraerp.connector.state;

import java.sql.DatabaseMetaData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

/**
 * The connector's state database: one JdbcTemplate, the vendor (detected once), and the clock.
 * Timestamps are stored as UTC wall-clock values so instances in different time zones agree.
 */
public final class StateDatabase {

    private final JdbcTemplate jdbc;
    private final DatabaseVendor vendor;
    private final Clock clock;

    public StateDatabase(DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
    }

    public StateDatabase(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.vendor = detectVendor(dataSource);
        this.clock = clock;
    }

    public static DatabaseVendor detectVendor(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return DatabaseVendor.fromProductName(product);
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("Cannot reach the state database to detect its type: "
                    + e.getMostSpecificCause().getMessage(), e);
        }
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public DatabaseVendor vendor() {
        return vendor;
    }

    /** Now, in UTC, to the millisecond (the precision every supported vendor keeps). */
    public LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC);
    }

    static Instant toInstant(LocalDateTime utc) {
        return utc == null ? null : utc.toInstant(ZoneOffset.UTC);
    }

    static LocalDateTime toUtc(Instant instant) {
        return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
