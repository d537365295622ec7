package org.centraerp.connector.sandbox.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.Bundle;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Size;
import org.centraerp.connector.sandbox.store.SizeChart;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Bundles: createBundle, updateBundle, the bundle query and the Bundle type. A bundle is a product (isBundle) whose
 * sections each hold a quantity of existing variants; a fixed bundle needs a size chart and sizes of that chart.
 * Any userError leaves everything as it was.
 */
@Controller
@ConditionalOnSandboxEnabled
public class BundleController {

    enum BundleType { FIXED, FLEXIBLE }

    enum BundlePriceType { STATIC, DYNAMIC }

    record SizeRef(Integer id, String name) {
    }

    record SectionCreate(Integer quantity, List<Ref> productVariants) {
    }

    record SectionUpdate(int id, Integer quantity, List<Ref> productVariants) {
    }

    record SectionRef(int id) {
    }

    record CreateInput(ProductController.ProductFields product, BundleType type, BundlePriceType priceType,
                       Ref sizeChart, List<SizeRef> sizes, List<SectionCreate> addBundleSections) {
    }

    record UpdateInput(ProductController.ProductFields product, BundlePriceType priceType, List<SizeRef> sizes,
                       List<SectionCreate> addBundleSections, List<SectionUpdate> updateBundleSections,
                       List<SectionRef> deleteBundleSections) {
    }

    private final SandboxData data;
    private final ProductController products;

    public BundleController(SandboxData data, ProductController products) {
        this.data = data;
        this.products = products;
    }

    @QueryMapping
    public Bundle bundle(@Argument int id) {
        return data.bundles.find(id).orElse(null);
    }

