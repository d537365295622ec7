package org.centraerp.connector.erp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ErpOutboxTest {

    @TempDir
    Path folder;

    private ErpOutbox outbox() {
        return new ErpOutbox(new ErpProperties(folder, new ErpProperties.Datasource("", "", "")));
    }

    @Test
    void writesFileAndLeavesNoTemporaryBehind() throws Exception {
        boolean written = outbox().writeIfChanged("master-data", "stores.csv", bytes("id,name\n1,Retail\n"));

        Path file = folder.resolve("out/master-data/stores.csv");
        assertThat(written).isTrue();
        assertThat(Files.readString(file)).isEqualTo("id,name\n1,Retail\n");
        assertThat(folder.resolve("out/master-data/stores.csv.tmp")).doesNotExist();
    }

    @Test
    void sameContentIsNotRewritten() throws Exception {
        ErpOutbox outbox = outbox();
        outbox.writeIfChanged("master-data", "stores.csv", bytes("a\n"));
        Path file = folder.resolve("out/master-data/stores.csv");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        boolean written = outbox.writeIfChanged("master-data", "stores.csv", bytes("a\n"));

        assertThat(written).isFalse();
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void changedContentReplacesTheFile() throws Exception {
        ErpOutbox outbox = outbox();
        outbox.writeIfChanged("master-data", "stores.csv", bytes("a\n"));

        boolean written = outbox.writeIfChanged("master-data", "stores.csv", bytes("b\n"));

        assertThat(written).isTrue();
        assertThat(Files.readString(folder.resolve("out/master-data/stores.csv"))).isEqualTo("b\n");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
