package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ErpFileFormatTest {

    private static final List<String> COLUMNS = List.of("id", "name");

    private static Map<String, Object> row(Object id, Object name) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("name", name);
        return row;
    }

    @Test
    void csvHasHeaderDelimiterAndQuotesWhereNeeded() {
        byte[] csv = ErpFileFormat.csv(';', StandardCharsets.UTF_8, true)
                .render(COLUMNS, List.of(row(1, "Retail"), row(2, "Whole;sale")));

        assertThat(new String(csv, StandardCharsets.UTF_8)).isEqualTo("id;name\n1;Retail\n2;\"Whole;sale\"\n");
    }

    @Test
    void csvInTheConfiguredCharset() {
        byte[] csv = ErpFileFormat.csv(',', StandardCharsets.ISO_8859_1, false).render(COLUMNS, List.of(row(1, "Göteborg")));

        assertThat(csv).isEqualTo("1,G\u00f6teborg\n".getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void jsonIsAnArrayOfObjects() {
        byte[] json = ErpFileFormat.json(StandardCharsets.UTF_8).render(COLUMNS, List.of(row(1, "Retail")));

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"id\" : 1", "\"name\" : \"Retail\"").startsWith("[");
    }
}
