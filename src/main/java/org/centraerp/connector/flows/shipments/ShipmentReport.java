package org.centraerp.connector.flows.shipments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The report beside a processed file: one row per shipment or return, written as .tmp and renamed. */
public final class ShipmentReport {

    static final String[] COLUMNS = {"erp_reference", "order_number", "outcome", "centra_id", "reason"};

    private ShipmentReport() {
    }

    public static void write(Path target, List<ShipmentOutcome> outcomes) {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.createDirectories(target.getParent());
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
                 CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setDelimiter(';')
                         .setHeader(COLUMNS).get())) {
                for (ShipmentOutcome o : outcomes) {
                    csv.printRecord(o.reference(), o.order(), o.outcome(), o.centra(), o.reason());
                }
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + target, e);
        }
    }

    /** E.g. {@code 2 completed, 1 refused}. */
    public static String summary(List<ShipmentOutcome> outcomes) {
        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(ShipmentOutcome::outcome,
                java.util.TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
