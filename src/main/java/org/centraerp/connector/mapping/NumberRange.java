package org.centraerp.connector.mapping;

import java.math.BigDecimal;

/**
 * The values a number field accepts: between {@code min} and {@code max} (a field's {@code min:}/{@code max:}, else
 * its type's default, which fits Centra's types), written as plain digits unless {@code exponent} allows
 * {@code 1.5e3}.
 */
public record NumberRange(BigDecimal min, BigDecimal max, boolean exponent) {

    /** Centra's Int is 32 bits. */
    public static final NumberRange INTEGER = new NumberRange(BigDecimal.valueOf(Integer.MIN_VALUE),
            BigDecimal.valueOf(Integer.MAX_VALUE), false);
    /** Centra's Float is a double: beyond 10^15 it no longer holds cents exactly. */
    public static final NumberRange DECIMAL = new NumberRange(new BigDecimal("-1E15"), new BigDecimal("1E15"), false);

    /** The default of a type, with the field's own bounds and exponent setting where it has them. */
    static NumberRange of(FieldType type, BigDecimal min, BigDecimal max, boolean exponent) {
        NumberRange base = type == FieldType.INTEGER ? INTEGER : DECIMAL;
        return new NumberRange(min == null ? base.min : min, max == null ? base.max : max, exponent);
    }

    String describe() {
        return "from " + min.toPlainString() + " to " + max.toPlainString();
    }
}
