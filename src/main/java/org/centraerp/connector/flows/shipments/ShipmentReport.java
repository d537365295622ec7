package org.centraerp.connector.flows.shipments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The report beside a processed file: one row per shipment or return. */
public final class ShipmentReport {

    static final String[] COLUMNS = {"erp_reference", "order_number", "outcome", "centra_id", "reason"};

    private ShipmentReport() {
    }

    /** The report's text ({@code .done/<file>.report.csv}), written beside the file by the route. */
    public static String render(List<ShipmentOutcome> outcomes) {
        StringBuilder text = new StringBuilder();
        try (CSVPrinter csv = new CSVPrinter(text, CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader(COLUMNS).get())) {
            for (ShipmentOutcome o : outcomes) {
                csv.printRecord(o.reference(), o.order(), o.outcome(), o.centra(), o.reason());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render a report", e);
        }
        return text.toString();
    }

    /** E.g. {@code 2 completed, 1 refused}. */
    public static String summary(List<ShipmentOutcome> outcomes) {
        Map<String, Long> counts = outcomes.stream().collect(Collectors.groupingBy(ShipmentOutcome::outcome,
                java.util.TreeMap::new, Collectors.counting()));
        return counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}
