package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Size;
import org.centraerp.connector.sandbox.store.SizeChart;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Size charts: {@code sizeCharts} and {@code createSizeChart}, including 2-D charts ("24x26"). */
@Controller
@ConditionalOnSandboxEnabled
public class SizeChartController {

    record SizeChartFilter(List<Integer> id, StringMatch name) {
    }

    record SizeChartCreateInput(String name, List<String> horizontalLabels, List<String> verticalLabels,
                                String dividerSymbol, String displayUnit, Integer displayDividedBy,
                                String externalId) {
    }

    private final SandboxData data;

    public SizeChartController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<SizeChart> sizeCharts(@Argument SizeChartFilter where, @Argument List<String> sort,
                                      @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? new SizeChartFilter(null, null) : where;
        return ListQuery.run(data.sizeCharts.stream(),
                c -> in(filter.id(), c.id()) && StringMatch.matches(filter.name(), c.name()),
                sort, Map.of("id", Comparator.comparingInt(SizeChart::id),
                        "name", Comparator.comparing(SizeChart::name)), limit, page);
    }

    @MutationMapping
    public Payload createSizeChart(@Argument SizeChartCreateInput input) {
        return data.write(() -> {
            var problems = validate(input);
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            String divider = input.dividerSymbol() == null ? "x" : input.dividerSymbol();
            List<String> vertical = input.verticalLabels() == null || input.verticalLabels().isEmpty()
                    ? null : input.verticalLabels();
            List<Size> sizes = new ArrayList<>();
            for (String horizontal : input.horizontalLabels()) {
                if (vertical == null) {
                    sizes.add(new Size(data.nextSizeId(), horizontal));
                } else {
                    // 2-D charts: one size per horizontal x vertical label, named "24x26"
                    for (String v : vertical) {
                        sizes.add(new Size(data.nextSizeId(), horizontal + divider + v));
                    }
                }
            }
            var chart = new SizeChart(data.sizeCharts.nextId(), input.name(), sizes, input.horizontalLabels(),
                    vertical, divider, input.displayDividedBy(), input.displayUnit(), input.externalId());
            return Payload.of(data.sizeCharts.put(chart), problems);
        });
    }

    private Problems validate(SizeChartCreateInput input) {
        var problems = new Problems();
        problems.requireText(input.name(), "name");
        if (input.name() != null && data.sizeCharts.stream().anyMatch(c -> c.name().equalsIgnoreCase(input.name()))) {
            problems.error("Size chart with name \"" + input.name() + "\" already exists", "input", "name");
        }
        if (input.horizontalLabels() == null || input.horizontalLabels().isEmpty()) {
            problems.error("horizontalLabels must contain at least one label", "input", "horizontalLabels");
        } else {
            duplicates(input.horizontalLabels(), "horizontalLabels", problems);
        }
        if (input.verticalLabels() != null) {
            duplicates(input.verticalLabels(), "verticalLabels", problems);
        }
        return problems;
    }

    private static void duplicates(List<String> labels, String field, Problems problems) {
        var seen = new HashSet<String>();
        for (String label : labels) {
            if (label.isBlank()) {
                problems.error("Labels must not be empty", "input", field);
            } else if (!seen.add(label)) {
                problems.error("Label \"" + label + "\" appears more than once", "input", field);
            }
        }
    }
}
