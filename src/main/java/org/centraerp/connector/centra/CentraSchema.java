package org.centraerp.connector.centra;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ParseAndValidate;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;

/**
 * Centra's schema as its Integration API (or the sandbox) describes itself by introspection: the types, fields and
 * arguments the mappings' {@code from:} paths and hand-written queries are checked against. Kept as SDL text, so it
 * can be stored and read back when Centra cannot be reached.
 */
public final class CentraSchema {

    /** Runs {@code centra/introspection.graphql}. */
    public static final String INTROSPECTION_DOCUMENT = "introspection";

    private final String sdl;
    private final GraphQLSchema schema;

    private CentraSchema(String sdl) {
        this.sdl = sdl;
        TypeDefinitionRegistry registry = new SchemaParser().parse(sdl);
        this.schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
    }

    /** Reads the schema of the Centra the client talks to; throws {@link CentraException} when that fails. */
    public static CentraSchema introspect(CentraClient centra) {
        JsonNode data = centra.query(INTROSPECTION_DOCUMENT, Map.of()).data();
        return fromIntrospection(data);
    }

    /** @param data the {@code data} of an introspection answer ({@code {"__schema": ...}}) */
    @SuppressWarnings("unchecked")
    public static CentraSchema fromIntrospection(JsonNode data) {
        Map<String, Object> result = new ObjectMapper().convertValue(data, Map.class);
        Document document = new IntrospectionResultToSchema().createSchemaDefinition(result);
        return new CentraSchema(AstPrinter.printAst(document));
    }

    /** A schema stored earlier with {@link #sdl()}. */
    public static CentraSchema fromSdl(String sdl) {
        return new CentraSchema(sdl);
    }

    public String sdl() {
        return sdl;
    }

    public GraphQLSchema graphql() {
        return schema;
    }

    /** What Centra would refuse in this document (unknown fields, wrong arguments, undeclared variables ...). */
    public List<ValidationError> validate(Document document) {
        return ParseAndValidate.validate(schema, document);
    }
}
