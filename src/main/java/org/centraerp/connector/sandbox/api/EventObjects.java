package org.centraerp.connector.sandbox.api;

import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.centraerp.connector.sandbox.store.AlteredPrice;
import org.centraerp.connector.sandbox.store.DeliveryWindow;
import org.centraerp.connector.sandbox.store.Event;
import org.centraerp.connector.sandbox.store.Return;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Shipment;
import org.centraerp.connector.sandbox.store.StoreType;

/** What an event points to: the object's current state by its type and reference, and its GraphQL type name. */
final class EventObjects {

    private static final Map<String, BiFunction<SandboxData, Integer, Optional<?>>> BY_ID = Map.ofEntries(
            Map.entry("Product", (d, id) -> d.products.find(id)),
            Map.entry("ProductVariant", (d, id) -> d.productVariants.find(id)),
            Map.entry("ProductSize", (d, id) -> d.productSizes.find(id)),
            Map.entry("Display", (d, id) -> d.displays.find(id)),
            Map.entry("Bundle", (d, id) -> d.bundles.find(id)),
            Map.entry("Brand", (d, id) -> d.brands.find(id)),
            Map.entry("Collection", (d, id) -> d.collections.find(id)),
            Map.entry("Folder", (d, id) -> d.folders.find(id)),
            Map.entry("SizeChart", (d, id) -> d.sizeCharts.find(id)),
            Map.entry("Category", (d, id) -> d.categories.find(id)),
            Map.entry("Market", (d, id) -> d.markets.find(id)),
            Map.entry("Pricelist", (d, id) -> d.pricelists.find(id)),
            Map.entry("Warehouse", (d, id) -> d.warehouses.find(id)),
            Map.entry("PriceAlteration", (d, id) -> d.priceAlterations.find(id)),
            Map.entry("StockChange", (d, id) -> d.stockChanges.find(id)),
            Map.entry("Customer", (d, id) -> d.customers.find(id)),
            Map.entry("Account", (d, id) -> d.accounts.find(id)),
            Map.entry("Buyer", (d, id) -> d.buyers.find(id)),
            Map.entry("DeliveryWindow", (d, id) -> d.deliveryWindows.find(id)),
            Map.entry("Shipment", (d, id) -> d.shipments.find(id)),
            Map.entry("Return", (d, id) -> d.returns.find(id)),
            Map.entry("PurchaseOrder", (d, id) -> d.purchaseOrders.find(id)),
            Map.entry("PurchaseOrderDelivery", (d, id) -> d.purchaseOrderDeliveries.find(id)),
            Map.entry("Supplier", (d, id) -> d.suppliers.find(id)),
            Map.entry("Voucher", (d, id) -> d.vouchers.find(id)),
            Map.entry("Price", (d, id) -> d.alteredPrices.find(id)));

    private EventObjects() {
    }

    /** The object's current state, or null when it is deleted or the type is unknown. */
    static Object find(SandboxData data, Event event) {
        if (OrderService.ORDER.equals(event.objectType())) {
            return data.orders.byId(event.objectReference()).orElse(null);
        }
        if (PriceController.PRICE_EVENT.equals(event.objectType()) && event.objectReference().contains("-")) {
            return basePrice(data, event.objectReference());
        }
        var finder = BY_ID.get(event.objectType());
        if (finder == null || !event.objectReference().chars().allMatch(Character::isDigit)) {
            return null;
        }
        return finder.apply(data, Integer.valueOf(event.objectReference())).orElse(null);
    }

    /** A base price (setPrices) by "<pricelistId>-<productId>", as a Price of no price alteration. */
    private static Object basePrice(SandboxData data, String reference) {
        String[] ids = reference.split("-", 2);
        if (!ids[0].chars().allMatch(Character::isDigit) || !ids[1].chars().allMatch(Character::isDigit)) {
            return null;
        }
        int pricelistId = Integer.parseInt(ids[0]);
        int productId = Integer.parseInt(ids[1]);
        return data.prices.get(pricelistId, productId).map(p -> new AlteredPrice(productId, 0, pricelistId,
                productId, p.price().price(), p.price().priceBeforeDiscount())).orElse(null);
    }

    /** The GraphQL object type of a non-order event object. */
    static String typeName(Object object, SandboxData data) {
        if (object instanceof Shipment shipment) {
            return wholesale(data, shipment.orderNumber()) ? "WholesaleShipment" : "DirectToConsumerShipment";
        }
        if (object instanceof Return ret) {
            return wholesale(data, ret.orderNumber()) ? "WholesaleReturn" : "DirectToConsumerReturn";
        }
        if (object instanceof DeliveryWindow window) {
            return window.preorder() ? "PreorderDeliveryWindow" : "AtOnceDeliveryWindow";
        }
        if (object instanceof AlteredPrice) {
            return "Price";
        }
        return object.getClass().getSimpleName();
    }

    private static boolean wholesale(SandboxData data, int orderNumber) {
        return data.orders.byNumber(orderNumber).map(o -> o.storeType() == StoreType.WHOLESALE).orElse(false);
    }
}
