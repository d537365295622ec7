package org.centraerp.connector.sandbox.api;

import java.util.Map;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Maps each payload type's object field (Centra's name: market, sizeChart, ...) to {@link Payload#object()}. */
@Component
@ConditionalOnSandboxEnabled
public class PayloadWiring implements RuntimeWiringConfigurer {

    static final Map<String, String> OBJECT_FIELDS = Map.ofEntries(
            Map.entry("MarketCreatePayload", "market"),
            Map.entry("MarketUpdatePayload", "market"),
            Map.entry("PricelistCreatePayload", "pricelist"),
            Map.entry("PricelistUpdatePayload", "pricelist"),
            Map.entry("SizeChartCreatePayload", "sizeChart"),
            Map.entry("BrandCreatePayload", "brand"),
            Map.entry("CollectionCreatePayload", "collection"),
            Map.entry("FolderCreatePayload", "folder"),
            Map.entry("ProductCreatePayload", "product"),
            Map.entry("ProductUpdatePayload", "product"),
            Map.entry("ProductVariantCreatePayload", "productVariant"),
            Map.entry("ProductSizeCreatePayload", "productSize"),
            Map.entry("DisplayCreatePayload", "display"),
            Map.entry("BundleCreatePayload", "bundle"),
            Map.entry("PriceAlterationCreatePayload", "priceAlteration"),
            Map.entry("PriceAlterationUpdatePayload", "priceAlteration"),
            Map.entry("BundleUpdatePayload", "bundle"),
            Map.entry("DisplayUpdatePayload", "display"),
            Map.entry("AttributesAssignPayload", "object"),
            Map.entry("AttributesUnassignPayload", "object"),
            Map.entry("StockChangePayload", "stockChange"),
            Map.entry("OrderConfirmPayload", "order"),
            Map.entry("DirectToConsumerOrderUpdatePayload", "order"),
            Map.entry("WholesaleOrderUpdatePayload", "order"),
            Map.entry("DirectToConsumerOrderCancelPayload", "order"),
            Map.entry("EventListenerSetPayload", "eventListeners"),
            Map.entry("EventListenersUnsetPayload", "eventListeners"));

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        DataFetcher<Object> object = env -> ((Payload) env.getSource()).object();
        OBJECT_FIELDS.forEach((type, field) ->
                builder.type(TypeRuntimeWiring.newTypeWiring(type).dataFetcher(field, object)));
    }
}
