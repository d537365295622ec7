package org.centraerp.connector.sandbox.store;

import java.util.List;
import java.util.Map;

/** The demo store the sandbox starts with, read from {@code sandbox/seed.yaml}. */
public record Seed(List<Store> stores, List<Country> countries, List<Currency> currencies,
                   List<AllocationRule> allocationRules, List<ShippingOption> shippingOptions, List<Market> markets,
                   List<Warehouse> warehouses, List<Pricelist> pricelists, List<SizeChart> sizeCharts,
                   List<Brand> brands, List<Collection> collections, List<Folder> folders, List<Product> products,
                   List<ProductVariant> productVariants, List<ProductSize> productSizes, List<Display> displays,
                   List<Customer> customers, List<AttributeType> attributeTypes,
                   List<MappedAttributeValue> mappedAttributes, List<SeededAttributes> assignedAttributes,
                   List<SeededStock> stock, List<Order> orders, List<PaymentTerms> paymentTerms,
                   List<DeliveryWindow> deliveryWindows, List<Account> accounts, List<Buyer> buyers,
                   List<Category> categories, List<Language> languages, List<Translation> translations,
                   List<Supplier> suppliers, List<PurchaseOrder> purchaseOrders,
                   List<PurchaseOrderDelivery> purchaseOrderDeliveries, List<Voucher> vouchers) {

    /** Physical stock of one product size in one warehouse at start (nothing allocated). */
    public record SeededStock(int productSizeId, int warehouseId, int physical) {
    }

    /** Attributes assigned to one object at start. */
    public record SeededAttributes(AttributeObjectType objectType, int objectId, List<Integer> mappedIds,
                                   Map<String, Map<String, String>> dynamicValues) {
    }
}
