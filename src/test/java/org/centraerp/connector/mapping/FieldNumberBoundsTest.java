package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Numbers of ERP files: plain digits within bounds that fit Centra; anything else is the record's problem. */
class FieldNumberBoundsTest {

    private static DefaultCamelContext camel;

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

    private List<MappingProblem> problems;

    private FieldMap fields(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("test.yaml"), yaml);
        problems = new ArrayList<>();
        MappingFile mapping = new MappingFile("test.yaml", "test", LocatedYaml.read(file, "test.yaml", problems),
                problems);
        return new FieldMapCompiler(camel, new LookupTables(Map.of(), "lookups.yaml"))
                .compile(mapping, mapping.root().get("fields"), "fields");
    }

    @Test
    void aHugeExponentIsRefusedAtOnceInsteadOfBurningAMinuteOfCpu() {
        String reason = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                () -> FieldType.INTEGER.convert("1e100000000", null)).isInstanceOf(IllegalArgumentException.class)
                .actual().getMessage());
        assertThat(reason).contains("not an integer '1e100000000'").contains("no exponent");
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThatThrownBy(
                () -> FieldType.DECIMAL.convert("1e100000000", null)).hasMessageContaining("not a decimal number"));
    }

    @Test
    void integersArePlainDigitsWithinCentrasInt() {
        assertThat(FieldType.INTEGER.convert("42", null)).isEqualTo(42L);
        assertThat(FieldType.INTEGER.convert(" -7 ", null)).isEqualTo(-7L);
        assertThat(FieldType.INTEGER.convert("10.0", null)).isEqualTo(10L);
        assertThatThrownBy(() -> FieldType.INTEGER.convert("1e3", null)).hasMessageContaining("no exponent");
        assertThatThrownBy(() -> FieldType.INTEGER.convert("10.5", null)).hasMessage("not an integer '10.5'");
        assertThatThrownBy(() -> FieldType.INTEGER.convert("2147483648", null))
                .hasMessageContaining("out of range '2147483648'").hasMessageContaining("2147483647");
    }

    @Test
    void decimalsAreFiniteWithBoundedScale() {
        assertThat(FieldType.DECIMAL.convert("12.50", null)).isEqualTo(new BigDecimal("12.50"));
        assertThatThrownBy(() -> FieldType.DECIMAL.convert("1e9999", null)).hasMessageContaining("no exponent");
        assertThatThrownBy(() -> FieldType.DECIMAL.convert("Infinity", null))
                .hasMessageContaining("not a decimal number");
        assertThatThrownBy(() -> FieldType.DECIMAL.convert("9999999999999999", null))
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> FieldType.DECIMAL.convert("0.12345678901", null))
                .hasMessageContaining("too many decimals");
    }

    @Test
    void aMappingSetsItsOwnBoundsAndMayAllowAnExponent() throws IOException {
        FieldMap map = fields("""
                fields:
                  - {name: quantity, from: q, type: integer, min: 0, max: 1000}
                  - {name: weight, from: w, type: decimal, exponent: true, max: 5000}
                """);
        assertThat(problems).isEmpty();

        MappedRecord fine = map.apply(Map.of("q", "1000", "w", "1.5e3"));
        MappedRecord bad = map.apply(Map.of("q", "1001", "w", "1e9999"));

        assertThat(fine.values()).containsEntry("quantity", 1000L);
        assertThat(((BigDecimal) fine.values().get("weight"))).isEqualByComparingTo("1500");
        assertThat(bad.problems()).extracting(RecordProblem::reason).satisfiesExactly(
                q -> assertThat(q).contains("out of range '1001'").contains("from 0 to 1000"),
                w -> assertThat(w).contains("'1e9999'"));
    }

    @Test
    void boundsOnATextFieldOrTheWrongWayRoundAreMappingProblems() throws IOException {
        fields("""
                fields:
                  - {name: sku, from: sku, max: 3}
                  - {name: quantity, from: q, type: integer, min: 5, max: 1}
                """);

        assertThat(problems).extracting(MappingProblem::message).containsExactlyInAnyOrder(
                "max is only used with type: integer or decimal", "min 5 is more than max 1");
    }

    @Test
    void aLongValueIsQuotedShortInItsProblem() {
        String line = "9".repeat(5_000_000);

        assertThatThrownBy(() -> FieldType.INTEGER.convert(line, null))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400).contains("5000000 characters"));
    }
}
