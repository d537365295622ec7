package org.centraerp.connector.flows.prices;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.centraerp.connector.centra.CentraClient;
import org.centraerp.connector.centra.CentraClient.Retry;
import org.centraerp.connector.centra.CentraProblem;
import org.centraerp.connector.centra.CentraQueryException;
import org.centraerp.connector.centra.ComplexityBatchSizer;
import org.centraerp.connector.centra.MutationResult;
import org.centraerp.connector.flows.catalogue.ImportReport.Outcome;
import org.centraerp.connector.state.SentValues;

/**
 * One {@code setPrices} call: products of one pricelist, each with its lowest variant price as product price and
 * every variant's own price as an individual variant price (so no variant depends on which one came first).
 * Absolute prices: safe to send again. userErrors fail the whole batch; a userWarning naming a product or variant
 * id fails that entry's rows, the rest are saved.
 */
final class PriceBatch {

    /** Receives each row's outcome. */
    interface Outcomes {
        void row(PriceRow row, Outcome outcome, String reason);
    }

    private final CentraClient centra;
    private final SentValues sentValues;
    private final String flow;

    PriceBatch(CentraClient centra, SentValues sentValues, String flow) {
        this.centra = centra;
        this.sentValues = sentValues;
        this.flow = flow;
    }

    /** Every product in calls of as many products as the sizer says (learning from each answer's complexity). */
    void sendAll(long pricelist, List<Map<Long, PriceRow>> products, ComplexityBatchSizer sizer, Outcomes outcomes) {
        for (int from = 0; from < products.size(); ) {
            int size = sizer.size();
            List<Map<Long, PriceRow>> batch = products.subList(from, Math.min(products.size(), from + size));
            send(pricelist, batch, outcomes, sizer);
            from += batch.size();
        }
    }

    /**
     * Sends the products; when Centra refuses the call as invalid GraphQL (errors without data: a value it cannot
     * take), that is no passing fault to retry: the batch is split until the product it refuses is alone, and that
     * product's rows are reported.
     */
    void send(long pricelist, List<Map<Long, PriceRow>> products, Outcomes outcomes) {
        send(pricelist, products, outcomes, null);
    }

    private void send(long pricelist, List<Map<Long, PriceRow>> products, Outcomes outcomes,
                      ComplexityBatchSizer sizer) {
        try {
            MutationResult result = sendWhole(pricelist, products, outcomes);
            if (sizer != null) {
                sizer.answered(products.size(), result.response().complexity());
            }
        } catch (CentraQueryException e) {
            if (e.serverFault()) {
                throw e; // Centra's own fault, not these prices': the file is read again after the back-off
            }
            if (products.size() > 1) {
                int half = products.size() / 2;
                send(pricelist, products.subList(0, half), outcomes, sizer);
                send(pricelist, products.subList(half, products.size()), outcomes, sizer);
            } else {
                products.forEach(variants -> variants.values().forEach(row -> outcomes.row(row, Outcome.FAILED,
                        "Centra refused the prices of this product as invalid: " + e.getMessage())));
            }
        }
    }

    private MutationResult sendWhole(long pricelist, List<Map<Long, PriceRow>> products, Outcomes outcomes) {
        MutationResult result = centra.mutate("prices/setPrices", variables(pricelist, products), Retry.SAFE);
        Map<String, String> sent = new LinkedHashMap<>();
        for (Map<Long, PriceRow> variants : products) {
            for (PriceRow row : variants.values()) {
                String problem = problem(result, row);
                if (problem != null) {
                    outcomes.row(row, Outcome.FAILED, problem);
                } else {
                    outcomes.row(row, Outcome.UPDATED, null);
                    sent.put(row.sentKey(), row.sentValue());
                }
            }
        }
        sentValues.remember(flow, sent);
        return result;
    }

    /** The variables of one setPrices call for these products of the pricelist (also what preview prints). */
    static Map<String, Object> variables(long pricelist, List<Map<Long, PriceRow>> products) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<Long, PriceRow> variants : products) {
            PriceRow lowest = variants.values().stream().min(Comparator.comparing(PriceRow::price)).orElseThrow();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("product", Map.of("id", lowest.productId()));
            entry.put("price", money(lowest.price(), lowest.currency()));
            if (lowest.priceBeforeDiscount() != null) {
                entry.put("priceBeforeDiscount", money(lowest.priceBeforeDiscount(), lowest.currency()));
            }
            entry.put("individualVariantPrices", variants.values().stream().map(PriceBatch::variantPrice).toList());
            entries.add(entry);
        }
        return Map.of("input", Map.of("pricelist", Map.of("id", pricelist), "productPrices", entries));
    }

    private static String problem(MutationResult result, PriceRow row) {
        if (!result.ok()) {
            return "Centra refused the prices of this pricelist batch: " + messages(result.userErrors());
        }
        for (CentraProblem warning : result.userWarnings()) {
            String text = warning.message();
            if (text.contains("id " + row.productId() + " ") || text.contains("id " + row.variantId() + " ")
                    || text.endsWith("id " + row.productId()) || text.endsWith("id " + row.variantId())) {
                return "Centra skipped it: " + text;
            }
        }
        return null;
    }

    private static Map<String, Object> variantPrice(PriceRow row) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("productVariant", Map.of("id", row.variantId()));
        entry.put("price", money(row.price(), row.currency()));
        if (row.priceBeforeDiscount() != null) {
            entry.put("priceBeforeDiscount", money(row.priceBeforeDiscount(), row.currency()));
        }
        return entry;
    }

    private static Map<String, Object> money(java.math.BigDecimal value, String currency) {
        return Map.of("value", value, "currencyIsoCode", currency);
    }

    private static String messages(List<CentraProblem> problems) {
        return String.join("; ", problems.stream().map(CentraProblem::message).toList());
    }
}
