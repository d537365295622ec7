package org.centraerp.connector.sandbox.gateway;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;

/**
 * Counts the mutations a GraphQL request carries (the top-level fields of the operation that runs), before it runs,
 * so the MUTATION_COUNT buckets can refuse it. Unreadable requests count zero; GraphQL itself reports them.
 */
final class MutationCounter {

    private final ObjectMapper json;

    MutationCounter(ObjectMapper json) {
        this.json = json;
    }

    int count(byte[] body) {
        try {
            JsonNode request = json.readTree(body);
            if (request == null || !request.path("query").isTextual()) {
                return 0;
            }
            Document document = Parser.parse(request.path("query").asText());
            String operationName = request.path("operationName").isTextual()
                    ? request.path("operationName").asText() : null;
            return document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(op -> operationName == null || operationName.equals(op.getName()))
                    .findFirst()
                    .filter(op -> op.getOperation() == OperationDefinition.Operation.MUTATION)
                    .map(op -> op.getSelectionSet().getSelections().size())
                    .orElse(0);
        } catch (IOException | RuntimeException e) { // includes InvalidSyntaxException
            return 0;
        }
    }
}
