package org.centraerp.connector.sandbox.purchase;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.api.MonetaryValue;
import org.centraerp.connector.sandbox.api.Payload;
import org.centraerp.connector.sandbox.graphql.PhpDateFormat;
import org.centraerp.connector.sandbox.store.Currency;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.OrderLine;
import org.centraerp.connector.sandbox.store.PaymentTerms;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.PurchaseOrder;
import org.centraerp.connector.sandbox.store.PurchaseOrderDelivery;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.StockChange;
import org.centraerp.connector.sandbox.store.Supplier;
import org.centraerp.connector.sandbox.store.Warehouse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of PurchaseOrder, PurchaseOrderDelivery, their lines and Supplier. Lines are answered as views that
 * know their order or delivery, so that money carries the order's currency and a delivery line its landed cost.
 */
@Controller
@ConditionalOnSandboxEnabled
public class PurchaseOrderWiring {

    /** A purchase order line with its order's currency. */
    public record OrderLineView(PurchaseOrder.Line line, String currency) {
    }

    /** A delivery line with its delivery, for the landed cost. */
    public record DeliveryLineView(PurchaseOrderDelivery.Line line, PurchaseOrderDelivery delivery) {
    }

    private final SandboxData data;
    private final PurchaseOrderController controller;

    public PurchaseOrderWiring(SandboxData data, PurchaseOrderController controller) {
        this.data = data;
        this.controller = controller;
    }

    // --- payloads ---

