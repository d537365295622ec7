package org.centraerp.connector.sandbox.graphql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLNamedType;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.SandboxProperties;
import org.centraerp.connector.sandbox.gateway.RateLimiter;
import org.centraerp.connector.sandbox.gateway.SandboxToken;
import org.springframework.stereotype.Component;

/**
 * Centra's per-field behaviour: every field is checked against the {@link PermissionTable} before it resolves (a
 * missing permission answers Centra's authorization error and no data for that field), and every answer carries
 * {@code extensions.complexity}, {@code permissionsUsed} and {@code appVersion}. The complexity is then taken from
 * the rate limiter's complexity buckets.
 */
@Component
@ConditionalOnSandboxEnabled
public class CentraInstrumentation extends SimplePerformantInstrumentation {

    /** GraphQLContext key of the request's {@link SandboxToken}. */
    public static final String TOKEN = "sandbox.token";

    private final PermissionTable permissions;
    private final RateLimiter rateLimiter;
    private final String appVersion;

    public CentraInstrumentation(PermissionTable permissions, RateLimiter rateLimiter, SandboxProperties properties) {
        this.permissions = permissions;
        this.rateLimiter = rateLimiter;
        this.appVersion = properties.appVersion();
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        SandboxToken token = parameters.getExecutionInput().getGraphQLContext().get(TOKEN);
        return new RequestMeter(token);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(state instanceof RequestMeter meter)) {
            return fetcher;
        }
        return env -> {
            String type = ((GraphQLNamedType) env.getParentType()).getName();
            String permission = permissions.required(type, env.getField().getName());
            if (permission != null && !meter.use(permission)) {
                return DataFetcherResult.newResult().error(CentraError.missingPermission(permission, env)).build();
            }
            Object value = fetcher.get(env);
            if (value instanceof CompletionStage<?> pending) {
                return pending.thenApply(done -> {
                    meter.countField(unwrap(done));
                    return done;
                });
            }
            meter.countField(unwrap(value));
            return value;
        };
    }

    @Override
    public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                                                                        InstrumentationExecutionParameters parameters,
                                                                        InstrumentationState state) {
        if (!(state instanceof RequestMeter meter)) {
            return CompletableFuture.completedFuture(result);
        }
        rateLimiter.takeComplexity(meter.complexity());
        Map<Object, Object> extensions = new LinkedHashMap<>();
        if (result.getExtensions() != null) {
            extensions.putAll(result.getExtensions());
        }
        extensions.put("complexity", meter.complexity());
        extensions.put("permissionsUsed", meter.permissionsUsed());
        extensions.put("appVersion", appVersion);
        var answer = nothingAnswered(result)
                // Centra leaves "data" out when nothing could be answered (see its missing-permission example)
                ? ExecutionResultImpl.newExecutionResult().errors(result.getErrors())
                : ExecutionResultImpl.newExecutionResult().from(result);
        return CompletableFuture.completedFuture(answer.extensions(extensions).build());
    }

    private static boolean nothingAnswered(ExecutionResult result) {
        if (result.getErrors().isEmpty() || !result.isDataPresent()) {
            return false;
        }
        Object data = result.getData();
        return data == null || (data instanceof Map<?, ?> map && map.values().stream().allMatch(Objects::isNull));
    }

    private static Object unwrap(Object value) {
        return value instanceof DataFetcherResult<?> result ? result.getData() : value;
    }
}
