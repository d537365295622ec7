package org.centraerp.connector.sandbox.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.execution.ResultPath;
import graphql.language.SourceLocation;
import graphql.schema.DataFetchingEnvironment;

/**
 * A GraphQL error shaped like Centra's: {@code message}, {@code extensions.category}, {@code locations},
 * {@code path}, in that order, and no graphql-java {@code classification}.
 */
public record CentraError(String message, String category, List<SourceLocation> locations, List<Object> path)
        implements GraphQLError {

    /** Centra's words for a token that lacks a permission, e.g. "You need Order:read permission to access orderConnection." */
    public static CentraError missingPermission(String permission, DataFetchingEnvironment env) {
        return at(env, "You need " + permission + " permission to access " + env.getField().getName() + ".",
                "authorization");
    }

    public static CentraError at(DataFetchingEnvironment env, String message, String category) {
        ResultPath path = env.getExecutionStepInfo().getPath();
        return new CentraError(message, category, List.of(env.getField().getSourceLocation()), path.toList());
    }

    private static Map<String, Object> location(SourceLocation location) {
        var map = new LinkedHashMap<String, Object>();
        map.put("line", location.getLine());
        map.put("column", location.getColumn());
        return map;
    }

    @Override
    public String getMessage() {
        return message;
    }

    @Override
    public List<SourceLocation> getLocations() {
        return locations;
    }

    @Override
    public List<Object> getPath() {
        return path;
    }

    @Override
    public ErrorClassification getErrorType() {
        return ErrorClassification.errorClassification(category);
    }

    @Override
    public Map<String, Object> getExtensions() {
        return Map.of("category", category);
    }

    @Override
    public Map<String, Object> toSpecification() {
        var spec = new LinkedHashMap<String, Object>();
        spec.put("message", message);
        spec.put("extensions", Map.of("category", category));
        spec.put("locations", locations.stream()
                .map(CentraError::location)
                .collect(Collectors.toList()));
        spec.put("path", path);
        return spec;
    }
}
