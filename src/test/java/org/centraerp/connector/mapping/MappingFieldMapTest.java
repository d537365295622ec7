package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.mapping.LookupTables.LookupTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MappingFieldMapTest {

    private static DefaultCamelContext camel;
    private static final LookupTables LOOKUPS = new LookupTables(Map.of("warehouses", new LookupTable("warehouses",
            Map.of("WH1", "Main Warehouse", "WH2", "Retail Warehouse"), "mappings/acme/lookups.yaml")),
            "mappings/acme/lookups.yaml");

    @TempDir
    Path dir;

    @BeforeAll
    static void camel() {
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    /** Compiles a {@code fields:} list written in YAML, failing on any mapping problem. */
    private FieldMap fields(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("test.yaml"), yaml);
        List<MappingProblem> problems = new ArrayList<>();
        MappingFile mapping = new MappingFile("test.yaml", "test", LocatedYaml.read(file, "test.yaml", problems), problems);
        FieldMap map = new FieldMapCompiler(camel, LOOKUPS).compile(mapping, mapping.root().get("fields"), "fields");
        assertThat(problems).isEmpty();
        return map;
    }

    @Test
    void fromReadsPlainNestedAndListPathsInFieldOrder() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: countries, from: "assignedToCountries[*].code"}
                  - {name: market_id, from: id}
                  - {name: store_id, from: $.store.id}
                  - {name: style, from: "['Style No']"}
                  - {name: missing, from: store.missing.deeper}
                """);
        Map<String, Object> centraMarket = Map.of("id", 2, "store", Map.of("id", 1),
                "assignedToCountries", List.of(Map.of("code", "SE"), Map.of("code", "NO")), "Style No", "A-100");

        MappedRecord mapped = map.apply(centraMarket);

        assertThat(mapped.isValid()).isTrue();
        assertThat(mapped.values()).containsExactly(Map.entry("countries", "SE|NO"), Map.entry("market_id", 2),
                Map.entry("store_id", 1), Map.entry("style", "A-100"), new SimpleEntry<>("missing", null));
        assertThat(map.fieldNames()).containsExactly("countries", "market_id", "store_id", "style", "missing");
    }

    @Test
    void expressionComputesWithSimpleAndValueIsAConstant() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: sku, expression: "${body[styleNo]}-${body[colour]}"}
                  - {name: source, value: ERP}
                  - {name: upper, expression: "${body[colour].toUpperCase()}"}
                """);
        assertThat(map.map(Map.of("styleNo", "SW-1", "colour", "red")))
                .containsExactly(Map.entry("sku", "SW-1-red"), Map.entry("source", "ERP"), Map.entry("upper", "RED"));
    }

    @Test
    void lookupReplacesCodesAndAMissingCodeIsAProblemUnlessLookupDefault() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: warehouse, from: wh, lookup: warehouses}
                  - {name: fallback, from: wh, lookup: warehouses, lookup-default: Unknown}
                """);
        assertThat(map.map(Map.of("wh", "WH2"))).containsEntry("warehouse", "Retail Warehouse")
                .containsEntry("fallback", "Retail Warehouse");

        MappedRecord miss = map.apply(Map.of("wh", "WH9"));
        assertThat(miss.problems()).containsExactly(new RecordProblem("warehouse",
                "'WH9' is not in lookup table 'warehouses' (add it to mappings/acme/lookups.yaml or set lookup-default)"));
        assertThat(miss.values()).containsEntry("fallback", "Unknown");
    }

    @Test
    void defaultFillsMissingOrBlankValuesAndRequiredRejectsTheRest() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: warehouse, from: wh, default: WH1, lookup: warehouses}
                  - {name: currency, from: currency, default: SEK}
                  - {name: sku, from: sku, required: true}
                """);
        assertThat(map.map(Map.of("wh", " ", "sku", "S-1")))
                .containsExactly(Map.entry("warehouse", "Main Warehouse"), Map.entry("currency", "SEK"),
                        Map.entry("sku", "S-1"));
        assertThat(map.apply(Map.of("sku", "")).problems())
                .containsExactly(new RecordProblem("sku", "required, but missing (from 'sku')"));
    }

    @Test
    void typesConvertGoodValuesAndNameBadOnes() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: quantity, from: qty, type: integer}
                  - {name: price, from: price, type: decimal}
                  - {name: active, from: active, type: boolean}
                  - {name: shipped, from: shipped, type: date}
                  - {name: delivery, from: delivery, type: date, format: dd.MM.yyyy}
                  - {name: code, from: code, type: string}
                """);
        Map<String, Object> good = map.map(Map.of("qty", "14", "price", "12.50", "active", "yes",
                "shipped", "2024-05-01T23:30:00+02:00", "delivery", "03.06.2024", "code", 7));
        assertThat(good).containsExactly(Map.entry("quantity", 14L), Map.entry("price", new BigDecimal("12.50")),
                Map.entry("active", true), Map.entry("shipped", LocalDate.of(2024, 5, 1)),
                Map.entry("delivery", LocalDate.of(2024, 6, 3)), Map.entry("code", "7"));

        MappedRecord bad = map.apply(Map.of("qty", "abc", "price", "12,50", "active", "maybe",
                "shipped", "01/05/2024", "delivery", "2024-06-03", "code", "x"));
        assertThat(bad.problems()).extracting(RecordProblem::toString).containsExactly(
                "field quantity: not an integer 'abc'",
                "field price: not a decimal number '12,50' (use a dot: 12.50)",
                "field active: not a boolean 'maybe' (true/false, yes/no, 1/0)",
                "field shipped: not a date '01/05/2024' (expected yyyy-MM-dd)",
                "field delivery: not a date '2024-06-03' (expected dd.MM.yyyy)");
        assertThat(map.apply(Map.of("qty", "10.0")).values()).containsEntry("quantity", 10L);
        assertThat(map.apply(Map.of("qty", 10.5)).problems()).containsExactly(
                new RecordProblem("quantity", "not an integer '10.5'"));
    }

    @Test
    void aBadRecordThrowsWithEveryProblemForTheReport() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: sku, from: sku, required: true}
                  - {name: quantity, from: qty, type: integer}
                """);
        assertThatThrownBy(() -> map.map(Map.of("qty", "abc")))
                .isInstanceOf(RecordMappingException.class)
                .hasMessage("field sku: required, but missing (from 'sku'); field quantity: not an integer 'abc'")
                .satisfies(e -> assertThat(((RecordMappingException) e).describe("stock.csv line 14"))
                        .isEqualTo("stock.csv line 14: field sku: required, but missing (from 'sku'); "
                                + "field quantity: not an integer 'abc'"));
    }

    @Test
    void jsonNodesMapLikeMapsAndDecimalsKeepTheirScale() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: id, from: id, type: integer}
                  - {name: sizes, from: "sizes[*].name"}
                  - {name: price, from: price.value}
                """);
        var json = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true)).readTree("""
                {"id": 3, "sizes": [{"name": "S"}, {"name": "M"}, {"name": "L"}], "price": {"value": 12.10}}
                """);
        assertThat(map.map(json)).containsExactly(Map.entry("id", 3L), Map.entry("sizes", "S|M|L"),
                Map.entry("price", new BigDecimal("12.10")));
    }

    @Test
    void erpRowsMapToCentraFieldsWithTheSameApi() throws IOException {
        FieldMap toCentra = fields("""
                fields:
                  - {name: productSize, expression: "${body[Style]}-${body[Colour]}-${body[Size]}", required: true}
                  - {name: warehouse, from: Lager, lookup: warehouses, required: true}
                  - {name: physicalQuantity, from: Qty, type: integer, default: 0}
                """);
        Map<String, Object> erpRow = new LinkedHashMap<>();
        erpRow.put("Style", "SW1");
        erpRow.put("Colour", "RED");
        erpRow.put("Size", "M");
        erpRow.put("Lager", "WH1");
        erpRow.put("Qty", "");
        assertThat(toCentra.map(erpRow)).containsExactly(Map.entry("productSize", "SW1-RED-M"),
                Map.entry("warehouse", "Main Warehouse"), Map.entry("physicalQuantity", 0L));
    }
}
