package org.centraerp.connector.sandbox.graphql;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.gateway.SandboxGatewayFilter;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/** Hands the token the gateway filter authenticated to GraphQL execution, for the permission checks. */
@Component
@ConditionalOnSandboxEnabled
public class TokenContextInterceptor implements WebGraphQlInterceptor {

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Object token = request.getAttributes().get(SandboxGatewayFilter.TOKEN_ATTRIBUTE);
        if (token != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(context -> context.of(CentraInstrumentation.TOKEN, token)).build());
        }
        return chain.next(request);
    }
}