    @SchemaMapping(typeName = "PurchaseOrderCreatePayload", field = "purchaseOrder")
    public Object createdOrder(Payload payload) {
        return payload.object();
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryCreatePayload", field = "purchaseOrderDelivery")
    public Object createdDelivery(Payload payload) {
        return payload.object();
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryAcceptPayload", field = "purchaseOrderDelivery")
    public Object acceptedDelivery(Payload payload) {
        return payload.object();
    }

    // --- Supplier ---

    @SchemaMapping(typeName = "Supplier", field = "currency")
    public Currency supplierCurrency(Supplier supplier) {
        return data.currencies.find(supplier.currencyId()).orElse(null);
    }

    // --- PurchaseOrder ---

    @SchemaMapping(typeName = "PurchaseOrder", field = "createdAt")
    public String createdAt(PurchaseOrder order, @Argument String format) {
        return PhpDateFormat.format(order.createdAt(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "updatedAt")
    public String updatedAt(PurchaseOrder order, @Argument String format) {
        return PhpDateFormat.format(order.updatedAt(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "ETA")
    public String eta(PurchaseOrder order, @Argument String format) {
        return order.eta() == null ? null : PhpDateFormat.format(order.eta(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "requestedETD")
    public String requestedEtd(PurchaseOrder order, @Argument String format) {
        return order.requestedEtd() == null ? null : PhpDateFormat.format(order.requestedEtd(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "confirmedETD")
    public String confirmedEtd(PurchaseOrder order, @Argument String format) {
        return order.confirmedEtd() == null ? null : PhpDateFormat.format(order.confirmedEtd(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "totalQuantity")
    public int totalQuantity(PurchaseOrder order) {
        return order.lines().stream().mapToInt(PurchaseOrder.Line::quantity).sum();
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "totalValue")
    public MonetaryValue totalValue(PurchaseOrder order) {
        BigDecimal total = order.lines().stream().map(l -> l.unitCost().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return money(total, order.currencyIsoCode());
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "currency")
    public Currency orderCurrency(PurchaseOrder order) {
        return currency(order.currencyIsoCode());
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "lines")
    public List<OrderLineView> orderLines(PurchaseOrder order) {
        return order.lines().stream().map(l -> new OrderLineView(l, order.currencyIsoCode())).toList();
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "paymentTerms")
    public PaymentTerms paymentTerms(PurchaseOrder order) {
        return data.paymentTerms.find(order.paymentTermsId()).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "preferredWarehouse")
    public Warehouse preferredWarehouse(PurchaseOrder order) {
        return data.warehouses.find(order.preferredWarehouseId()).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "deliveries")
    public List<PurchaseOrderDelivery> deliveries(PurchaseOrder order,
                                                  @Argument PurchaseOrderController.DeliveryFilter where,
                                                  @Argument List<String> sort, @Argument Integer limit,
                                                  @Argument Integer page) {
        return controller.deliveriesOf(order, where, sort, limit, page);
    }

    @SchemaMapping(typeName = "PurchaseOrder", field = "supplier")
    public Supplier orderSupplier(PurchaseOrder order) {
        return data.suppliers.find(order.supplierId()).orElse(null);
    }

    // --- PurchaseOrderLine ---

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "quantity")
    public int quantity(OrderLineView view) {
        return view.line().quantity();
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "linkedQuantity")
    public int linkedQuantity(OrderLineView view) {
        return 0;
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "unlinkedQuantity")
    public int unlinkedQuantity(OrderLineView view) {
        return view.line().quantity();
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "unitCost")
    public MonetaryValue unitCost(OrderLineView view) {
        return money(view.line().unitCost(), view.currency());
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "customsType")
    public String customsType(OrderLineView view) {
        return view.line().customsType();
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "customsPercent")
    public double customsPercent(OrderLineView view) {
        return percent(view.line().customsType(), view.line().customsPercent(), view.line().unitCost());
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "customsValue")
    public MonetaryValue customsValue(OrderLineView view) {
        return money(customs(view.line().customsType(), view.line().customsPercent(), view.line().unitCost()),
                view.currency());
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "linkedToOrderLines")
    public List<OrderLine> orderLineLinks(OrderLineView view) {
        return List.of();
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "product")
    public Product orderLineProduct(OrderLineView view) {
        return product(view.line().productVariantId());
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "productVariant")
    public ProductVariant orderLineVariant(OrderLineView view) {
        return data.productVariants.find(view.line().productVariantId()).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrderLine", field = "productSize")
    public ProductSize orderLineSize(OrderLineView view) {
        return data.productSizes.find(view.line().productSizeId()).orElse(null);
    }

    // --- PurchaseOrderDelivery ---

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "createdAt")
    public String deliveryCreatedAt(PurchaseOrderDelivery delivery, @Argument String format) {
        return PhpDateFormat.format(delivery.createdAt(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "exFactoryDate")
    public String exFactoryDate(PurchaseOrderDelivery delivery, @Argument String format) {
        return delivery.exFactoryDate() == null ? null : PhpDateFormat.format(delivery.exFactoryDate(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "ETA")
    public String deliveryEta(PurchaseOrderDelivery delivery, @Argument String format) {
        return delivery.eta() == null ? null : PhpDateFormat.format(delivery.eta(), format);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "shippingCost")
    public MonetaryValue shippingCost(PurchaseOrderDelivery delivery) {
        return MonetaryValue.of(delivery.shippingCost(), data);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "otherCosts")
    public MonetaryValue otherCosts(PurchaseOrderDelivery delivery) {
        return MonetaryValue.of(delivery.otherCosts(), data);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "adminUser")
    public Map<String, Object> adminUser(PurchaseOrderDelivery delivery) {
        // the sandbox keeps no admin users: the one given on create, by id
        return delivery.adminUserId() == null ? null : Map.of("id", delivery.adminUserId());
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "currency")
    public Currency deliveryCurrency(PurchaseOrderDelivery delivery) {
        return currency(delivery.shippingCost().currencyIsoCode());
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "lines")
    public List<DeliveryLineView> deliveryLines(PurchaseOrderDelivery delivery) {
        return delivery.lines().stream().map(l -> new DeliveryLineView(l, delivery)).toList();
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "supplier")
    public Supplier deliverySupplier(PurchaseOrderDelivery delivery) {
        return data.purchaseOrders.find(delivery.purchaseOrderId()).flatMap(o -> data.suppliers.find(o.supplierId()))
                .orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "purchaseOrder")
    public PurchaseOrder deliveryOrder(PurchaseOrderDelivery delivery) {
        return data.purchaseOrders.find(delivery.purchaseOrderId()).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "warehouse")
    public Warehouse deliveryWarehouse(PurchaseOrderDelivery delivery) {
        return data.warehouses.find(delivery.warehouseId()).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrderDelivery", field = "stockChange")
    public StockChange deliveryStockChange(PurchaseOrderDelivery delivery) {
        return data.stockChanges.find(delivery.stockChangeId()).orElse(null);
    }

    // --- PurchaseOrderDeliveryLine ---

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "quantity")
    public int deliveryQuantity(DeliveryLineView view) {
        return view.line().quantity();
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "linkedQuantity")
    public int deliveryLinkedQuantity(DeliveryLineView view) {
        return view.line().orderLineIds().isEmpty() ? 0 : view.line().quantity();
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "unlinkedQuantity")
    public int deliveryUnlinkedQuantity(DeliveryLineView view) {
        return view.line().orderLineIds().isEmpty() ? view.line().quantity() : 0;
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "unitCost")
    public MonetaryValue deliveryUnitCost(DeliveryLineView view) {
        return money(view.line().unitCost(), currencyOf(view));
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "customsType")
    public String deliveryCustomsType(DeliveryLineView view) {
        return view.line().customsType();
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "customsPercent")
    public double deliveryCustomsPercent(DeliveryLineView view) {
        return percent(view.line().customsType(), view.line().customsPercent(), view.line().unitCost());
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "customsValue")
    public MonetaryValue deliveryCustomsValue(DeliveryLineView view) {
        return money(customs(view.line().customsType(), view.line().customsPercent(), view.line().unitCost()),
                currencyOf(view));
    }

    /**
     * Per unit: unit cost + customs + the unit's share of the delivery's shipping and other costs, spread by
     * quantity or by value as the delivery's shippingDistributionMethod says.
     */
    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "landedCost")
    public MonetaryValue landedCost(DeliveryLineView view) {
        PurchaseOrderDelivery delivery = view.delivery();
        PurchaseOrderDelivery.Line line = view.line();
        BigDecimal costs = value(delivery.shippingCost()).add(value(delivery.otherCosts()));
        BigDecimal share = BigDecimal.ZERO;
        if (costs.signum() != 0) {
            if ("BY_VALUE".equals(delivery.shippingDistributionMethod())) {
                BigDecimal total = delivery.lines().stream()
                        .map(l -> l.unitCost().multiply(BigDecimal.valueOf(l.quantity())))
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                share = total.signum() == 0 ? BigDecimal.ZERO
                        : costs.multiply(line.unitCost()).divide(total, 6, RoundingMode.HALF_UP);
            } else {
                int units = delivery.lines().stream().mapToInt(PurchaseOrderDelivery.Line::quantity).sum();
                share = units == 0 ? BigDecimal.ZERO : costs.divide(BigDecimal.valueOf(units), 6, RoundingMode.HALF_UP);
            }
        }
        BigDecimal landed = line.unitCost().add(customs(line.customsType(), line.customsPercent(), line.unitCost()))
                .add(share);
        return money(PurchaseOrderController.scaled(landed), currencyOf(view));
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "linkedToOrderLines")
    public List<OrderLine> deliveryOrderLineLinks(DeliveryLineView view) {
        return view.line().orderLineIds().stream()
                .map(id -> data.orders.stream().flatMap(o -> o.lines().stream()).filter(l -> l.id() == id)
                        .findFirst().orElse(null))
                .filter(Objects::nonNull).toList();
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "product")
    public Product deliveryLineProduct(DeliveryLineView view) {
        return product(view.line().productVariantId());
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "productVariant")
    public ProductVariant deliveryLineVariant(DeliveryLineView view) {
        return data.productVariants.find(view.line().productVariantId()).orElse(null);
    }

    @SchemaMapping(typeName = "PurchaseOrderDeliveryLine", field = "productSize")
    public ProductSize deliveryLineSize(DeliveryLineView view) {
        return data.productSizes.find(view.line().productSizeId()).orElse(null);
    }

    // --- helpers ---

    private static BigDecimal customs(String type, double tax, BigDecimal unitCost) {
        if ("FIXED".equals(type)) {
            return BigDecimal.valueOf(tax);
        }
        return PurchaseOrderController.scaled(unitCost.multiply(BigDecimal.valueOf(tax))
                .divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
    }

    private static double percent(String type, double tax, BigDecimal unitCost) {
        if (!"FIXED".equals(type)) {
            return tax;
        }
        return unitCost.signum() == 0 ? 0 : BigDecimal.valueOf(tax).multiply(BigDecimal.valueOf(100))
                .divide(unitCost, 4, RoundingMode.HALF_UP).doubleValue();
    }

    private static BigDecimal value(Money money) {
        return money == null || money.value() == null ? BigDecimal.ZERO : money.value();
    }

    private String currencyOf(DeliveryLineView view) {
        return view.delivery().shippingCost().currencyIsoCode();
    }

    private MonetaryValue money(BigDecimal value, String currency) {
        return MonetaryValue.of(new Money(value, currency), data);
    }

    private Currency currency(String code) {
        return data.currencies.stream().filter(c -> c.code().equalsIgnoreCase(String.valueOf(code))).findFirst()
                .orElse(null);
    }

    private Product product(int variantId) {
        return data.productVariants.find(variantId).flatMap(v -> data.products.find(v.productId())).orElse(null);
    }
}
