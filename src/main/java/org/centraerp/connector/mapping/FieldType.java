package org.centraerp.connector.mapping;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The {@code type:} of a field: converts a source value or says why it cannot. */
public enum FieldType {
    STRING, INTEGER, DECIMAL, BOOLEAN, DATE;

    private static final Map<String, DateTimeFormatter> FORMATTERS = new ConcurrentHashMap<>();

    public static FieldType fromYaml(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }

    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param datePattern for DATE: the pattern of text dates, or null for ISO yyyy-MM-dd
     * @throws IllegalArgumentException with a reason for the operator, e.g. {@code not an integer 'abc'}
     */
    public Object convert(Object value, String datePattern) {
        return switch (this) {
            case STRING -> value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            case INTEGER -> toInteger(value);
            case DECIMAL -> toDecimal(value);
            case BOOLEAN -> toBoolean(value);
            case DATE -> toDate(value, datePattern);
        };
    }

    private static Long toInteger(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(value));
            return number.stripTrailingZeros().toBigIntegerExact().longValueExact(); // "10.0" is 10, "10.5" is not
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not an integer '" + value + "'");
        }
    }

    private static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal d) {
            return d;
        }
        if (value instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        try {
            return new BigDecimal(value instanceof Number n ? n.toString() : text(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a decimal number '" + value + "' (use a dot: 12.50)");
        }
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text(value).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean '" + value + "' (true/false, yes/no, 1/0)");
        };
    }

    private static LocalDate toDate(Object value, String pattern) {
        if (value instanceof LocalDate d) {
            return d;
        }
        String text = text(value);
        try {
            if (pattern != null) {
                return LocalDate.parse(text, FORMATTERS.computeIfAbsent(pattern, DateTimeFormatter::ofPattern));
            }
            if (text.length() <= 10) {
                return LocalDate.parse(text);
            }
            // a timestamp: keep its date as written (2024-05-01T23:30:00+02:00 is 2024-05-01)
            String iso = text.replace(' ', 'T');
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parse(iso);
            return LocalDate.from(parsed);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a date '" + value + "' (expected "
                    + (pattern == null ? "yyyy-MM-dd" : pattern) + ")");
        }
    }

    private static String text(Object value) {
        return String.valueOf(value).trim();
    }
}
