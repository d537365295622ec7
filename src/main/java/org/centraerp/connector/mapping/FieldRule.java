package org.centraerp.connector.mapping;

import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.centraerp.connector.mapping.LookupTables.LookupTable;

/** One compiled entry of a {@code fields:} list. */
record FieldRule(String name, Source source, Object defaultValue, LookupTable lookup, boolean hasLookupDefault,
                 Object lookupDefault, boolean required, FieldType type, String datePattern, NumberRange range) {

    /** Joins list results of {@code from:} paths. */
    static final String LIST_SEPARATOR = "|";

    /** The record being mapped, in the forms the sources read. */
    interface Input {
        Map<String, Object> map();

        Exchange exchange();
    }

    sealed interface Source permits FromPath, SimpleExpression, Constant {
        Object read(Input input);
    }

    record FromPath(String text, JsonPath path) implements Source {
        // Missing keys read as null instead of failing; records are plain maps and lists.
        private static final Configuration CONFIGURATION = Configuration.builder()
                .jsonProvider(new JacksonJsonProvider()).mappingProvider(new JacksonMappingProvider())
                .options(Option.DEFAULT_PATH_LEAF_TO_NULL, Option.SUPPRESS_EXCEPTIONS).build();

        static JsonPath compile(String text) {
            String trimmed = text.trim();
            return JsonPath.compile(trimmed.startsWith("$") ? trimmed
                    : trimmed.startsWith("[") ? "$" + trimmed : "$." + trimmed);
        }

        @Override
        public Object read(Input input) {
            Object value = path.read(input.map(), CONFIGURATION);
            if (value instanceof List<?> list) {
                String joined = list.stream().filter(Objects::nonNull).map(FieldRule::text)
                        .collect(Collectors.joining(LIST_SEPARATOR));
                return joined.isEmpty() ? null : joined;
            }
            return value;
        }
    }

    record SimpleExpression(String text, Expression expression) implements Source {
        @Override
        public Object read(Input input) {
            return expression.evaluate(input.exchange(), Object.class);
        }
    }

    record Constant(Object value) implements Source {
        @Override
        public Object read(Input input) {
            return value;
        }
    }

    /** The field's value for one record; IllegalArgumentException carries the reason it has none. */
    Object resolve(Input input) {
        Object value = readSource(input);
        if (isMissing(value)) {
            value = defaultValue;
        }
        if (isMissing(value)) {
            if (required) {
                throw new IllegalArgumentException("required, but missing" + describeSource());
            }
            return null;
        }
        if (lookup != null) {
            value = lookUp(text(value));
        }
        return type == null || value == null ? value : type.convert(value, datePattern, range);
    }

    private Object readSource(Input input) {
        try {
            return source.read(input);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("cannot compute" + describeSource() + ": " + e.getMessage());
        }
    }

    private Object lookUp(String code) {
        String found = lookup.entries().get(code);
        if (found != null) {
            return found;
        }
        if (hasLookupDefault) {
            return lookupDefault;
        }
        throw new IllegalArgumentException("'" + Quoting.abbreviate(code) + "' is not in lookup table '" + lookup.name()
                + "' (add it to " + lookup.file() + " or set lookup-default)");
    }

    private String describeSource() {
        if (source instanceof FromPath p) {
            return " (from '" + p.text() + "')";
        }
        return source instanceof SimpleExpression e ? " (expression '" + e.text() + "')" : "";
    }

    static boolean isMissing(Object value) {
        return value == null || value instanceof String s && s.isBlank();
    }

    static String text(Object value) {
        return value instanceof BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }

}
