package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Size;
import org.centraerp.connector.sandbox.store.SizeChart;
import org.centraerp.connector.sandbox.store.Status;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Variants and their sizes: queries, createProductVariant, createProductSize and their relations. */
@Controller
@ConditionalOnSandboxEnabled
public class ProductVariantController {

    record VariantFilter(List<Integer> id, List<Integer> productId, List<Status> status) {
    }

    public record MoneyInput(BigDecimal value, String currencyIsoCode) {
    }

    public record SizeRef(Integer id, String name) {
        String describe() {
            return id != null ? "id " + id : "name \"" + name + "\"";
        }
    }

    record SizeOnVariantInput(SizeRef size, String EAN, String UPC, String sizeNumber, Boolean isActive) {
    }

    record ProductVariantCreateInput(String name, Status status, String variantNumber, String internalName,
                                     MoneyInput unitCost, Ref product, Ref sizeChart,
                                     List<SizeOnVariantInput> productSizes, String externalId) {
    }

    record ProductSizeCreateInput(Ref productVariant, SizeRef size, String EAN, String gtin, String UPC,
                                  String sizeNumber, String comment, Boolean preorder, Boolean isActive) {
    }

    /** ProductVariantOnProductCreateInput: a variant in {@code createProduct(input: {addProductVariants})}. */
    record VariantOnProductInput(String name, Status status, String variantNumber, String internalName,
                                 MoneyInput unitCost, Ref sizeChart, List<SizeOnVariantInput> productSizes) {
    }

    /** A variant checked and ready to store under a product that does not exist yet. */
    record PlannedVariant(VariantOnProductInput input, Optional<SizeChart> chart, List<Size> sizes) {

        ProductVariant store(SandboxData data, int productId) {
            var variant = data.productVariants.put(new ProductVariant(data.productVariants.nextId(), productId,
                    input.name(), input.status(), input.variantNumber(), input.internalName(), money(input.unitCost()),
                    chart.map(SizeChart::id).orElse(null), null, Instant.now()));
            var wanted = input.productSizes() == null ? List.<SizeOnVariantInput>of() : input.productSizes();
            for (int i = 0; i < wanted.size(); i++) {
                var size = wanted.get(i);
                data.productSizes.put(new ProductSize(data.productSizes.nextId(), variant.id(), sizes.get(i).id(),
                        size.EAN(), size.UPC(), size.sizeNumber(), null, false, !Boolean.FALSE.equals(size.isActive())));
            }
            return variant;
        }
    }

    /** Checks every variant of {@code addProductVariants}; userErrors name the variant's index. */
    static List<PlannedVariant> planOnProduct(SandboxData data, List<VariantOnProductInput> inputs, Problems problems) {
        List<PlannedVariant> planned = new ArrayList<>();
        if (inputs == null) {
            return planned;
        }
        ProductSizes sizes = new ProductSizes(data);
        for (int v = 0; v < inputs.size(); v++) {
            VariantOnProductInput input = inputs.get(v);
            String index = String.valueOf(v);
            if (input.name() == null || input.name().isBlank()) {
                problems.error("name must not be empty", "input", "addProductVariants", index, "name");
            }
            Optional<SizeChart> chart = Optional.empty();
            if (input.sizeChart() != null) {
                chart = input.sizeChart().find(data.sizeCharts, SizeChart::externalId);
                if (chart.isEmpty()) {
                    problems.error("Size chart with " + input.sizeChart().describe() + " does not exist",
                            "input", "addProductVariants", index, "sizeChart");
                }
            }
            var wanted = input.productSizes() == null ? List.<SizeOnVariantInput>of() : input.productSizes();
            List<Size> chosen = new ArrayList<>();
            for (SizeOnVariantInput size : wanted) {
                sizes.inChart(chart, size.size(), problems).ifPresent(chosen::add);
            }
            if (chosen.size() != new HashSet<>(chosen).size()) {
                problems.error("A size can be activated only once per variant",
                        "input", "addProductVariants", index, "productSizes");
            }
            planned.add(new PlannedVariant(input, chart, chosen));
        }
        return planned;
    }

    private static final Map<String, Comparator<ProductVariant>> SORT = Map.of(
            "id", Comparator.comparingInt(ProductVariant::id), "name", Comparator.comparing(ProductVariant::name));

    private final SandboxData data;
    private final ProductSizes sizes;

    public ProductVariantController(SandboxData data) {
        this.data = data;
        this.sizes = new ProductSizes(data);
    }

    static List<ProductVariant> query(SandboxData data, VariantFilter where, Predicate<ProductVariant> scope,
                                      List<String> sort, Integer limit) {
        Predicate<ProductVariant> filter = v -> where == null
                || (in(where.id(), v.id()) && in(where.productId(), v.productId()) && in(where.status(), v.status()));
        return ListQuery.runAll(data.productVariants.stream().filter(scope), filter, sort, SORT, limit, 1);
    }

