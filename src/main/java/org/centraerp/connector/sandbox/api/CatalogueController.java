package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Brand;
import org.centraerp.connector.sandbox.store.Collection;
import org.centraerp.connector.sandbox.store.Folder;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Status;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Brands, collections and folders: the catalogue's grouping objects. */
@Controller
@ConditionalOnSandboxEnabled
public class CatalogueController {

    record NameFilter(List<Integer> id, StringMatch name, List<Status> status, Boolean isTopFolder) {
        static final NameFilter ANY = new NameFilter(null, null, null, null);
    }

    record BrandCreateInput(String name, String uri, List<Ref> addToStores, String externalId) {
    }

    record CollectionCreateInput(String name, Status status, String externalId) {
    }

    record FolderCreateInput(String name, Ref parent, String externalId) {
    }

    private final SandboxData data;

    public CatalogueController(SandboxData data) {
        this.data = data;
    }

    @QueryMapping
    public List<Brand> brands(@Argument NameFilter where, @Argument List<String> sort, @Argument Integer limit,
                              @Argument Integer page) {
        var filter = where == null ? NameFilter.ANY : where;
        return ListQuery.run(data.brands.stream(),
                b -> in(filter.id(), b.id()) && StringMatch.matches(filter.name(), b.name()), sort,
                Map.of("id", Comparator.comparingInt(Brand::id), "name", Comparator.comparing(Brand::name)),
                limit, page);
    }

    @MutationMapping
    public Payload createBrand(@Argument BrandCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            if (input.name() != null && data.brands.stream().anyMatch(b -> b.name().equalsIgnoreCase(input.name()))) {
                problems.error("Brand with name \"" + input.name() + "\" already exists", "input", "name");
            }
            List<Integer> storeIds = new ArrayList<>();
            for (Ref store : input.addToStores() == null ? List.<Ref>of() : input.addToStores()) {
                store.find(data.stores).ifPresentOrElse(s -> storeIds.add(s.id()), () -> problems.error(
                        "Store with " + store.describe() + " does not exist", "input", "addToStores"));
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            String uri = input.uri() != null ? input.uri() : slug(input.name());
            return Payload.of(data.brands.put(new Brand(data.brands.nextId(), input.name(), uri, storeIds,
                    input.externalId())), problems);
        });
    }

    @QueryMapping
    public List<Collection> collections(@Argument NameFilter where, @Argument List<String> sort,
                                        @Argument Integer limit, @Argument Integer page) {
        var filter = where == null ? NameFilter.ANY : where;
        return ListQuery.run(data.collections.stream(),
                c -> in(filter.id(), c.id()) && StringMatch.matches(filter.name(), c.name())
                        && in(filter.status(), c.status()), sort,
                Map.of("id", Comparator.comparingInt(Collection::id), "name", Comparator.comparing(Collection::name)),
                limit, page);
    }

    @MutationMapping
    public Payload createCollection(@Argument CollectionCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            if (input.name() != null
                    && data.collections.stream().anyMatch(c -> c.name().equalsIgnoreCase(input.name()))) {
                problems.error("Collection with name \"" + input.name() + "\" already exists", "input", "name");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            return Payload.of(data.collections.put(new Collection(data.collections.nextId(), input.name(),
                    input.status(), input.externalId())), problems);
        });
    }

    @QueryMapping
    public List<Folder> folders(@Argument NameFilter where, @Argument List<String> sort, @Argument Integer limit,
                                @Argument Integer page) {
        var filter = where == null ? NameFilter.ANY : where;
        return ListQuery.run(data.folders.stream(),
                f -> in(filter.id(), f.id()) && StringMatch.matches(filter.name(), f.name())
                        && (filter.isTopFolder() == null || filter.isTopFolder() == f.isTopFolder()), sort,
                Map.of("id", Comparator.comparingInt(Folder::id), "name", Comparator.comparing(Folder::name)),
                limit, page);
    }

    @MutationMapping
    public Payload createFolder(@Argument FolderCreateInput input) {
        return data.write(() -> {
            var problems = new Problems();
            problems.requireText(input.name(), "name");
            Integer parentId = null;
            if (input.parent() != null) {
                var parent = input.parent().find(data.folders, Folder::externalId);
                if (parent.isEmpty()) {
                    problems.error("Folder with " + input.parent().describe() + " does not exist", "input", "parent");
                }
                parentId = parent.map(Folder::id).orElse(null);
            }
            Integer siblingsOf = parentId;
            if (input.name() != null && data.folders.stream().anyMatch(f ->
                    java.util.Objects.equals(f.parentId(), siblingsOf) && f.name().equalsIgnoreCase(input.name()))) {
                problems.error("Folder with name \"" + input.name() + "\" already exists in this parent folder",
                        "input", "name");
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            return Payload.of(data.folders.put(new Folder(data.folders.nextId(), input.name(), parentId,
                    input.externalId())), problems);
        });
    }

    @SchemaMapping(typeName = "Folder", field = "parentFolder")
    public Folder parentFolder(Folder folder) {
        return data.folders.find(folder.parentId()).orElse(null);
    }

    @SchemaMapping(typeName = "Folder", field = "childFolders")
    public List<Folder> childFolders(Folder folder) {
        return data.folders.stream().filter(f -> f.parentId() != null && f.parentId() == folder.id()).toList();
    }

    @SchemaMapping(typeName = "Folder", field = "products")
    public List<Product> products(Folder folder, @Argument ProductController.ProductFilter where,
                                  @Argument List<String> sort, @Argument Integer limit, @Argument Integer page) {
        return ProductController.query(data, where, p -> p.folderId() != null && p.folderId() == folder.id(),
                sort, limit, page);
    }

    static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
