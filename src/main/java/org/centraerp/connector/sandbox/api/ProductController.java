package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Brand;
import org.centraerp.connector.sandbox.store.Collection;
import org.centraerp.connector.sandbox.store.Country;
import org.centraerp.connector.sandbox.store.Folder;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductStatus;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.Weight;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Products: queries, counters, createProduct, updateProduct and the Product type's relations. */
@Controller
@ConditionalOnSandboxEnabled
public class ProductController {

    record ProductFilter(List<Integer> id, StringMatch name, List<ProductStatus> status, StringMatch productNumber,
                         DateRange createdAt, DateRange updatedAt, List<Integer> brandId,
                         List<Integer> collectionId, List<Integer> folderId) {

        boolean test(Product p) {
            return in(id, p.id()) && StringMatch.matches(name, p.name()) && in(status, p.status())
                    && StringMatch.matches(productNumber, p.productNumber())
                    && DateRange.contains(createdAt, p.createdAt()) && DateRange.contains(updatedAt, p.updatedAt())
                    && in(brandId, p.brandId()) && in(collectionId, p.collectionId()) && in(folderId, p.folderId());
        }
    }

    /** The fields ProductCreateInput and ProductUpdateInput share; on update, null means "unchanged". */
    record ProductFields(String name, ProductStatus status, String productNumber, String harmonizedCommodityCode,
                        String harmonizedCommodityCodeDescription, String internalComment,
                        Boolean isSerializableProduct, Weight weight, Ref brand, Ref collection,
                        CountryRef countryOfOrigin, Ref folder, String externalId,
                        List<ProductVariantController.VariantOnProductInput> addProductVariants) {
    }

    /** The {@code counters} root: totals that list queries do not carry. */
    public record Counters() {
    }

    static final Map<String, Comparator<Product>> SORT = Map.of(
            "id", Comparator.comparingInt(Product::id),
            "name", Comparator.comparing(Product::name),
            "createdAt", Comparator.comparing(Product::createdAt),
            "updatedAt", Comparator.comparing(Product::updatedAt));

    private final SandboxData data;

    public ProductController(SandboxData data) {
        this.data = data;
    }

    static List<Product> query(SandboxData data, ProductFilter where, Predicate<Product> scope, List<String> sort,
                               Integer limit, Integer page) {
        return ListQuery.run(data.products.stream().filter(scope), p -> where == null || where.test(p), sort, SORT,
                limit, page);
    }

    @QueryMapping
    public List<Product> products(@Argument ProductFilter where, @Argument List<String> sort, @Argument Integer limit,
                                  @Argument Integer page) {
        return query(data, where, p -> true, sort, limit, page);
    }

    @QueryMapping
    public Product product(@Argument int id) {
        return data.products.find(id).orElse(null);
    }

    @QueryMapping
    public Counters counters() {
        return new Counters();
    }

    @SchemaMapping(typeName = "Counters", field = "products")
    public long countProducts(Counters counters, @Argument ProductFilter where) {
        return data.products.stream().filter(p -> where == null || where.test(p)).count();
    }

