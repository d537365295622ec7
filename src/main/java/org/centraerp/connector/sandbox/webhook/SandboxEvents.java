package org.centraerp.connector.sandbox.webhook;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.store.Identified;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Table;
import org.springframework.stereotype.Component;

/**
 * What the sandbox tells of every change it makes, as Centra does: the change goes to the Integration API event
 * queue (when a listener wants that object type) and to the subscribers (the webhook sender). Every table of Centra
 * objects reports its puts and removes here, so each mutation (and the shopper, and the admin endpoints) is covered
 * without telling it itself; orders report through their own service. Loading the seed tells nothing.
 */
@Component
@ConditionalOnSandboxEnabled
public class SandboxEvents {

    /** Told of every change: Centra's event object type (Product, Customer, ...), change type and reference. */
    public interface Subscriber {
        void changed(String objectType, String changeType, String reference);
    }

    private final SandboxData data;
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

    public SandboxEvents(SandboxData data) {
        this.data = data;
        watch(data.products, "Product", p -> null);
        watch(data.productVariants, "ProductVariant", v -> null);
        watch(data.productSizes, "ProductSize", s -> null);
        watch(data.displays, "Display", d -> d.storeId());
        watch(data.bundles, "Bundle", b -> null);
        watch(data.brands, "Brand", b -> null);
        watch(data.collections, "Collection", c -> null);
        watch(data.folders, "Folder", f -> null);
        watch(data.sizeCharts, "SizeChart", c -> null);
        watch(data.categories, "Category", c -> c.storeId());
        watch(data.markets, "Market", m -> m.storeId());
        watch(data.pricelists, "Pricelist", p -> p.storeId());
        watch(data.warehouses, "Warehouse", w -> null);
        watch(data.priceAlterations, "PriceAlteration", a -> a.storeId());
        watch(data.stockChanges, "StockChange", c -> null);
        watch(data.customers, "Customer", c -> c.storeId());
        watch(data.accounts, "Account", a -> null);
        watch(data.buyers, "Buyer", b -> b.storeId());
        watch(data.deliveryWindows, "DeliveryWindow", w -> null);
        watch(data.shipments, "Shipment", s -> null);
        watch(data.returns, "Return", r -> null);
        watch(data.purchaseOrders, "PurchaseOrder", o -> null);
        watch(data.purchaseOrderDeliveries, "PurchaseOrderDelivery", d -> null);
        watch(data.suppliers, "Supplier", s -> null);
        watch(data.vouchers, "Voucher", v -> null);
        // the prices of price alterations (setAlteredPrices); base prices (setPrices) report in PriceController
        watch(data.alteredPrices, "Price", p -> data.pricelists.find(p.pricelistId())
                .map(org.centraerp.connector.sandbox.store.Pricelist::storeId).orElse(null));
    }

    public void subscribe(Subscriber subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Records a change of {@code objectType} (Centra's event object type) with {@code changeType} (CREATED, UPDATED,
     * DELETED, ...); {@code reference} is the object's id as text. Call inside {@link SandboxData#write}.
     */
    public void changed(String objectType, String changeType, String reference, Integer storeId, Integer marketId) {
        if (data.seeding()) {
            return;
        }
        data.recordEvent(objectType, changeType, reference, storeId, marketId);
        subscribers.forEach(s -> s.changed(objectType, changeType, reference));
    }

    private <T extends Identified> void watch(Table<T> table, String objectType, Function<T, Integer> storeOf) {
        table.onChange((row, change) -> changed(objectType, change.name(), String.valueOf(row.id()),
                storeOf.apply(row), null));
    }
}
