package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.impl.DefaultCamelContext;
import org.centraerp.connector.flows.shipments.InboundDocument;
import org.centraerp.connector.flows.shipments.InboundDocumentReader;
import org.centraerp.connector.mapping.MappingRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports name the physical line a record starts on: blank lines and line breaks inside quotes count. */
public class PhysicalLinesTest {

    /** Header, a blank line, a quoted field over lines 4-5, a blank CRLF line, then a bad record on line 7. */
    public static final String STOCK = "sku;warehouse;quantity\n"
            + "SWEATER-RED-S;WH1;21\n"
            + "\n"
            + "SWEATER-RED-M;\"WH1\n\";5\r\n"
            + "\r\n"
            + "SWEATER-RED-L;WH1;abc\n"
            + "SWEATER-BLUE-L;WH2;23";

    @Test
    void csvRowsCarryTheLineTheyStartOn() throws IOException {
        ErpCsvReader reader = new ErpCsvReader("mappings/default/stock.yaml", ';', StandardCharsets.UTF_8, true,
                List.of("sku", "warehouse", "quantity"));
        List<ErpCsvReader.Row> rows = new ArrayList<>();

        reader.read(new ByteArrayInputStream(STOCK.getBytes(StandardCharsets.UTF_8)), rows::add);

        assertThat(rows).extracting(ErpCsvReader.Row::line).containsExactly(2L, 4L, 7L, 8L);
        assertThat(rows.get(1).values()).containsEntry("warehouse", "WH1");
        assertThat(rows.get(2).values()).containsEntry("quantity", "abc");
    }

    @Test
    void lineAtSkipsBlankLinesBeforeTheRecord() throws IOException {
        PhysicalLines lines = new PhysicalLines(new java.io.StringReader("a\n\n\nb\r\n\"c\nd\"\n"));
        char[] all = new char[64];
        while (lines.read(all, 0, all.length) > 0) {
            // read everything: a parser reads ahead
        }
        assertThat(lines.lineAt(0)).isEqualTo(1);
        assertThat(lines.lineAt(2)).isEqualTo(4);
        assertThat(lines.lineAt(7)).as("a quoted record over lines 5-6").isEqualTo(5);
    }

    @Test
    void shipmentProblemsNameThePhysicalLine(@TempDir Path folder) throws IOException {
        InboundDocumentReader reader = new InboundDocumentReader(
                new MappingRepository("mappings", "default", new DefaultCamelContext()).shipments());
        Path file = folder.resolve("shipments.csv");
        Files.writeString(file, "shipment_no;order_no;carrier;tracking_no;sku;quantity\n"
                + "S1;1001;DHL;T1;SWEATER-RED-S;1\n"
                + "\n"
                + "S2;1002;\"DHL\nExpress\";T2;SWEATER-RED-M;1\n"
                + "\n"
                + "S3;1003;DHL;T3;SWEATER-RED-L;x\n");

        List<InboundDocument> documents = reader.read(file);

        assertThat(documents).extracting(InboundDocument::source).containsExactly("line 2", "line 4", "line 7");
        assertThat(documents.get(2).problems()).anySatisfy(p -> assertThat(p).startsWith("line 7: "));
    }
}
