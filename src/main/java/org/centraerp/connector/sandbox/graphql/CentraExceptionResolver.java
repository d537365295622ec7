package org.centraerp.connector.sandbox.graphql;

import graphql.GraphQLError;
import graphql.schema.DataFetchingEnvironment;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Turns {@link CentraQueryException} into Centra's error shape. */
@Component
@ConditionalOnSandboxEnabled
public class CentraExceptionResolver extends DataFetcherExceptionResolverAdapter {

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof CentraQueryException query) {
            return CentraError.at(env, query.getMessage(), "user");
        }
        return null;
    }
}
