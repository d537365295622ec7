package org.centraerp.connector.mapping;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The product master import (kind {@code products}): the ERP file, its fields per row, and the displays every
 * product gets.
 *
 * @param displays one per store; empty: no displays are created
 */
public record ProductsMapping(ErpFileMapping erpFile, List<DisplayRule> displays) {

    /** The display a product gets in one store. */
    public record DisplayRule(int store, String status, List<Integer> markets) {
        public DisplayRule {
            markets = List.copyOf(markets);
        }
    }

    public ProductsMapping {
        displays = List.copyOf(displays);
    }

    static ProductsMapping of(MappingDocument document) {
        List<DisplayRule> displays = new ArrayList<>();
        for (JsonNode display : document.root().path("displays")) {
            List<Integer> markets = new ArrayList<>();
            display.path("markets").forEach(m -> markets.add(m.asInt()));
            displays.add(new DisplayRule(display.path("store").asInt(), display.path("status").asText("ACTIVE"),
                    markets));
        }
        return new ProductsMapping(ErpFileMapping.of(document), displays);
    }

    public String file() {
        return erpFile.file();
    }
}