    @MutationMapping
    public Payload createBundle(@Argument CreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Product> product = products.newProduct(input.product(), true, problems);
            Integer chartId = null;
            List<Integer> sizeIds = List.of();
            if (input.type() == BundleType.FIXED) {
                if (input.sizeChart() == null) {
                    problems.error("Size chart must be specified for a fixed bundle", "input", "sizeChart");
                } else {
                    Optional<SizeChart> chart = input.sizeChart().find(data.sizeCharts, SizeChart::externalId);
                    if (chart.isEmpty()) {
                        problems.error("Size chart with " + input.sizeChart().describe() + " does not exist",
                                "input", "sizeChart");
                    } else {
                        chartId = chart.get().id();
                        sizeIds = sizes(chart.get(), input.sizes(), problems);
                    }
                }
            }
            Instant now = Instant.now();
            List<Bundle.Section> sections = new ArrayList<>();
            addSections(input.addBundleSections(), "addBundleSections", now, sections, problems);
            if (problems.hasErrors() || product.isEmpty()) {
                return Payload.rejected(problems);
            }
            data.products.put(product.get());
            Bundle bundle = new Bundle(data.bundles.nextId(), product.get().id(), input.type().name(),
                    input.priceType().name(), chartId, sizeIds, sections, now, now);
            return Payload.of(data.bundles.put(bundle), problems);
        });
    }

    @MutationMapping
    public Payload updateBundle(@Argument int id, @Argument UpdateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Bundle> found = data.bundles.find(id);
            if (found.isEmpty()) {
                return Payload.rejected(problems.error("Bundle with id " + id + " does not exist", "id"));
            }
            Bundle old = found.get();
            Optional<Product> product = input.product() == null ? data.products.find(old.productId())
                    : products.updated(old.productId(), input.product(), problems);
            List<Integer> sizeIds = old.sizeIds();
            if (input.sizes() != null && old.sizeChartId() != null) {
                sizeIds = sizes(data.sizeCharts.find(old.sizeChartId()).orElseThrow(), input.sizes(), problems);
            }
            Instant now = Instant.now();
            Map<Integer, Bundle.Section> sections = new LinkedHashMap<>();
            old.sections().forEach(s -> sections.put(s.id(), s));
            List<SectionRef> deleted = input.deleteBundleSections() == null ? List.of() : input.deleteBundleSections();
            for (int i = 0; i < deleted.size(); i++) {
                if (sections.remove(deleted.get(i).id()) == null) {
                    problems.error("Bundle section with id " + deleted.get(i).id() + " does not exist", "input",
                            "deleteBundleSections", Integer.toString(i));
                }
            }
            List<SectionUpdate> changes = input.updateBundleSections() == null ? List.of() : input.updateBundleSections();
            for (int i = 0; i < changes.size(); i++) {
                SectionUpdate change = changes.get(i);
                Bundle.Section section = sections.get(change.id());
                if (section == null) {
                    problems.error("Bundle section with id " + change.id() + " does not exist", "input",
                            "updateBundleSections", Integer.toString(i));
                    continue;
                }
                List<Integer> variants = change.productVariants() == null ? section.variantIds()
                        : variants(change.productVariants(), "updateBundleSections", i, problems);
                int quantity = change.quantity() == null ? section.quantity()
                        : quantity(change.quantity(), "updateBundleSections", i, problems);
                sections.put(section.id(), new Bundle.Section(section.id(), quantity, variants, section.createdAt(), now));
            }
            List<Bundle.Section> added = new ArrayList<>();
            addSections(input.addBundleSections(), "addBundleSections", now, added, problems);
            if (problems.hasErrors() || product.isEmpty()) {
                return Payload.rejected(problems);
            }
            data.products.put(product.get());
            List<Bundle.Section> all = new ArrayList<>(sections.values());
            all.addAll(added);
            Bundle bundle = new Bundle(id, old.productId(), old.type(),
                    input.priceType() == null ? old.priceType() : input.priceType().name(), old.sizeChartId(), sizeIds,
                    all, old.createdAt(), now);
            return Payload.of(data.bundles.put(bundle), problems);
        });
    }

    private void addSections(List<SectionCreate> inputs, String field, Instant now, List<Bundle.Section> into,
                             Problems problems) {
        if (inputs == null) {
            return;
        }
        for (int i = 0; i < inputs.size(); i++) {
            SectionCreate input = inputs.get(i);
            List<Integer> variants = variants(input.productVariants(), field, i, problems);
            int quantity = quantity(input.quantity(), field, i, problems);
            into.add(new Bundle.Section(data.nextBundleSectionId(), quantity, variants, now, now));
        }
    }

    private List<Integer> variants(List<Ref> refs, String field, int index, Problems problems) {
        List<Integer> ids = new ArrayList<>();
        if (refs == null || refs.isEmpty()) {
            problems.error("A bundle section needs at least one product variant", "input", field,
                    Integer.toString(index), "productVariants");
            return ids;
        }
        for (Ref ref : refs) {
            ref.find(data.productVariants, ProductVariant::externalId).ifPresentOrElse(v -> ids.add(v.id()),
                    () -> problems.error("Product variant with " + ref.describe() + " does not exist", "input", field,
                            Integer.toString(index), "productVariants"));
        }
        return ids;
    }

    private static int quantity(Integer quantity, String field, int index, Problems problems) {
        if (quantity == null || quantity < 1) {
            problems.error("Quantity must be at least 1", "input", field, Integer.toString(index), "quantity");
            return 1;
        }
        return quantity;
    }

    private static List<Integer> sizes(SizeChart chart, List<SizeRef> refs, Problems problems) {
        List<Integer> ids = new ArrayList<>();
        if (refs == null || refs.isEmpty()) {
            problems.error("Sizes must be specified for a fixed bundle", "input", "sizes");
            return ids;
        }
        for (SizeRef ref : refs) {
            chart.sizes().stream().filter(s -> (ref.id() != null && s.id() == ref.id())
                            || (ref.name() != null && s.name().equals(ref.name())))
                    .findFirst().ifPresentOrElse(s -> ids.add(s.id()), () -> problems.error("Size "
                            + (ref.id() != null ? "with id " + ref.id() : "'" + ref.name() + "'")
                            + " is not in size chart '" + chart.name() + "'", "input", "sizes"));
        }
        return ids;
    }

    @SchemaMapping(typeName = "Product", field = "bundle")
    public Bundle bundleOf(Product product) {
        return product.isBundle() ? data.bundles.stream().filter(b -> b.productId() == product.id()).findFirst()
                .orElse(null) : null;
    }

    @SchemaMapping(typeName = "Bundle", field = "product")
    public Product product(Bundle bundle) {
        return data.products.find(bundle.productId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Bundle", field = "sizeChart")
    public SizeChart sizeChart(Bundle bundle) {
        return data.sizeCharts.find(bundle.sizeChartId()).orElse(null);
    }

    @SchemaMapping(typeName = "Bundle", field = "sizes")
    public List<Size> sizes(Bundle bundle) {
        return data.sizeCharts.find(bundle.sizeChartId()).map(chart -> chart.sizes().stream()
                .filter(s -> bundle.sizeIds().contains(s.id())).toList()).orElse(List.of());
    }

    @SchemaMapping(typeName = "Bundle", field = "createdAt")
    public String createdAt(Bundle bundle, @Argument String format) {
        return PhpDateFormat.format(bundle.createdAt(), format);
    }

    @SchemaMapping(typeName = "Bundle", field = "updatedAt")
    public String updatedAt(Bundle bundle, @Argument String format) {
        return PhpDateFormat.format(bundle.updatedAt(), format);
    }

    @SchemaMapping(typeName = "BundleSection", field = "productVariants")
    public List<ProductVariant> productVariants(Bundle.Section section) {
        return section.variantIds().stream().flatMap(id -> data.productVariants.find(id).stream()).toList();
    }

    @SchemaMapping(typeName = "BundleSection", field = "createdAt")
    public String sectionCreatedAt(Bundle.Section section, @Argument String format) {
        return PhpDateFormat.format(section.createdAt(), format);
    }

    @SchemaMapping(typeName = "BundleSection", field = "updatedAt")
    public String sectionUpdatedAt(Bundle.Section section, @Argument String format) {
        return PhpDateFormat.format(section.updatedAt(), format);
    }
}
