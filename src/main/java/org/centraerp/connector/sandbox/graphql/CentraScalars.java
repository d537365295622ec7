package org.centraerp.connector.sandbox.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.GraphQLScalarType;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Centra's {@code DateTimeTz} and {@code Date} scalars. Outputs are strings already formatted by the field's
 * {@code format} argument; inputs accept ISO-8601 and "Y-m-d H:i:s" and are handed to resolvers as {@link Instant}.
 */
@Component
@ConditionalOnSandboxEnabled
public class CentraScalars implements RuntimeWiringConfigurer {

    @Override
    public void configure(graphql.schema.idl.RuntimeWiring.Builder builder) {
        register(builder);
    }

    /** Also used with the sandbox switched off: the schema files still load and need their scalars. */
    public static void register(graphql.schema.idl.RuntimeWiring.Builder builder) {
        builder.scalar(scalar("DateTimeTz", "Date and time with a time zone, e.g. 2022-06-23T15:47:12+02:00"));
        builder.scalar(scalar("Date", "A calendar date, e.g. 2024-02-01"));
    }

    /** Reads the date forms Centra accepts in inputs. */
    public static Instant parse(String text) {
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notIsoWithOffset) {
            try {
                return OffsetDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx"))
                        .toInstant();
            } catch (DateTimeParseException notCompactOffset) {
                try {
                    return LocalDateTime.parse(value.replace(' ', 'T')).atZone(PhpDateFormat.ZONE).toInstant();
                } catch (DateTimeParseException notLocal) {
                    return LocalDate.parse(value).atStartOfDay(PhpDateFormat.ZONE).toInstant();
                }
            }
        }
    }

    private static GraphQLScalarType scalar(String name, String description) {
        return GraphQLScalarType.newScalar().name(name).description(description).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value, GraphQLContext context, Locale locale) {
                return value instanceof Instant instant ? PhpDateFormat.format(instant, PhpDateFormat.DEFAULT)
                        : value.toString();
            }

            @Override
            public Object parseValue(Object input, GraphQLContext context, Locale locale) {
                try {
                    return parse(input.toString());
                } catch (DateTimeParseException e) {
                    throw new CoercingParseValueException("Not a valid " + name + ": " + input);
                }
            }

            @Override
            public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
                                       Locale locale) {
                if (input instanceof StringValue text) {
                    try {
                        return parse(text.getValue());
                    } catch (DateTimeParseException e) {
                        throw new CoercingParseLiteralException("Not a valid " + name + ": " + text.getValue());
                    }
                }
                throw new CoercingParseLiteralException(name + " must be a string");
            }
        }).build();
    }
}
