package org.centraerp.connector.sandbox.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The sandbox's whole state: one {@link Table} per aggregate. Reads are lock-free; every mutation runs inside
 * {@link #write} so that "validate, then apply" is atomic and a rejected mutation leaves nothing changed, as in
 * Centra. Later flows add their tables here (stock per size x warehouse, orders, shipments, returns).
 */
public final class SandboxData {

    public final Table<Store> stores = new Table<>();
    public final Table<Country> countries = new Table<>();
    public final Table<Currency> currencies = new Table<>();
    public final Table<AllocationRule> allocationRules = new Table<>();
    public final Table<ShippingOption> shippingOptions = new Table<>();
    public final Table<Market> markets = new Table<>();
    public final Table<Warehouse> warehouses = new Table<>();
    public final Table<Pricelist> pricelists = new Table<>();
    public final Table<SizeChart> sizeCharts = new Table<>();
    public final Table<Brand> brands = new Table<>();
    public final Table<Collection> collections = new Table<>();
    public final Table<Folder> folders = new Table<>();
    public final Table<Product> products = new Table<>();
    public final Table<ProductVariant> productVariants = new Table<>();
    public final Table<ProductSize> productSizes = new Table<>();
    public final Table<Display> displays = new Table<>();
    public final Table<Bundle> bundles = new Table<>();
    public final Table<PriceAlteration> priceAlterations = new Table<>();
    public final Table<Customer> customers = new Table<>();
    public final Table<MappedAttributeValue> mappedAttributes = new Table<>();
    /** B2B: accounts, their buyers, payment terms and delivery windows. */
    public final Table<Account> accounts = new Table<>();
    public final Table<Buyer> buyers = new Table<>();
    public final Table<PaymentTerms> paymentTerms = new Table<>();
    public final Table<DeliveryWindow> deliveryWindows = new Table<>();
    /** Shop categories, languages and the translations of objects (by object type, id and language). */
    public final Table<Category> categories = new Table<>();
    public final Table<Language> languages = new Table<>();
    public final Map<String, Translation> translations = new ConcurrentHashMap<>();
    /** Supplier Module: suppliers, purchase orders and their deliveries (incoming stock). */
    public final Table<org.centraerp.connector.sandbox.store.Supplier> suppliers = new Table<>();
    public final Table<PurchaseOrder> purchaseOrders = new Table<>();
    public final Table<PurchaseOrderDelivery> purchaseOrderDeliveries = new Table<>();
    /** Vouchers and the orders they were applied to. */
    public final Table<Voucher> vouchers = new Table<>();
    /** Prices of price alterations (setAlteredPrices). */
    public final Table<AlteredPrice> alteredPrices = new Table<>();
    /** Prices per pricelist x product (setPrices). */
    public final PriceTable prices = new PriceTable();
    /** ERP ids of Centra objects (setIdConversions). */
    public final Table<IdConversion> idConversions = new Table<>();
    /** Stock per product size x warehouse. */
    public final StockTable stock = new StockTable();
    public final Table<StockChange> stockChanges = new Table<>();
    /** Stock change lines belong to their change but have ids of their own. */
    private final AtomicInteger lastStockChangeLineId = new AtomicInteger();
    private volatile ProductSizeIndex productSizeIndex;
    public final OrderTable orders = new OrderTable();
    /** Order lines belong to their order but have ids of their own. */
    private final AtomicInteger lastOrderLineId = new AtomicInteger();
    /** Shipments and returns of orders; their lines have ids of their own. */
    public final Table<Shipment> shipments = new Table<>();
    public final Table<Return> returns = new Table<>();
    private final AtomicInteger lastShipmentLineId = new AtomicInteger();
    private final AtomicInteger lastReturnLineId = new AtomicInteger();
    private final AtomicInteger lastBundleSectionId = new AtomicInteger();
    /** The event queue (one integration: the sandbox's tokens share it) and its listeners by object type. */
    public final Table<Event> events = new Table<>();
    private final Map<String, EventListener> eventListeners = new ConcurrentHashMap<>();
    private final Map<String, AttributeType> attributeTypes = new ConcurrentHashMap<>();
    private final Map<AssignedAttributes.ObjectKey, AssignedAttributes> assignedAttributes = new ConcurrentHashMap<>();
    /** Sizes belong to size charts but have ids of their own. */
    private final AtomicInteger lastSizeId = new AtomicInteger();

    /** True while {@link #reset} loads the seed: loading is no change anyone is told of. */
    private volatile boolean seeding;

    public boolean seeding() {
        return seeding;
    }

    /** Runs a change under the single writer lock; mutations validate and apply inside it. */
    public synchronized <R> R write(Supplier<R> change) {
        return change.get();
    }

    public int nextOrderLineId() {
        return lastOrderLineId.incrementAndGet();
    }

    public int nextShipmentLineId() {
        return lastShipmentLineId.incrementAndGet();
    }

    public int nextBundleSectionId() {
        return lastBundleSectionId.incrementAndGet();
    }

    public int nextReturnLineId() {
        return lastReturnLineId.incrementAndGet();
    }

    public Map<String, EventListener> eventListeners() {
        return eventListeners;
    }

    /** Queues an event when a listener wants it; answers it, or null. Call inside {@link #write}. */
    public Event recordEvent(String objectType, String changeType, String reference, Integer storeId,
                             Integer marketId) {
        EventListener listener = eventListeners.get(objectType);
        if (listener == null || !listener.wants(changeType)) {
            return null;
        }
        return events.put(new Event(events.nextId(), objectType, changeType, reference, storeId, marketId,
                java.time.Instant.now()));
    }

    /** Replaces the translation of one object in one language. */
    public void putTranslation(Translation translation) {
        translations.put(translationKey(translation.objectType(), translation.objectId(), translation.languageId()),
                translation);
    }

    /** The translations of one object, in language id order. */
    public List<Translation> translationsOf(String objectType, int objectId) {
        return languages.stream().map(l -> translations.get(translationKey(objectType, objectId, l.id())))
                .filter(java.util.Objects::nonNull).toList();
    }

    private static String translationKey(String objectType, int objectId, int languageId) {
        return objectType + ":" + objectId + ":" + languageId;
    }

    /**
     * Units of a product size that open purchase orders bring into a warehouse (their preferred one) and no accepted
     * delivery brought yet: the stock's incoming quantity. A purchase order is open until COMPLETED or CANCELLED.
     */
    public int incomingQuantity(int productSizeId, int warehouseId) {
        if (purchaseOrders.size() == 0) {
            return 0;
        }
        int incoming = 0;
        for (PurchaseOrder order : purchaseOrders.all()) {
            if (order.preferredWarehouseId() == null || order.preferredWarehouseId() != warehouseId
                    || "COMPLETED".equals(order.status()) || "CANCELLED".equals(order.status())) {
                continue;
            }
            int ordered = order.lines().stream().filter(l -> l.productSizeId() == productSizeId)
                    .mapToInt(PurchaseOrder.Line::quantity).sum();
            if (ordered == 0) {
                continue;
            }
            int delivered = purchaseOrderDeliveries.stream()
                    .filter(d -> d.purchaseOrderId() == order.id() && PurchaseOrderDelivery.INSERTED.equals(d.status()))
                    .flatMap(d -> d.lines().stream()).filter(l -> l.productSizeId() == productSizeId)
                    .mapToInt(PurchaseOrderDelivery.Line::quantity).sum();
            incoming += Math.max(0, ordered - delivered);
        }
        return incoming;
    }

    public int nextStockChangeLineId() {
        return lastStockChangeLineId.incrementAndGet();
    }

    /** SKU/EAN/UPC lookups, rebuilt when products, variants or sizes changed since the last build. */
    public ProductSizeIndex productSizeIndex() {
        long version = products.version() + productVariants.version() + productSizes.version();
        ProductSizeIndex index = productSizeIndex;
        if (index == null || index.version() != version) {
            synchronized (this) {
                index = new ProductSizeIndex(this, version);
                productSizeIndex = index;
            }
        }
        return index;
    }

    public int nextSizeId() {
        return lastSizeId.incrementAndGet();
    }

    public Optional<Size> size(Integer sizeId) {
        return sizeCharts.stream().flatMap(chart -> chart.sizes().stream())
                .filter(size -> sizeId != null && size.id() == sizeId).findFirst();
    }

    public Optional<AttributeType> attributeType(String name) {
        return Optional.ofNullable(name).map(attributeTypes::get);
    }

    public List<AttributeType> attributeTypes() {
        return attributeTypes.values().stream().sorted(java.util.Comparator.comparing(AttributeType::name)).toList();
    }

    public AssignedAttributes attributesOf(AttributeObjectType type, int id) {
        return assignedAttributes.getOrDefault(new AssignedAttributes.ObjectKey(type, id), AssignedAttributes.NONE);
    }

    public void setAttributes(AttributeObjectType type, int id, AssignedAttributes attributes) {
        assignedAttributes.put(new AssignedAttributes.ObjectKey(type, id), attributes);
    }

    /** Drops everything and loads the seed; ids continue after the highest seeded id of each table. */
    public synchronized void reset(Seed seed) {
        seeding = true;
        try {
            load(seed);
        } finally {
            seeding = false;
        }
    }

    private void load(Seed seed) {
        List<Table<?>> tables = List.of(stores, countries, currencies, allocationRules, shippingOptions, markets,
                warehouses, pricelists, sizeCharts, brands, collections, folders, products, productVariants,
                productSizes, displays, customers, mappedAttributes, stockChanges, events, idConversions,
                shipments, returns, bundles, priceAlterations, accounts, buyers, paymentTerms, deliveryWindows,
                categories, languages, alteredPrices, suppliers, purchaseOrders, purchaseOrderDeliveries, vouchers);
        tables.forEach(Table::clear);
        translations.clear();
        stock.clear();
        prices.clear();
        lastStockChangeLineId.set(0);
        productSizeIndex = null;
        orders.clear();
        eventListeners.clear();
        lastOrderLineId.set(0);
        lastShipmentLineId.set(0);
        lastReturnLineId.set(0);
        lastBundleSectionId.set(0);
        attributeTypes.clear();
        assignedAttributes.clear();
        load(seed.stores(), stores::put);
        load(seed.countries(), countries::put);
        load(seed.currencies(), currencies::put);
        load(seed.allocationRules(), allocationRules::put);
        load(seed.shippingOptions(), shippingOptions::put);
        load(seed.markets(), markets::put);
        load(seed.warehouses(), warehouses::put);
        load(seed.pricelists(), pricelists::put);
        load(seed.sizeCharts(), sizeCharts::put);
        load(seed.brands(), brands::put);
        load(seed.collections(), collections::put);
        load(seed.folders(), folders::put);
        load(seed.products(), products::put);
        load(seed.productVariants(), productVariants::put);
        load(seed.productSizes(), productSizes::put);
        load(seed.displays(), displays::put);
        load(seed.customers(), customers::put);
        load(seed.mappedAttributes(), mappedAttributes::put);
        load(seed.paymentTerms(), paymentTerms::put);
        load(seed.deliveryWindows(), deliveryWindows::put);
        load(seed.accounts(), accounts::put);
        load(seed.buyers(), buyers::put);
        load(seed.categories(), categories::put);
        load(seed.languages(), languages::put);
        load(seed.translations(), t -> putTranslation(t));
        load(seed.suppliers(), suppliers::put);
        load(seed.purchaseOrders(), purchaseOrders::put);
        load(seed.purchaseOrderDeliveries(), purchaseOrderDeliveries::put);
        load(seed.vouchers(), vouchers::put);
        load(seed.attributeTypes(), type -> attributeTypes.put(type.name(), type));
        load(seed.assignedAttributes(), a -> setAttributes(a.objectType(), a.objectId(),
                new AssignedAttributes(a.mappedIds() == null ? List.of() : a.mappedIds(),
                        a.dynamicValues() == null ? Map.of() : a.dynamicValues())));
        load(seed.stock(), level -> stock.put(new StockLevel(level.productSizeId(), level.warehouseId(),
                level.physical(), 0)));
        load(seed.orders(), order -> {
            orders.put(order);
            for (OrderLine line : order.lines()) {
                lastOrderLineId.accumulateAndGet(line.id(), Math::max);
                for (OrderLine.Allocation allocation : line.allocations()) {
                    StockLevel level = stock.get(line.productSizeId(), allocation.warehouseId());
                    stock.put(level.withAllocated(level.allocated() + allocation.quantity()));
                }
            }
        });
        lastSizeId.set(sizeCharts.stream().flatMap(c -> c.sizes().stream()).mapToInt(Size::id).max().orElse(0));
    }

    private static <T> void load(List<T> rows, Consumer<T> put) {
        if (rows != null) {
            rows.forEach(put);
        }
    }
}
