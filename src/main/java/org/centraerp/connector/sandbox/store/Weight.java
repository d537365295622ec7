package org.centraerp.connector.sandbox.store;

import java.util.Locale;

public record Weight(double value, WeightUnit unit) {

    /** As Centra prints it, e.g. "1.000 kg". */
    public String formattedValue() {
        String symbol = switch (unit) {
            case KILOGRAMS -> "kg";
            case POUNDS -> "lb";
            case GRAMS -> "g";
        };
        return String.format(Locale.ROOT, "%.3f %s", value, symbol);
    }
}
