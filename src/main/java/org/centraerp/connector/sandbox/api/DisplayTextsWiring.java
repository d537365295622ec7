package org.centraerp.connector.sandbox.api;

import java.util.Map;
import java.util.function.Function;

import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.TypeRuntimeWiring;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.store.Display;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** Maps each text field of Centra's Display type (description, metaTitle, tags, ...) to {@link Display#texts()}. */
@Component
@ConditionalOnSandboxEnabled
public class DisplayTextsWiring implements RuntimeWiringConfigurer {

    static final Map<String, Function<Display.Texts, Object>> TEXT_FIELDS = Map.of(
            "minimumOrderQuantity", Display.Texts::minimumOrderQuantity,
            "orderQuantityDenominator", Display.Texts::orderQuantityDenominator,
            "description", Display.Texts::description,
            "shortDescription", Display.Texts::shortDescription,
            "metaTitle", Display.Texts::metaTitle,
            "metaDescription", Display.Texts::metaDescription,
            "metaKeywords", Display.Texts::metaKeywords,
            "comment", Display.Texts::comment,
            "tags", Display.Texts::tags);

    @Override
    public void configure(RuntimeWiring.Builder builder) {
        TypeRuntimeWiring.Builder display = TypeRuntimeWiring.newTypeWiring("Display");
        TEXT_FIELDS.forEach((field, text) -> display.dataFetcher(field,
                (DataFetcher<Object>) env -> text.apply(((Display) env.getSource()).texts())));
        builder.type(display);
    }
}
