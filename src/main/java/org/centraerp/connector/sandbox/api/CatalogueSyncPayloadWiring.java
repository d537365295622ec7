package org.centraerp.connector.sandbox.api;

import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** {@link PayloadWiring} for the payloads of 60-catalogue-sync.graphqls. */
@Component
@ConditionalOnSandboxEnabled
public class CatalogueSyncPayloadWiring implements RuntimeWiringConfigurer {

    static final Map<String, String> OBJECT_FIELDS = Map.of(
            "ProductVariantUpdatePayload", "productVariant",
            "ProductSizeUpdatePayload", "productSize",
            "PricesSetPayload", "pricelist");

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        DataFetcher<Object> object = env -> ((Payload) env.getSource()).object();
        OBJECT_FIELDS.forEach((type, field) ->
                builder.type(TypeRuntimeWiring.newTypeWiring(type).dataFetcher(field, object)));
    }
}