    @MutationMapping
    public Payload createProduct(@Argument ProductFields input) {
        return data.write(() -> {
            var problems = new Problems();
            var product = newProduct(input, false, problems);
            // the variants of addProductVariants with their sizes: all checked before anything is stored
            var variants = ProductVariantController.planOnProduct(data, input.addProductVariants(), problems);
            if (product.isEmpty() || problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Product stored = data.products.put(product.get());
            variants.forEach(v -> v.store(data, stored.id()));
            return Payload.of(stored, problems);
        });
    }

    @MutationMapping
    public Payload updateProduct(@Argument int id, @Argument ProductFields input) {
        return data.write(() -> {
            var problems = new Problems();
            return updated(id, input, problems).map(p -> Payload.of(data.products.put(p), problems))
                    .orElseGet(() -> Payload.rejected(problems));
        });
    }

    /** A new product from ProductCreateInput (not stored yet), or empty with the userErrors in {@code problems}. */
    Optional<Product> newProduct(ProductFields input, boolean isBundle, Problems problems) {
        problems.requireText(input.name(), "name");
        problems.requireText(input.productNumber(), "productNumber");
        uniqueProductNumber(input.productNumber(), 0, problems);
        var relations = relations(input, problems);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return Optional.of(new Product(data.products.nextId(), input.name(), input.status(), input.productNumber(),
                input.harmonizedCommodityCode(), input.harmonizedCommodityCodeDescription(),
                input.internalComment(), isBundle, Boolean.TRUE.equals(input.isSerializableProduct()),
                input.weight(), relations.brand(), relations.collection(), relations.folder(),
                relations.country(), input.externalId(), now, now));
    }

    /** Product {@code id} with ProductUpdateInput applied (not stored yet), or empty with the userErrors. */
    Optional<Product> updated(int id, ProductFields input, Problems problems) {
        var found = data.products.find(id);
        if (found.isEmpty()) {
            problems.error("Product with id " + id + " does not exist", "id");
            return Optional.empty();
        }
        var old = found.get();
        if (input.name() != null) {
            problems.requireText(input.name(), "name");
        }
        if (input.productNumber() != null) {
            problems.requireText(input.productNumber(), "productNumber");
            uniqueProductNumber(input.productNumber(), id, problems);
        }
        var relations = relations(input, problems);
        if (problems.hasErrors()) {
            return Optional.empty();
        }
        return Optional.of(new Product(id, or(input.name(), old.name()), or(input.status(), old.status()),
                or(input.productNumber(), old.productNumber()),
                or(input.harmonizedCommodityCode(), old.harmonizedCommodityCode()),
                or(input.harmonizedCommodityCodeDescription(), old.harmonizedCommodityCodeDescription()),
                or(input.internalComment(), old.internalComment()), old.isBundle(),
                or(input.isSerializableProduct(), old.isSerializableProduct()), or(input.weight(), old.weight()),
                or(relations.brand(), old.brandId()), or(relations.collection(), old.collectionId()),
                or(relations.folder(), old.folderId()), or(relations.country(), old.countryOfOriginId()),
                old.externalId(), old.createdAt(), Instant.now()));
    }

    @SchemaMapping(typeName = "Product", field = "brand")
    public Brand brand(Product product) {
        return data.brands.find(product.brandId()).orElse(null);
    }

    @SchemaMapping(typeName = "Product", field = "collection")
    public Collection collection(Product product) {
        return data.collections.find(product.collectionId()).orElse(null);
    }

    @SchemaMapping(typeName = "Product", field = "folder")
    public Folder folder(Product product) {
        return data.folders.find(product.folderId()).orElse(null);
    }

    @SchemaMapping(typeName = "Product", field = "countryOfOrigin")
    public Country countryOfOrigin(Product product) {
        return data.countries.find(product.countryOfOriginId()).orElse(null);
    }

    @SchemaMapping(typeName = "Product", field = "variants")
    public List<ProductVariant> variants(Product product, @Argument ProductVariantController.VariantFilter where,
                                         @Argument List<String> sort) {
        return ProductVariantController.query(data, where, v -> v.productId() == product.id(), sort, null);
    }

    @SchemaMapping(typeName = "Product", field = "createdAt")
    public String createdAt(Product product, @Argument String format) {
        return PhpDateFormat.format(product.createdAt(), format);
    }

    @SchemaMapping(typeName = "Product", field = "updatedAt")
    public String updatedAt(Product product, @Argument String format) {
        return PhpDateFormat.format(product.updatedAt(), format);
    }

    private record Relations(Integer brand, Integer collection, Integer folder, Integer country) {
    }

    private Relations relations(ProductFields input, Problems problems) {
        return new Relations(
                relation(input.brand(), r -> r.find(data.brands, Brand::externalId).map(Brand::id), "brand", problems),
                relation(input.collection(), r -> r.find(data.collections, Collection::externalId)
                        .map(Collection::id), "collection", problems),
                relation(input.folder(), r -> r.find(data.folders, Folder::externalId).map(Folder::id),
                        "folder", problems),
                input.countryOfOrigin() == null ? null : input.countryOfOrigin().find(data).map(Country::id)
                        .orElseGet(() -> {
                            problems.error("Country with " + input.countryOfOrigin().describe() + " does not exist",
                                    "input", "countryOfOrigin");
                            return null;
                        }));
    }

    private static Integer relation(Ref ref, java.util.function.Function<Ref, Optional<Integer>> lookup,
                                    String field, Problems problems) {
        if (ref == null) {
            return null;
        }
        return lookup.apply(ref).orElseGet(() -> {
            problems.error(Character.toUpperCase(field.charAt(0)) + field.substring(1) + " with " + ref.describe()
                    + " does not exist", "input", field);
            return null;
        });
    }

    private void uniqueProductNumber(String productNumber, int exceptId, Problems problems) {
        if (productNumber != null && data.products.stream()
                .anyMatch(p -> p.id() != exceptId && p.productNumber().equals(productNumber))) {
            problems.error("Product with productNumber \"" + productNumber + "\" already exists",
                    "input", "productNumber");
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

}
