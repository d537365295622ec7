package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TakenFileTest {

    private static final ErpCsvReader READER = new ErpCsvReader("mappings/test/stock.yaml", ';',
            StandardCharsets.UTF_8, true, List.of("sku", "quantity"));

    @TempDir
    Path folder;

    @Test
    void linesAppendedAfterTheFileWasTakenAreNotReadAndTheGrowthIsReported() throws IOException {
        Path file = folder.resolve("stock.csv");
        Files.writeString(file, "sku;quantity\nA;1\nB;2\n");
        TakenFile taken = TakenFile.of(file);
        Files.writeString(file, "C;3\nD;4\n", StandardOpenOption.APPEND);

        List<String> read = new ArrayList<>();
        try (InputStream in = taken.open()) {
            READER.read(in, row -> read.add(row.values().get("sku")));
        }

        assertThat(read).containsExactly("A", "B");
        assertThat(taken.grown(2, TakenFile.counting(READER))).hasValueSatisfying(reason -> assertThat(reason)
                .contains("grew after it was taken").contains("2 data lines were read")
                .contains("the archived copy has 4"));
    }

    @Test
    void aFileThatDidNotChangeHasNothingToReport() throws IOException {
        Path file = folder.resolve("stock.csv");
        Files.writeString(file, "sku;quantity\nA;1\n");

        assertThat(TakenFile.of(file).grown(1, TakenFile.counting(READER))).isEmpty();
    }

    @Test
    void anEmptyFileIsRefusedWhenTheMappingWantsAHeader() throws IOException {
        Path file = folder.resolve("empty.csv");
        Files.write(file, new byte[0]);

        try (InputStream in = TakenFile.of(file).open()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> READER.read(in, row -> { }))
                    .isInstanceOf(ErpFileRefusedException.class).hasMessageContaining("the file is empty");
        }
    }
}
