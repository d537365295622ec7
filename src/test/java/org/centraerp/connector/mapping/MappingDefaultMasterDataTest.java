package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped default master-data mapping applied to objects shaped like Centra's answers. */
class MappingDefaultMasterDataTest {

    private static DefaultCamelContext camel;
    private static MasterDataMapping masterData;

    @BeforeAll
    static void load() {
        camel = new DefaultCamelContext();
        camel.start();
        masterData = new MappingValidator(camel).load(Path.of("mappings"), "default").masterData();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    private static Map<String, Object> map(String entity, String centraJson) throws Exception {
        JsonNode object = new ObjectMapper().readTree(centraJson);
        return masterData.entity(entity).orElseThrow().fields().map(object);
    }

    @Test
    void csvSettingsAreRead() {
        assertThat(masterData.format()).isEqualTo(MasterDataMapping.Format.CSV);
        assertThat(masterData.csv()).isEqualTo(new MasterDataMapping.Csv(';', StandardCharsets.UTF_8, true));
        assertThat(masterData.entity("sizeCharts").orElseThrow().file()).isEqualTo("size-charts.csv");
    }

    @Test
    void storesMarketsWarehousesPricelistsAndSizeChartsBecomeErpColumns() throws Exception {
        assertThat(map("stores", """
                {"id": 1, "name": "Retail", "type": "DIRECT_TO_CONSUMER"}"""))
                .containsExactly(Map.entry("store_id", 1L), Map.entry("store_name", "Retail"), Map.entry("channel", "B2C"));
        assertThat(map("markets", """
                {"id": 2, "name": "A", "store": {"id": 2, "name": "Wholesale"},
                 "assignedToCountries": [{"name": "Sweden", "code": "SE"}, {"name": "Norway", "code": "NO"}]}"""))
                .containsExactly(Map.entry("market_id", 2L), Map.entry("market_name", "A"), Map.entry("store_id", 2L),
                        Map.entry("countries", "SE|NO"));
        assertThat(map("warehouses", """
                {"id": 3, "name": "Main Warehouse", "status": "ACTIVE"}"""))
                .containsExactly(Map.entry("warehouse_id", 3L), Map.entry("warehouse_name", "Main Warehouse"),
                        Map.entry("status", "ACTIVE"), Map.entry("active", 1L));
        assertThat(map("pricelists", """
                {"id": 61, "name": "Test pricelist SEK", "status": "INACTIVE", "currency": {"code": "SEK"},
                 "store": {"id": 1, "name": "Retail", "type": "DIRECT_TO_CONSUMER"}}"""))
                .containsExactly(Map.entry("pricelist_id", 61L), Map.entry("pricelist_name", "Test pricelist SEK"),
                        Map.entry("status", "INACTIVE"), Map.entry("currency", "SEK"), Map.entry("store_id", 1L));
        assertThat(map("sizeCharts", """
                {"id": 1, "name": "One Size", "sizes": [{"id": 1, "name": "One Size"}]}"""))
                .containsExactly(Map.entry("size_chart_id", 1L), Map.entry("size_chart_name", "One Size"),
                        Map.entry("sizes", "One Size"));
    }

    @Test
    void aPricelistWithoutCurrencyIsRejectedByName() throws Exception {
        MappedRecord mapped = masterData.entity("pricelists").orElseThrow().fields()
                .apply(new ObjectMapper().readTree("{\"id\": 5, \"name\": \"EUR\"}"));
        assertThat(mapped.problems()).extracting(RecordProblem::toString)
                .containsExactly("field currency: required, but missing (from 'currency.code')");
    }
}
