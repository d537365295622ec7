package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.Connections;
import org.centraerp.connector.sandbox.graphql.Connections.Connection;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Category;
import org.centraerp.connector.sandbox.store.Display;
import org.centraerp.connector.sandbox.store.Identified;
import org.centraerp.connector.sandbox.store.Language;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.centraerp.connector.sandbox.store.StockChangeLine;
import org.centraerp.connector.sandbox.store.Store;
import org.centraerp.connector.sandbox.store.Translation;
import org.centraerp.connector.sandbox.webhook.SandboxEvents;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Display texts and categories, categories, languages and translations, productConnection, displayConnection and
 * stockChangeLines (85-catalogue-details.graphqls).
 */
@Controller
@ConditionalOnSandboxEnabled
public class CatalogueDetailsController {

    record CategoryFilter(List<Integer> id, List<Integer> storeId, List<Integer> parentId, StringMatch name,
                          List<Status> status) {

        boolean test(Category c) {
            return in(id, c.id()) && in(storeId, c.storeId()) && (parentId == null || parentId.contains(c.parentId()))
                    && StringMatch.matches(name, c.name()) && in(status, c.status());
        }
    }

    record TranslationFilter(List<String> languageCode) {
    }

    record LanguageRef(Integer id, String code) {
    }

    record TranslatedStringInput(String name, String value) {
    }

    record TranslationsSetInput(String objectType, Integer objectId, LanguageRef language,
                                List<TranslatedStringInput> fields) {
    }

    /** One language's translation of an object, as answered. */
    public record LanguageTranslation(Language language, List<TranslatedString> fields) {
    }

    public record TranslatedString(String name, String value) {
    }

    static final Map<String, Comparator<Category>> CATEGORY_SORT = Map.of(
            "id", Comparator.comparingInt(Category::id), "name", Comparator.comparing(Category::name),
            "customOrder", Comparator.comparingInt(Category::customOrder).thenComparingInt(Category::id));
    static final Map<String, Comparator<Display>> DISPLAY_SORT = Map.of(
            "id", Comparator.comparingInt(Display::id), "name", Comparator.comparing(Display::name));

    private final SandboxData data;
    private final SandboxEvents events;

    public CatalogueDetailsController(SandboxData data, SandboxEvents events) {
        this.data = data;
        this.events = events;
    }

    @QueryMapping
    public List<Category> categories(@Argument CategoryFilter where, @Argument List<String> sort,
                                     @Argument Integer limit, @Argument Integer page) {
        return ListQuery.run(data.categories.stream(), c -> where == null || where.test(c), sort, CATEGORY_SORT,
                limit, page);
    }

    @QueryMapping
    public Category category(@Argument int id) {
        return data.categories.find(id).orElse(null);
    }

    @QueryMapping
    public List<Language> languages() {
        return data.languages.all();
    }

    @QueryMapping
    public Connection<Product> productConnection(@Argument ProductController.ProductFilter where,
                                                 @Argument List<String> sort, @Argument Integer first,
                                                 @Argument Integer last, @Argument String after,
                                                 @Argument String before) {
        List<Product> rows = ListQuery.runAll(data.products.stream(), p -> where == null || where.test(p), sort,
                ProductController.SORT, null, null);
        return Connections.of(rows, p -> Connections.cursor("id", p.id()), first, last, after, before);
    }

    @QueryMapping
    public Connection<Display> displayConnection(@Argument DisplayController.DisplayFilter where,
                                                 @Argument List<String> sort, @Argument Integer first,
                                                 @Argument Integer last, @Argument String after,
                                                 @Argument String before) {
        List<Display> rows = ListQuery.runAll(data.displays.stream(), displayFilter(where), sort, DISPLAY_SORT,
                null, null);
        return Connections.of(rows, d -> Connections.cursor("id", d.id()), first, last, after, before);
    }

    @QueryMapping
    public List<StockChangeLine> stockChangeLines(@Argument StockChangeLineFilterInput where,
                                                  @Argument List<String> sort, @Argument Integer limit,
                                                  @Argument Integer page) {
        return ListQuery.run(data.stockChanges.stream().flatMap(c -> c.lines().stream()),
                line -> where == null || in(where.productSizeId(), line.productSizeId())
                        && in(where.warehouseId(), line.warehouseId())
                        && (where.productVariantId() == null || data.productSizes.find(line.productSizeId())
                        .map(s -> where.productVariantId().contains(s.productVariantId())).orElse(false)),
                sort, Map.of("id", Comparator.comparingInt(StockChangeLine::id)), limit, page);
    }

    record StockChangeLineFilterInput(List<Integer> productSizeId, List<Integer> productVariantId,
                                      List<Integer> warehouseId) {
    }

