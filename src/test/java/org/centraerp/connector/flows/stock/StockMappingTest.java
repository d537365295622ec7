package org.centraerp.connector.flows.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.mapping.MappingProblem;
import org.centraerp.connector.mapping.MappingValidator;
import org.centraerp.connector.mapping.StockMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mappings of kind stock: the shipped one reads as the demo needs, a broken one names file, line and key. */
class StockMappingTest {

    @TempDir
    Path mappings;

    @Test
    void shippedStockMappingIsAbsoluteBySkuWithTheSampleColumns() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            StockMapping stock = new MappingValidator(camel).load(Path.of("mappings"), "default").stock();

            assertThat(stock.mode()).isEqualTo(StockMapping.Mode.ABSOLUTE);
            assertThat(stock.productKey()).isEqualTo(StockMapping.ProductKey.SKU);
            assertThat(stock.columns()).containsExactly("sku", "warehouse", "quantity");
            assertThat(stock.csv().delimiter()).isEqualTo(';');
            assertThat(stock.fields().fieldNames()).contains("key", "warehouse-id", "quantity");
        }
    }

    @Test
    void stockMappingWithoutQuantityOrWithAnUnknownModeIsRefusedAtStart() throws Exception {
        Path customer = Files.createDirectories(mappings.resolve("acme"));
        Files.writeString(customer.resolve("stock.yaml"), """
                kind: stock
                mode: sometimes
                csv: {charset: NO-SUCH-CHARSET}
                columns: [sku, wh]
                fields:
                  - {name: key, from: sku}
                  - {name: warehouse-id, from: wh}
                """);

        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            List<String> problems = new MappingValidator(camel).validate(mappings, "acme").stream()
                    .map(MappingProblem::toString).toList();

            assertThat(problems).anySatisfy(p -> assertThat(p).contains("stock.yaml:2: mode"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("csv.charset")
                    .contains("unknown charset 'NO-SUCH-CHARSET'"));
            assertThat(problems).anySatisfy(p -> assertThat(p).contains("fields").contains("no field named 'quantity'"));
        }
    }
}
