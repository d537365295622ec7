package org.centraerp.connector.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultExchange;

/**
 * A compiled {@code fields:} list: turns one source record (a Centra object, an ERP row) into the
 * target fields, in the order the list gives them. The same class serves both directions.
 * Thread-safe: compile once at start-up, apply to any number of records.
 */
public final class FieldMap {

    // Floats as BigDecimal: 12.10 stays 12.10 on its way from JSON to an ERP file.
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private final String where;
    private final List<FieldRule> rules;
    private final CamelContext camel;

    FieldMap(String where, List<FieldRule> rules, CamelContext camel) {
        this.where = where;
        this.rules = List.copyOf(rules);
        this.camel = camel;
    }

    /** Target field names in order (e.g. the CSV header). */
    public List<String> fieldNames() {
        return rules.stream().map(FieldRule::name).toList();
    }

    /** Where this list is defined, e.g. {@code mappings/default/master-data.yaml: entities.stores.fields}. */
    public String definedAt() {
        return where;
    }

    /**
     * Maps one record.
     *
     * @param source a {@code Map} (an ERP row, a parsed JSON object), a Jackson {@code JsonNode}, or a bean
     * @return every target field (null where there is no value), plus a problem per field that failed
     */
    public MappedRecord apply(Object source) {
        RecordInput input = new RecordInput(asMap(source), camel);
        Map<String, Object> values = new LinkedHashMap<>();
        List<RecordProblem> problems = new ArrayList<>();
        for (FieldRule rule : rules) {
            try {
                values.put(rule.name(), rule.resolve(input));
            } catch (IllegalArgumentException e) {
                values.put(rule.name(), null);
                problems.add(new RecordProblem(rule.name(), e.getMessage()));
            }
        }
        return new MappedRecord(values, problems);
    }

    /** Maps one record or throws {@link RecordMappingException} naming every bad field. */
    public Map<String, Object> map(Object source) {
        return apply(source).valuesOrThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object source) {
        if (source instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        if (source == null) {
            return Map.of();
        }
        JsonNode node = source instanceof JsonNode n ? n : JSON.valueToTree(source);
        if (!node.isObject()) {
            throw new IllegalArgumentException("a record must be an object (a map), not " + node.getNodeType());
        }
        return JSON.convertValue(node, Map.class);
    }

    /** The record as a map for JsonPath, and as an exchange body for Simple (created only if needed). */
    private static final class RecordInput implements FieldRule.Input {
        private final Map<String, Object> map;
        private final CamelContext camel;
        private Exchange exchange;

        RecordInput(Map<String, Object> map, CamelContext camel) {
            this.map = map;
            this.camel = camel;
        }

        @Override
        public Map<String, Object> map() {
            return map;
        }

        @Override
        public Exchange exchange() {
            if (exchange == null) {
                exchange = new DefaultExchange(camel);
                exchange.getIn().setBody(map);
            }
            return exchange;
        }
    }
}
