package org.centraerp.connector.centra.camel;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;
import org.centraerp.connector.centra.CentraClient;

/** Sends the body as the variables; the answer becomes the body. userErrors throw CentraUserErrorException. */
final class CentraProducer extends DefaultProducer {

    static final ObjectMapper JSON = new ObjectMapper();

    private final CentraApiEndpoint endpoint;

    CentraProducer(CentraApiEndpoint endpoint) {
        super(endpoint);
        this.endpoint = endpoint;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> variables = variables(exchange.getIn().getBody());
        CentraClient client = endpoint.getComponent().client();
        String document = endpoint.resolvedDocument();
        if (endpoint.isMutation()) {
            exchange.getIn().setBody(asMap(client.mutate(document, variables, endpoint.getRetry()).orThrow()));
        } else if (endpoint.getPageSize() > 0) {
            List<Object> records = client.pages(document, variables, endpoint.list(), endpoint.getPageSize())
                    .map(CentraProducer::asMap).map(Object.class::cast).toList();
            exchange.getIn().setBody(records);
        } else {
            exchange.getIn().setBody(asMap(client.query(document, variables).data()));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(Object body) {
        if (body == null) {
            return Map.of();
        }
        if (body instanceof String text) {
            return text.isBlank() ? Map.of() : asMap(readTree(text));
        }
        return JSON.convertValue(body, Map.class);
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not the variables as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Records as maps: Simple ({@code ${body[email]}}), the mappings and Camel's JSON all read them. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object node) {
        return node == null ? Map.of() : JSON.convertValue(node, Map.class);
    }
}