    @MutationMapping
    public Payload setTranslations(@Argument TranslationsSetInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<? extends Identified> object = switch (input.objectType()) {
                case "Display" -> data.displays.find(input.objectId());
                case "Product" -> data.products.find(input.objectId());
                default -> data.categories.find(input.objectId());
            };
            if (object.isEmpty()) {
                problems.error(input.objectType() + " with id " + input.objectId() + " does not exist", "input",
                        "objectId");
            }
            Optional<Language> language = data.languages.stream().filter(l -> input.language().id() != null
                    ? l.id() == input.language().id() : l.code().equalsIgnoreCase(input.language().code())).findFirst();
            if (language.isEmpty()) {
                problems.error("Language with " + (input.language().id() != null ? "id " + input.language().id()
                        : "code \"" + input.language().code() + "\"") + " does not exist", "input", "language");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            Map<String, String> fields = new LinkedHashMap<>();
            data.translationsOf(input.objectType(), input.objectId()).stream()
                    .filter(t -> t.languageId() == language.get().id()).findFirst()
                    .ifPresent(t -> fields.putAll(t.fields()));
            input.fields().forEach(f -> {
                if (f.value() == null) {
                    fields.remove(f.name());
                } else {
                    fields.put(f.name(), f.value());
                }
            });
            data.putTranslation(new Translation(input.objectType(), input.objectId(), language.get().id(), fields));
            events.changed(input.objectType(), "UPDATED", String.valueOf(input.objectId()), null, null);
            return Payload.of(object.get(), problems);
        });
    }

    @SchemaMapping(typeName = "TranslationsSetPayload", field = "object")
    public Object translatedObject(Payload payload) {
        return payload.object();
    }

    // --- Display ---

    @SchemaMapping(typeName = "Display", field = "categories")
    public List<Category> displayCategories(Display display, @Argument CategoryFilter where,
                                            @Argument List<String> sort, @Argument Integer limit,
                                            @Argument Integer page) {
        return ListQuery.runAll(display.categoryIds().stream().flatMap(id -> data.categories.find(id).stream()),
                c -> where == null || where.test(c), sort, CATEGORY_SORT, limit, page);
    }

    @SchemaMapping(typeName = "Display", field = "canonicalCategory")
    public Category canonicalCategory(Display display) {
        return data.categories.find(display.canonicalCategoryId()).orElse(null);
    }

    @SchemaMapping(typeName = "Display", field = "translations")
    public List<LanguageTranslation> displayTranslations(Display display, @Argument TranslationFilter where) {
        return translations("Display", display.id(), where);
    }

    // --- Product ---

    @SchemaMapping(typeName = "Product", field = "displays")
    public List<Display> productDisplays(Product product, @Argument DisplayController.DisplayFilter where,
                                         @Argument List<String> sort, @Argument Integer limit,
                                         @Argument Integer page) {
        return ListQuery.runAll(data.displays.stream().filter(d -> d.productId() == product.id()),
                displayFilter(where), sort, DISPLAY_SORT, limit, page);
    }

    @SchemaMapping(typeName = "Product", field = "translations")
    public List<LanguageTranslation> productTranslations(Product product, @Argument TranslationFilter where) {
        return translations("Product", product.id(), where);
    }

    // --- Category ---

    @SchemaMapping(typeName = "Category", field = "store")
    public Store categoryStore(Category category) {
        return data.stores.find(category.storeId()).orElse(null);
    }

    @SchemaMapping(typeName = "Category", field = "parent")
    public Category parent(Category category) {
        return data.categories.find(category.parentId()).orElse(null);
    }

    @SchemaMapping(typeName = "Category", field = "childCategories")
    public List<Category> childCategories(Category category) {
        return data.categories.stream().filter(c -> c.parentId() != null && c.parentId() == category.id())
                .sorted(CATEGORY_SORT.get("customOrder")).toList();
    }

    @SchemaMapping(typeName = "Category", field = "displays")
    public List<Display> categoryDisplays(Category category, @Argument DisplayController.DisplayFilter where,
                                          @Argument Integer limit, @Argument Integer page) {
        return ListQuery.runAll(data.displays.stream().filter(d -> d.categoryIds().contains(category.id())),
                displayFilter(where), null, DISPLAY_SORT, limit, page);
    }

    private List<LanguageTranslation> translations(String type, int id, TranslationFilter where) {
        return data.translationsOf(type, id).stream()
                .flatMap(t -> data.languages.find(t.languageId()).stream()
                        .filter(l -> where == null || in(where.languageCode(), l.code()))
                        .map(l -> new LanguageTranslation(l, t.fields().entrySet().stream()
                                .map(e -> new TranslatedString(e.getKey(), e.getValue())).toList())))
                .toList();
    }

    private static Predicate<Display> displayFilter(DisplayController.DisplayFilter where) {
        return d -> where == null || in(where.id(), d.id()) && in(where.storeId(), d.storeId())
                && in(where.productId(), d.productId())
                && (where.marketId() == null || d.marketIds().stream().anyMatch(where.marketId()::contains));
    }
}