    @QueryMapping
    public List<ProductVariant> productVariants(@Argument VariantFilter where, @Argument List<String> sort,
                                                @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.productVariants.stream(), v -> where == null
                || (in(where.id(), v.id()) && in(where.productId(), v.productId()) && in(where.status(), v.status())),
                sort, SORT, limit, page);
    }

    @QueryMapping
    public ProductVariant productVariant(@Argument int id) {
        return data.productVariants.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createProductVariant(@Argument ProductVariantCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            var product = input.product().find(data.products, Product::externalId);
            if (product.isEmpty()) {
                problems.error("Product with " + input.product().describe() + " does not exist", "input", "product");
            }
            Optional<SizeChart> chart = Optional.empty();
            if (input.sizeChart() != null) {
                chart = input.sizeChart().find(data.sizeCharts, SizeChart::externalId);
                if (chart.isEmpty()) {
                    problems.error("Size chart with " + input.sizeChart().describe() + " does not exist",
                            "input", "sizeChart");
                }
            }
            var wanted = input.productSizes() == null ? List.<SizeOnVariantInput>of() : input.productSizes();
            List<Size> chosen = new ArrayList<>();
            for (SizeOnVariantInput size : wanted) {
                sizes.inChart(chart, size.size(), problems).ifPresent(chosen::add);
            }
            if (chosen.size() != new HashSet<>(chosen).size()) {
                problems.error("A size can be activated only once per variant", "input", "productSizes");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            var variant = data.productVariants.put(new ProductVariant(data.productVariants.nextId(),
                    product.get().id(), input.name(), input.status(), input.variantNumber(), input.internalName(),
                    money(input.unitCost()), chart.map(SizeChart::id).orElse(null), input.externalId(), Instant.now()));
            for (int i = 0; i < wanted.size(); i++) {
                var size = wanted.get(i);
                data.productSizes.put(new ProductSize(data.productSizes.nextId(), variant.id(), chosen.get(i).id(),
                        size.EAN(), size.UPC(), size.sizeNumber(), null, false, !Boolean.FALSE.equals(size.isActive())));
            }
            return Payload.of(variant, problems);
        });
    }

    @MutationMapping
    public Payload createProductSize(@Argument ProductSizeCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            var variant = input.productVariant().find(data.productVariants, ProductVariant::externalId);
            if (variant.isEmpty()) {
                problems.error("Product variant with " + input.productVariant().describe() + " does not exist",
                        "input", "productVariant");
                return Payload.rejected(problems);
            }
            var chart = data.sizeCharts.find(variant.get().sizeChartId());
            var size = sizes.inChart(chart, input.size(), problems);
            if (size.isPresent() && data.productSizes.stream().anyMatch(s ->
                    s.productVariantId() == variant.get().id() && s.sizeId() == size.get().id())) {
                problems.error("Size " + size.get().name() + " is already active for product variant "
                        + variant.get().id(), "input", "size");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            String ean = input.EAN() != null ? input.EAN() : input.gtin();
            var created = new ProductSize(data.productSizes.nextId(), variant.get().id(), size.get().id(), ean,
                    input.UPC(), input.sizeNumber(), input.comment(), Boolean.TRUE.equals(input.preorder()),
                    !Boolean.FALSE.equals(input.isActive()));
            return Payload.of(data.productSizes.put(created), problems);
        });
    }

    @SchemaMapping(typeName = "ProductVariant", field = "product")
    public Product product(ProductVariant variant) {
        return data.products.find(variant.productId()).orElseThrow();
    }

    @SchemaMapping(typeName = "ProductVariant", field = "sizeChart")
    public SizeChart sizeChart(ProductVariant variant) {
        return data.sizeCharts.find(variant.sizeChartId()).orElse(null);
    }

    @SchemaMapping(typeName = "ProductVariant", field = "productSizes")
    public List<ProductSize> productSizes(ProductVariant variant) {
        return data.productSizes.stream().filter(s -> s.productVariantId() == variant.id()).toList();
    }

    @SchemaMapping(typeName = "ProductVariant", field = "unitCost")
    public MonetaryValue unitCost(ProductVariant variant) {
        return MonetaryValue.of(variant.unitCost(), data);
    }

    @SchemaMapping(typeName = "ProductVariant", field = "updatedAt")
    public String updatedAt(ProductVariant variant, @Argument String format) {
        return PhpDateFormat.format(variant.updatedAt(), format);
    }

    private static Money money(MoneyInput input) {
        return input == null ? null : new Money(input.value(), input.currencyIsoCode());
    }
}
