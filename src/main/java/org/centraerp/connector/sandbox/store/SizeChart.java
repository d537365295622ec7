package org.centraerp.connector.sandbox.store;

import java.util.List;

/** A size chart; its sizes are owned by it (ids from their own counter, as in Centra). */
public record SizeChart(int id, String name, List<Size> sizes, List<String> horizontalLabels,
                        List<String> verticalLabels, String dividerSymbol, Integer displayDividedBy,
                        String displayUnit, String externalId) implements Identified {

    public SizeChart {
        sizes = sizes == null ? List.of() : List.copyOf(sizes);
        horizontalLabels = horizontalLabels == null ? List.of() : List.copyOf(horizontalLabels);
    }
}
