package org.centraerp.connector.sandbox.api;

import static org.centraerp.connector.sandbox.graphql.Filters.in;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.ProductVariantController.MoneyInput;
import org.centraerp.connector.sandbox.api.ProductVariantController.SizeRef;
import org.centraerp.connector.sandbox.graphql.Connections;
import org.centraerp.connector.sandbox.graphql.Connections.Connection;
import org.centraerp.connector.sandbox.graphql.Filters.DateRange;
import org.centraerp.connector.sandbox.graphql.ListQuery;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.graphql.StringMatch;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductSizeIndex;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Size;
import org.centraerp.connector.sandbox.store.StockChange;
import org.centraerp.connector.sandbox.store.StockChangeLine;
import org.centraerp.connector.sandbox.store.StockChangeType;
import org.centraerp.connector.sandbox.store.StockLevel;
import org.centraerp.connector.sandbox.store.Warehouse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Stock per product size x warehouse: setStock (absolute levels, batches of thousands of sizes), changeStock
 * (deliveries, removals, transfers limited by the source's free-to-allocate stock), the stock changes they leave and
 * the Stock/StockTotals reads. Rejected input changes nothing; every userError names its input path.
 */
@Controller
@ConditionalOnSandboxEnabled
public class StockController {

    /** Centra's ProductSizeInput: exactly one of id, SKU, EAN, UPC or any (SKU/EAN/UPC). */
    public record ProductSizeRef(Integer id, String SKU, String EAN, String UPC, String any) {

        int given() {
            int n = 0;
            for (Object field : new Object[] {id, SKU, EAN, UPC, any}) {
                if (field != null) {
                    n++;
                }
            }
            return n;
        }

        String describe() {
            if (id != null) {
                return "id " + id;
            }
            if (SKU != null) {
                return "SKU \"" + SKU + "\"";
            }
            if (EAN != null) {
                return "EAN \"" + EAN + "\"";
            }
            return UPC != null ? "UPC \"" + UPC + "\"" : "SKU, EAN or UPC \"" + any + "\"";
        }
    }

    public enum StockQuantityType { PHYSICAL, FREE_TO_ALLOCATE }

    public record ProductSizeStockSetInput(SizeRef size, Integer quantity) {
    }

    public record ProductVariantStockSetInput(Ref productVariant, List<ProductSizeStockSetInput> sizeStockLevels,
                                       MoneyInput unitCost) {
    }

    public record StockSetProductSizeInput(ProductSizeRef productSize, Integer quantity, MoneyInput unitCost) {
    }

    public record StockSetInput(Ref warehouse, String description, List<ProductVariantStockSetInput> productVariants,
                         List<StockSetProductSizeInput> productSizes, StockQuantityType stockQuantityType) {
    }

    record ProductSizeStockChangeInput(SizeRef size, Integer deliveredQuantity) {
    }

    record ProductVariantStockChangeInput(Ref productVariant, List<ProductSizeStockChangeInput> sizeChanges,
                                          MoneyInput unitCost) {
    }

    record StockChangeProductSizeInput(ProductSizeRef productSize, Integer deliveredQuantity, MoneyInput unitCost) {
    }

    record StockChangeInput(Ref outFromWarehouse, Ref intoWarehouse, String description,
                            List<ProductVariantStockChangeInput> productVariants,
                            List<StockChangeProductSizeInput> productSizes) {
    }

    record IntRange(Integer from, Integer to) {
        static boolean contains(IntRange range, int value) {
            return range == null || (range.from() == null || value >= range.from())
                    && (range.to() == null || value <= range.to());
        }
    }

    record StockFilter(IntRange physicalQuantity, IntRange freeToAllocateQuantity, IntRange allocatedQuantity,
                       IntRange demandQuantity, IntRange unshippedQuantity, IntRange incomingQuantity,
                       IntRange linkedIncomingQuantity, IntRange unlinkedIncomingQuantity,
                       IntRange onDeliveryQuantity, List<Integer> productId, List<Integer> productSizeId,
                       List<Integer> productVariantId, List<Integer> warehouseId) {
    }

    record StockTotalsFilter(List<Integer> productId, List<Integer> productSizeId, List<Integer> productVariantId,
                             List<Integer> warehouseId) {
    }

    record StockChangeFilter(List<Integer> id, DateRange createdAt, StringMatch comment,
                             List<Integer> productVariantId, List<StockChangeType> type, List<Integer> warehouseId) {
    }

    record StockChangeLineFilter(List<Integer> productSizeId, List<Integer> productVariantId,
                                 List<Integer> warehouseId) {
    }

    /** A validated size of a stock mutation: the quantity asked for and where in the input it came from. */
    private record Entry(int productSizeId, int quantity, Money unitCost, String[] path) {
    }

    private static final Map<String, Comparator<StockView>> STOCK_SORT = Map.of(
            "productId", Comparator.comparingInt(s -> s.variant().productId()),
            "productVariantId", Comparator.comparingInt(s -> s.size().productVariantId()),
            "productSizeSort", Comparator.<StockView>comparingInt(s -> s.size().sizeId())
                    .thenComparingInt(s -> s.size().id()),
            "freeToAllocateQuantity", Comparator.comparingInt(StockView::freeToAllocateQuantity));

    private static final Map<String, Comparator<StockChange>> CHANGE_SORT = Map.of(
            "id", Comparator.comparingInt(StockChange::id),
            "createdAt", Comparator.comparing(StockChange::createdAt));

    private static final Map<String, Comparator<StockChangeLine>> LINE_SORT = Map.of(
            "id", Comparator.comparingInt(StockChangeLine::id));

    private final SandboxData data;

    public StockController(SandboxData data) {
        this.data = data;
    }

    // --- mutations ---

    @MutationMapping
    public Payload setStock(@Argument StockSetInput input) {
        return data.write(() -> {
            var problems = new Problems();
            Optional<Warehouse> warehouse = warehouse(input.warehouse(), problems, "input", "warehouse");
            ProductSizeIndex index = data.productSizeIndex();
            Map<Integer, Entry> wanted = new LinkedHashMap<>();
            List<ProductVariantStockSetInput> variants = orEmpty(input.productVariants());
            for (int i = 0; i < variants.size(); i++) {
                var entry = variants.get(i);
                Optional<ProductVariant> variant = variant(entry.productVariant(), problems,
                        "input", "productVariants", Integer.toString(i), "productVariant");
                List<ProductSizeStockSetInput> levels = orEmpty(entry.sizeStockLevels());
                for (int j = 0; j < levels.size(); j++) {
                    var level = levels.get(j);
                    String[] at = {"input", "productVariants", Integer.toString(i), "sizeStockLevels",
                            Integer.toString(j)};
                    Integer size = variant.isEmpty() ? null : sizeOfVariant(index, variant.get(), level.size(),
                            problems, append(at, "size"));
                    boolean quantityOk = quantityNotNegative(level.quantity(), problems, append(at, "quantity"));
                    if (size != null && quantityOk) {
                        remember(wanted, new Entry(size, level.quantity(), money(entry.unitCost()), at), problems);
                    }
                }
            }
            List<StockSetProductSizeInput> sizes = orEmpty(input.productSizes());
            for (int i = 0; i < sizes.size(); i++) {
                var entry = sizes.get(i);
                String[] at = {"input", "productSizes", Integer.toString(i)};
                Integer size = productSize(index, entry.productSize(), problems, append(at, "productSize"));
                boolean quantityOk = quantityNotNegative(entry.quantity(), problems, append(at, "quantity"));
                if (size != null && quantityOk) {
                    remember(wanted, new Entry(size, entry.quantity(), money(entry.unitCost()), at), problems);
                }
            }
            if (problems.hasErrors()) {
                return new Payload(List.of(), problems.errors(), problems.warnings());
            }
            int warehouseId = warehouse.get().id();
            int changeId = data.stockChanges.nextId();
            List<StockChangeLine> lines = new ArrayList<>();
            for (Entry entry : wanted.values()) {
                StockLevel level = data.stock.get(entry.productSizeId(), warehouseId);
                int physical = input.stockQuantityType() == StockQuantityType.FREE_TO_ALLOCATE
                        ? entry.quantity() + level.allocated() : entry.quantity();
                if (physical < level.allocated()) {
                    problems.warning("Physical stock " + physical + " of product size " + entry.productSizeId()
                            + " is below its allocated quantity " + level.allocated()
                            + "; free to allocate is negative", append(entry.path(), "quantity"));
                }
                StockLevel changed = level.withPhysical(physical);
                data.stock.put(changed);
                int delta = physical - level.physical();
                if (delta != 0) {
                    lines.add(new StockChangeLine(data.nextStockChangeLineId(), changeId, entry.productSizeId(),
                            warehouseId, delta, changed.freeToAllocate(), entry.unitCost()));
                }
            }
            StockChange change = data.stockChanges.put(new StockChange(changeId, Instant.now(), input.description(),
                    StockChangeType.CORRECTION, warehouseId, List.copyOf(lines)));
            return new Payload(List.of(change), problems.errors(), problems.warnings());
        });
    }

    @MutationMapping
    public Payload changeStock(@Argument StockChangeInput input) {
        return data.write(() -> {
            var problems = new Problems();
            if (input.outFromWarehouse() == null && input.intoWarehouse() == null) {
                problems.error("Either outFromWarehouse or intoWarehouse must be provided", "input");
            }
            Optional<Warehouse> out = input.outFromWarehouse() == null ? Optional.empty()
                    : warehouse(input.outFromWarehouse(), problems, "input", "outFromWarehouse");
            Optional<Warehouse> into = input.intoWarehouse() == null ? Optional.empty()
                    : warehouse(input.intoWarehouse(), problems, "input", "intoWarehouse");
            if (out.isPresent() && into.isPresent() && out.get().id() == into.get().id()) {
                problems.error("outFromWarehouse and intoWarehouse must be different warehouses",
                        "input", "intoWarehouse");
            }
            ProductSizeIndex index = data.productSizeIndex();
            Map<Integer, Entry> wanted = new LinkedHashMap<>();
            List<ProductVariantStockChangeInput> variants = orEmpty(input.productVariants());
            for (int i = 0; i < variants.size(); i++) {
                var entry = variants.get(i);
                Optional<ProductVariant> variant = variant(entry.productVariant(), problems,
                        "input", "productVariants", Integer.toString(i), "productVariant");
                List<ProductSizeStockChangeInput> changes = orEmpty(entry.sizeChanges());
                for (int j = 0; j < changes.size(); j++) {
                    var change = changes.get(j);
                    String[] at = {"input", "productVariants", Integer.toString(i), "sizeChanges",
                            Integer.toString(j)};
                    Integer size = variant.isEmpty() ? null : sizeOfVariant(index, variant.get(), change.size(),
                            problems, append(at, "size"));
                    boolean quantityOk = deliveredNotNegative(change.deliveredQuantity(), problems,
                            append(at, "deliveredQuantity"));
                    if (size != null && quantityOk) {
                        add(wanted, new Entry(size, change.deliveredQuantity(), money(entry.unitCost()), at));
                    }
                }
            }
            List<StockChangeProductSizeInput> sizes = orEmpty(input.productSizes());
            for (int i = 0; i < sizes.size(); i++) {
                var entry = sizes.get(i);
                String[] at = {"input", "productSizes", Integer.toString(i)};
                Integer size = productSize(index, entry.productSize(), problems, append(at, "productSize"));
                boolean quantityOk = deliveredNotNegative(entry.deliveredQuantity(), problems,
                        append(at, "deliveredQuantity"));
                if (size != null && quantityOk) {
                    add(wanted, new Entry(size, entry.deliveredQuantity(), money(entry.unitCost()), at));
                }
            }
            if (out.isPresent()) {
                for (Entry entry : wanted.values()) {
                    StockLevel level = data.stock.get(entry.productSizeId(), out.get().id());
                    if (entry.quantity() > level.freeToAllocate()) {
                        problems.error("Not enough stock free to allocate of product size " + entry.productSizeId()
                                        + " in warehouse " + out.get().id() + ": " + entry.quantity() + " requested, "
                                        + Math.max(0, level.freeToAllocate()) + " free",
                                append(entry.path(), "deliveredQuantity"));
                    }
                }
            }
            if (problems.hasErrors()) {
                return Payload.rejected(problems);
            }
            StockChangeType type = out.isPresent() && into.isPresent() ? StockChangeType.TRANSFER
                    : into.isPresent() ? StockChangeType.DELIVERY : StockChangeType.REMOVAL;
            int changeId = data.stockChanges.nextId();
            List<StockChangeLine> lines = new ArrayList<>();
            for (Entry entry : wanted.values()) {
                if (entry.quantity() == 0) {
                    continue;
                }
                if (out.isPresent()) {
                    lines.add(move(changeId, entry, out.get().id(), -entry.quantity()));
                }
                if (into.isPresent()) {
                    lines.add(move(changeId, entry, into.get().id(), entry.quantity()));
                }
            }
            int warehouseId = into.map(Warehouse::id).orElseGet(() -> out.get().id());
            StockChange change = data.stockChanges.put(new StockChange(changeId, Instant.now(), input.description(),
                    type, warehouseId, List.copyOf(lines)));
            return Payload.of(change, problems);
        });
    }

    private StockChangeLine move(int changeId, Entry entry, int warehouseId, int quantity) {
        StockLevel level = data.stock.get(entry.productSizeId(), warehouseId);
        StockLevel changed = level.withPhysical(level.physical() + quantity);
        data.stock.put(changed);
        return new StockChangeLine(data.nextStockChangeLineId(), changeId, entry.productSizeId(), warehouseId,
                quantity, changed.freeToAllocate(), entry.unitCost());
    }

    @SchemaMapping(typeName = "StockSetPayload", field = "stockChanges")
    public Object stockChanges(Payload payload) {
        return payload.object() == null ? List.of() : payload.object();
    }

    // --- validation helpers ---

    private Optional<Warehouse> warehouse(Ref ref, Problems problems, String... path) {
        if (ref == null || (ref.id() == null) == (ref.externalId() == null)) {
            problems.error("Exactly one input field should be provided", path);
            return Optional.empty();
        }
        var found = ref.find(data.warehouses, Warehouse::externalId);
        if (found.isEmpty()) {
            problems.error("Warehouse with " + ref.describe() + " does not exist", path);
        }
        return found;
    }

    private Optional<ProductVariant> variant(Ref ref, Problems problems, String... path) {
        if (ref == null || (ref.id() == null) == (ref.externalId() == null)) {
            problems.error("Exactly one input field should be provided", path);
            return Optional.empty();
        }
        var found = ref.find(data.productVariants, ProductVariant::externalId);
        if (found.isEmpty()) {
            problems.error("Product variant with " + ref.describe() + " does not exist", path);
        }
        return found;
    }

    /** The activated product size of {@code ref} (a size of the variant's chart), or null with a userError. */
    private Integer sizeOfVariant(ProductSizeIndex index, ProductVariant variant, SizeRef ref, Problems problems,
                                  String... path) {
        if (ref == null || (ref.id() == null) == (ref.name() == null)) {
            problems.error("Exactly one input field should be provided", path);
            return null;
        }
        var chart = data.sizeCharts.find(variant.sizeChartId());
        if (chart.isEmpty()) {
            problems.error("Product variant " + variant.id() + " has no size chart", path);
            return null;
        }
        Optional<Size> size = chart.get().sizes().stream()
                .filter(s -> ref.id() != null ? s.id() == ref.id() : s.name().equals(ref.name())).findFirst();
        if (size.isEmpty()) {
            problems.error("Size with " + ref.describe() + " does not exist in size chart \"" + chart.get().name()
                    + "\"", path);
            return null;
        }
        Integer productSize = index.of(variant.id(), size.get().id());
        if (productSize == null) {
            problems.error("Size " + size.get().name() + " is not active for product variant " + variant.id(), path);
        }
        return productSize;
    }

    private Integer productSize(ProductSizeIndex index, ProductSizeRef ref, Problems problems, String... path) {
        if (ref == null || ref.given() != 1) {
            problems.error("Exactly one input field should be provided", path);
            return null;
        }
        Integer found;
        if (ref.id() != null) {
            found = data.productSizes.exists(ref.id()) ? ref.id() : null;
        } else if (ref.SKU() != null) {
            found = index.bySku(ref.SKU());
        } else if (ref.EAN() != null) {
            found = index.byEan(ref.EAN());
        } else if (ref.UPC() != null) {
            found = index.byUpc(ref.UPC());
        } else {
            found = index.byAny(ref.any());
        }
        if (found == null) {
            problems.error("Product size with " + ref.describe() + " does not exist", path);
        }
        return found;
    }

    private static boolean quantityNotNegative(Integer quantity, Problems problems, String... path) {
        if (quantity == null || quantity < 0) {
            problems.error("Stock value must be greater or equal to 0", path);
            return false;
        }
        return true;
    }

    private static boolean deliveredNotNegative(Integer quantity, Problems problems, String... path) {
        if (quantity == null || quantity < 0) {
            // guess: Centra's wording; its docs say deliveredQuantity is positive in both directions
            problems.error("Delivered quantity must be greater or equal to 0", path);
            return false;
        }
        return true;
    }

    /** setStock: a size named twice keeps the last quantity, with a warning. */
    private static void remember(Map<Integer, Entry> wanted, Entry entry, Problems problems) {
        if (wanted.put(entry.productSizeId(), entry) != null) {
            problems.warning("Product size " + entry.productSizeId()
                    + " is given more than once; the last quantity is used", entry.path());
        }
    }

    /** changeStock: a size named twice moves the sum. */
    private static void add(Map<Integer, Entry> wanted, Entry entry) {
        wanted.merge(entry.productSizeId(), entry, (first, next) -> new Entry(first.productSizeId(),
                first.quantity() + next.quantity(), first.unitCost(), first.path()));
    }

    private static String[] append(String[] path, String last) {
        String[] longer = java.util.Arrays.copyOf(path, path.length + 1);
        longer[path.length] = last;
        return longer;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static Money money(MoneyInput input) {
        return input == null || input.value() == null ? null : new Money(input.value(), input.currencyIsoCode());
    }

    // --- reads ---

    @QueryMapping
    public Connection<StockChange> stockChangeConnection(@Argument StockChangeFilter where,
                                                         @Argument List<String> sort, @Argument Integer first,
                                                         @Argument Integer last, @Argument String after,
                                                         @Argument String before) {
        List<StockChange> rows = ListQuery.runAll(data.stockChanges.stream(), changeFilter(where, null), sort,
                CHANGE_SORT, null, null);
        return Connections.of(rows, change -> Connections.cursor("id", change.id()), first, last, after, before);
    }

    @SchemaMapping(typeName = "Warehouse", field = "stockChanges")
    public List<StockChange> warehouseStockChanges(Warehouse warehouse, @Argument StockChangeFilter where,
                                                   @Argument List<String> sort, @Argument Integer limit,
                                                   @Argument Integer page) {
        return ListQuery.run(data.stockChanges.stream(), changeFilter(where, warehouse.id()), sort, CHANGE_SORT,
                limit, page);
    }

    private Predicate<StockChange> changeFilter(StockChangeFilter where, Integer warehouseId) {
        return change -> (warehouseId == null || touches(change, List.of(warehouseId)))
                && (where == null
                || in(where.id(), change.id())
                && DateRange.contains(where.createdAt(), change.createdAt())
                && StringMatch.matches(where.comment(), change.comment())
                && in(where.type(), change.type())
                && (where.warehouseId() == null || touches(change, where.warehouseId()))
                && (where.productVariantId() == null || change.lines().stream().anyMatch(line ->
                        where.productVariantId().contains(variantOf(line.productSizeId())))));
    }

    private static boolean touches(StockChange change, List<Integer> warehouseIds) {
        return warehouseIds.contains(change.warehouseId())
                || change.lines().stream().anyMatch(line -> warehouseIds.contains(line.warehouseId()));
    }

    private Integer variantOf(int productSizeId) {
        return data.productSizes.find(productSizeId).map(ProductSize::productVariantId).orElse(null);
    }

    @SchemaMapping(typeName = "Warehouse", field = "stock")
    public List<StockView> stock(Warehouse warehouse, @Argument StockFilter where, @Argument List<String> sort,
                                 @Argument Integer limit, @Argument Integer page) {
        Predicate<StockView> filter = s -> where == null
                || in(where.productId(), s.variant().productId())
                && in(where.productVariantId(), s.size().productVariantId())
                && in(where.productSizeId(), s.size().id())
                && in(where.warehouseId(), s.warehouseId())
                && IntRange.contains(where.physicalQuantity(), s.physicalQuantity())
                && IntRange.contains(where.freeToAllocateQuantity(), s.freeToAllocateQuantity())
                && IntRange.contains(where.allocatedQuantity(), s.allocatedQuantity())
                && IntRange.contains(where.demandQuantity(), s.demandQuantity())
                && IntRange.contains(where.unshippedQuantity(), s.unshippedQuantity())
                && IntRange.contains(where.incomingQuantity(), s.incomingQuantity())
                && IntRange.contains(where.linkedIncomingQuantity(), s.linkedIncomingQuantity())
                && IntRange.contains(where.unlinkedIncomingQuantity(), s.unlinkedIncomingQuantity())
                && IntRange.contains(where.onDeliveryQuantity(), s.onDeliveryQuantity());
        return ListQuery.run(views(warehouse.id()), filter, sort, STOCK_SORT, limit, page);
    }

    private java.util.stream.Stream<StockView> views(int warehouseId) {
        return data.productSizes.stream().map(size -> new StockView(size,
                data.productVariants.find(size.productVariantId()).orElseThrow(), warehouseId,
                data.stock.get(size.id(), warehouseId), data.incomingQuantity(size.id(), warehouseId)));
    }

    @SchemaMapping(typeName = "Warehouse", field = "stockTotals")
    public StockQuantities warehouseStockTotals(Warehouse warehouse, @Argument StockTotalsFilter where) {
        if (where != null && !in(where.warehouseId(), warehouse.id())) {
            return new StockQuantities(0, 0);
        }
        return views(warehouse.id())
                .filter(s -> where == null || in(where.productId(), s.variant().productId())
                        && in(where.productVariantId(), s.size().productVariantId())
                        && in(where.productSizeId(), s.size().id()))
                .reduce(new StockQuantities(0, 0), (t, s) -> t.plus(s.level(), s.incoming()), (a, b) -> a);
    }

    @SchemaMapping(typeName = "ProductSize", field = "stockTotals")
    public StockQuantities productSizeStockTotals(ProductSize size) {
        StockQuantities totals = new StockQuantities(0, 0);
        for (Warehouse warehouse : data.warehouses.all()) {
            totals = totals.plus(data.stock.get(size.id(), warehouse.id()),
                    data.incomingQuantity(size.id(), warehouse.id()));
        }
        return totals;
    }

    @SchemaMapping(typeName = "ProductVariant", field = "stockTotals")
    public StockQuantities productVariantStockTotals(ProductVariant variant) {
        StockQuantities totals = new StockQuantities(0, 0);
        List<Warehouse> warehouses = data.warehouses.all();
        for (ProductSize size : data.productSizes.all()) {
            if (size.productVariantId() == variant.id()) {
                for (Warehouse warehouse : warehouses) {
                    totals = totals.plus(data.stock.get(size.id(), warehouse.id()),
                            data.incomingQuantity(size.id(), warehouse.id()));
                }
            }
        }
        return totals;
    }

    @SchemaMapping(typeName = "Stock", field = "productSize")
    public ProductSize stockProductSize(StockView stock) {
        return stock.size();
    }

    @SchemaMapping(typeName = "Stock", field = "productVariant")
    public ProductVariant stockProductVariant(StockView stock) {
        return stock.variant();
    }

    @SchemaMapping(typeName = "Stock", field = "product")
    public Product stockProduct(StockView stock) {
        return data.products.find(stock.variant().productId()).orElseThrow();
    }

    @SchemaMapping(typeName = "Stock", field = "warehouse")
    public Warehouse stockWarehouse(StockView stock) {
        return data.warehouses.find(stock.warehouseId()).orElseThrow();
    }

    @SchemaMapping(typeName = "StockChange", field = "createdAt")
    public String createdAt(StockChange change, @Argument String format) {
        return PhpDateFormat.format(change.createdAt(), format);
    }

    @SchemaMapping(typeName = "StockChange", field = "lines")
    public List<StockChangeLine> lines(StockChange change, @Argument StockChangeLineFilter where,
                                       @Argument List<String> sort, @Argument Integer limit,
                                       @Argument Integer page) {
        return ListQuery.run(change.lines().stream(), line -> where == null
                        || in(where.productSizeId(), line.productSizeId())
                        && in(where.warehouseId(), line.warehouseId())
                        && (where.productVariantId() == null
                        || where.productVariantId().contains(variantOf(line.productSizeId()))),
                sort, LINE_SORT, limit, page);
    }

    @SchemaMapping(typeName = "StockChange", field = "warehouse")
    public Warehouse changeWarehouse(StockChange change) {
        return data.warehouses.find(change.warehouseId()).orElse(null);
    }

    @SchemaMapping(typeName = "StockChangeLine", field = "isAvailable")
    public boolean isAvailable(StockChangeLine line) {
        return true;
    }

    @SchemaMapping(typeName = "StockChangeLine", field = "currencyBaseRate")
    public double currencyBaseRate(StockChangeLine line) {
        return 1.0;
    }

    @SchemaMapping(typeName = "StockChangeLine", field = "unitCost")
    public MonetaryValue lineUnitCost(StockChangeLine line) {
        return MonetaryValue.of(line.unitCost(), data);
    }

    @SchemaMapping(typeName = "StockChangeLine", field = "productSize")
    public ProductSize lineProductSize(StockChangeLine line) {
        return data.productSizes.find(line.productSizeId()).orElse(null);
    }

    @SchemaMapping(typeName = "StockChangeLine", field = "warehouse")
    public Warehouse lineWarehouse(StockChangeLine line) {
        return data.warehouses.find(line.warehouseId()).orElse(null);
    }

    @SchemaMapping(typeName = "StockChangeLine", field = "stockChange")
    public StockChange lineStockChange(StockChangeLine line) {
        return data.stockChanges.find(line.stockChangeId()).orElseThrow();
    }
}
