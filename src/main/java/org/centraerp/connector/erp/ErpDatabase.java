package org.centraerp.connector.erp;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ERP's own database, when one is configured: staging tables the ERP reads or fills.
 * Kept out of the bean factory as a {@link DataSource} on purpose, so Spring Boot's state
 * datasource stays the primary one.
 */
@Component
public class ErpDatabase implements DisposableBean {

    private static final int STREAM_FETCH_SIZE = 1000;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final HikariDataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate reads;

    public ErpDatabase(ErpProperties properties) {
        ErpProperties.Datasource config = properties.datasource();
        if (!config.configured()) {
            dataSource = null;
            jdbc = null;
            transactions = null;
            streaming = null;
            reads = null;
            return;
        }
        dataSource = new HikariDataSource();
        dataSource.setPoolName("erp");
        dataSource.setJdbcUrl(config.url());
        dataSource.setUsername(config.username());
        dataSource.setPassword(config.password());
        dataSource.setMaximumPoolSize(4);
        // An unreachable ERP database fails a write within 10 s instead of holding the flow for 30 s.
        dataSource.setConnectionTimeout(10_000);
        jdbc = new JdbcTemplate(dataSource);
        DataSourceTransactionManager manager = new DataSourceTransactionManager(dataSource);
        transactions = new TransactionTemplate(manager);
        // Rows come in chunks, not all at once: PostgreSQL uses a cursor only inside a transaction.
        JdbcTemplate chunked = new JdbcTemplate(dataSource);
        chunked.setFetchSize(STREAM_FETCH_SIZE);
        streaming = new NamedParameterJdbcTemplate(chunked);
        reads = new TransactionTemplate(manager);
        reads.setReadOnly(true);
    }

    public boolean configured() {
        return dataSource != null;
    }

    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(dataSource);
    }

    /**
     * Replaces the whole content of a staging table in one transaction: the ERP sees either the
     * old rows or the new ones. For small master-data tables only.
     */
    public void replaceAll(String table, List<String> columns, List<Map<String, Object>> rows) {
        requireConfigured();
        String sqlTable = identifier(table);
        List<String> sqlColumns = columns.stream().map(ErpDatabase::identifier).toList();
        String insert = "INSERT INTO " + sqlTable + " (" + String.join(", ", sqlColumns) + ") VALUES ("
                + String.join(", ", sqlColumns.stream().map(c -> "?").toList()) + ")";
        List<Object[]> values = rows.stream()
                .map(row -> columns.stream().map(row::get).toArray())
                .toList();
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM " + sqlTable);
            jdbc.batchUpdate(insert, values);
        });
    }

    /**
     * Runs a query of the ERP's (named parameters such as {@code :watermark}) and hands each row to {@code rows}
     * as it arrives, so a table of any size passes through in little memory.
     */
    public void stream(String sql, Map<String, ?> parameters, RowCallbackHandler rows) {
        requireConfigured();
        reads.executeWithoutResult(status -> streaming.query(sql, parameters, rows));
    }

    private void requireConfigured() {
        if (!configured()) {
            throw new IllegalStateException("no ERP database configured: set ERP_DB_URL");
        }
    }

    /** Table and column names come from mapping files: allow plain identifiers only. */
    static String identifier(String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a plain SQL identifier (letters, digits, _)");
        }
        return name;
    }

    @Override
    public void destroy() {
        if (dataSource != null) {
            dataSource.close();
        }
    }
}
