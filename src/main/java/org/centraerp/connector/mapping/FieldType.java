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
import java.util.regex.Pattern;

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

    /** Longest number text read at all: longer text is refused before any parsing. */
    static final int MAX_NUMBER_LENGTH = 40;
    /** Most digits after the decimal point of a decimal. */
    static final int MAX_SCALE = 10;

    private static final Pattern INTEGER_TEXT = Pattern.compile("[+-]?\\d{1,20}(?:\\.0*)?");
    private static final Pattern DECIMAL_TEXT = Pattern.compile("[+-]?(?:\\d{1,20}(?:\\.\\d*)?|\\.\\d+)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?[\\d.]+[eE][+-]?\\d+");
    private static final Pattern EXPONENT_TEXT =
            Pattern.compile("[+-]?(?:\\d{1,20}(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d{1,3})?");

    /**
     * As {@link #convert(Object, String, NumberRange)} with the type's default range.
     *
     * @throws IllegalArgumentException with a reason for the operator, e.g. {@code not an integer 'abc'}
     */
    public Object convert(Object value, String datePattern) {
        return convert(value, datePattern, this == INTEGER ? NumberRange.INTEGER : NumberRange.DECIMAL);
    }

    /**
     * @param datePattern for DATE: the pattern of text dates, or null for ISO yyyy-MM-dd
     * @param range       for INTEGER and DECIMAL: the values accepted
     * @throws IllegalArgumentException with a reason for the operator, e.g. {@code not an integer 'abc'}
     */
    public Object convert(Object value, String datePattern, NumberRange range) {
        return switch (this) {
            case STRING -> value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
            case INTEGER -> toInteger(value, range);
            case DECIMAL -> toDecimal(value, range);
            case BOOLEAN -> toBoolean(value);
            case DATE -> toDate(value, datePattern);
        };
    }

    private static Long toInteger(Object value, NumberRange range) {
        BigDecimal number;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else {
            number = parse(value, range.exponent() ? EXPONENT_TEXT : INTEGER_TEXT, "not an integer", "", range);
            if (number.scale() > 0 && number.stripTrailingZeros().scale() > 0) { // "10.0" is 10, "10.5" is not
                throw new IllegalArgumentException("not an integer '" + quoted(value) + "'");
            }
        }
        inRange(number, value, range);
        return number.longValue();
    }

    private static BigDecimal toDecimal(Object value, NumberRange range) {
        BigDecimal number;
        if (value instanceof BigDecimal d) {
            number = d;
        } else if (value instanceof BigInteger i) {
            number = new BigDecimal(i);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            number = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("not a finite number '" + value + "'");
            }
            number = BigDecimal.valueOf(d);
        } else {
            number = parse(value, range.exponent() ? EXPONENT_TEXT : DECIMAL_TEXT, "not a decimal number",
                    " (use a dot: 12.50)", range);
        }
        inRange(number, value, range);
        // text from a file: bounded scale (numbers from Centra's JSON are taken as Centra wrote them)
        if (!(value instanceof Number) && number.scale() > MAX_SCALE) {
            BigDecimal stripped = number.stripTrailingZeros();
            if (stripped.scale() > MAX_SCALE) {
                throw new IllegalArgumentException("too many decimals in '" + quoted(value) + "' (at most "
                        + MAX_SCALE + ")");
            }
            number = stripped;
        }
        return number;
    }

    /** Text checked against {@code shape} before BigDecimal sees it: no unbounded exponent ever reaches it. */
    private static BigDecimal parse(Object value, Pattern shape, String what, String hint, NumberRange range) {
        String text = value instanceof Number n ? n.toString() : text(value);
        if (text.length() <= MAX_NUMBER_LENGTH && shape.matcher(text).matches()) {
            try {
                return new BigDecimal(text);
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        boolean exponent = text.length() <= 1000 && SCIENTIFIC.matcher(text).matches();
        throw new IllegalArgumentException(what + " '" + quoted(value) + "'" + (exponent
                ? " (plain digits" + (hint.isEmpty() ? "" : " with a dot") + ": no exponent"
                  + (range.exponent() ? " of more than 3 digits" : " unless the field sets exponent: true") + ")"
                : hint));
    }

    /** Compares magnitudes before values, so a huge exponent never costs anything. */
    private static void inRange(BigDecimal number, Object value, NumberRange range) {
        boolean huge = number.signum() != 0 && number.precision() - number.scale() > 40;
        if (huge || number.compareTo(range.min()) < 0 || number.compareTo(range.max()) > 0) {
            throw new IllegalArgumentException("out of range '" + quoted(value) + "' (allowed " + range.describe()
                    + "; min/max on the field change it)");
        }
    }

    /** A value as quoted in messages: never more than 200 characters (a broken file can have a 5 MB cell). */
    static String quoted(Object value) {
        return Quoting.abbreviate(String.valueOf(value));
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (text(value).toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean '" + quoted(value) + "' (true/false, yes/no, 1/0)");
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
            throw new IllegalArgumentException("not a date '" + quoted(value) + "' (expected "
                    + (pattern == null ? "yyyy-MM-dd" : pattern) + ")");
        }
    }

    private static String text(Object value) {
        return String.valueOf(value).trim();
    }
}
