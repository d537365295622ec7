package org.centraerp.connector.ops.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The Prometheus rules shipped in config/prometheus-alerts.yaml: every metric their expressions use is one the
 * connector registers. The scrape itself is taken in {@link AlertConditionsTest}; here the reading of the rules.
 */
class PrometheusRulesTest {

    static final Path RULES = Path.of("config/prometheus-alerts.yaml");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "min", "max", "avg", "count", "rate", "increase",
            "irate", "delta", "by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
            "abs", "absent", "histogram_quantile", "time", "offset", "bool", "topk", "bottomk", "clamp_min", "clamp_max");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

    /** The metric names used by the rules' expressions, from the YAML file. */
    static Set<String> ruleMetrics(Path rules) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(rules.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> names = new TreeSet<>();
        for (JsonNode group : root.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                names.addAll(metricsOf(rule.path("expr").asText()));
            }
        }
        return names;
    }

    /** Metric names in one PromQL expression: identifiers but functions, keywords and label names. */
    static Set<String> metricsOf(String expr) {
        String bare = expr.replaceAll("\\{[^}]*}", " ")      // label matchers
                .replaceAll("\\[[^\\]]*\\]", " ")                // ranges
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ") // grouping labels
                .replaceAll("\"[^\"]*\"", " ")
                .replaceAll("\\b\\d+(\\.\\d+)?\\b", " ");
        Set<String> names = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(bare);
        while (m.find()) {
            if (!PROMQL_WORDS.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    /** The metric names in a Prometheus text scrape. */
    static Set<String> scraped(String scrape) {
        Set<String> names = new TreeSet<>();
        Matcher m = SAMPLE.matcher(scrape);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static void assertEveryRuleMetricIsIn(String scrape) {
        Set<String> used = ruleMetrics(RULES);
        assertThat(used).as("metrics the rules use").isNotEmpty();
        assertThat(scraped(scrape)).as("what /actuator/prometheus shows").containsAll(used);
    }

    @Test
    void everyRuleOfTheShippedFileHasAnExpressionWithAConnectorMetric() throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile());
        JsonNode rules = root.path("groups").get(0).path("rules");
        assertThat(rules.size()).isGreaterThanOrEqualTo(6);
        for (JsonNode rule : rules) {
            assertThat(rule.path("alert").asText()).isNotBlank();
            assertThat(metricsOf(rule.path("expr").asText())).as(rule.path("alert").asText()).isNotEmpty()
                    .allMatch(name -> name.startsWith("connector_"));
        }
        assertThat(ruleMetrics(RULES)).contains("connector_dead_letters_open", "connector_flow_freshness",
                "connector_reconciliation_differences", "connector_centra_token_expiry_days",
                "connector_centra_requests_seconds_count");
    }

    @Test
    void metricNamesAreReadWithoutFunctionsLabelsOrRanges() {
        assertThat(metricsOf("sum(rate(connector_centra_requests_seconds_count{outcome!=\"success\"}[10m]))"
                + " / sum(rate(connector_centra_requests_seconds_count[10m])) > 0.2"))
                .containsExactly("connector_centra_requests_seconds_count");
        assertThat(metricsOf("max by (flow) (connector_dead_letters_open) > 0")).containsExactly("connector_dead_letters_open");
        assertThat(scraped("# HELP a_total x\n# TYPE a_total counter\na_total{flow=\"x\"} 1.0\nb_seconds 2\n"))
                .containsExactly("a_total", "b_seconds");
    }

    @Test
    void aRuleOnAMetricTheConnectorDoesNotHaveIsCaught() {
        String scrape = "connector_dead_letters_open{flow=\"orders\"} 1.0\n";
        assertThatThrownBy(() -> assertEveryRuleMetricIsIn(scrape)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("connector_flow_freshness");
    }
}
