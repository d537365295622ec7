package org.centraerp.connector.sandbox.api;

import java.util.Objects;

import org.centraerp.connector.sandbox.ConditionalOnSandboxEnabled;
import org.centraerp.connector.sandbox.store.Product;
import org.centraerp.connector.sandbox.store.ProductSize;
import org.centraerp.connector.sandbox.store.ProductVariant;
import org.centraerp.connector.sandbox.store.SandboxData;
import org.centraerp.connector.sandbox.store.Size;
import org.centraerp.connector.sandbox.store.Weight;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The ProductSize type: identifiers (SKU, EAN, UPC) and relations. */
@Controller
@ConditionalOnSandboxEnabled
public class ProductSizeController {

    private final SandboxData data;

    public ProductSizeController(SandboxData data) {
        this.data = data;
    }

    /** Product number + variant number + size number, as Centra's ERP guide describes the SKU. */
    @SchemaMapping(typeName = "ProductSize", field = "SKU")
    public String sku(ProductSize size) {
        ProductVariant variant = variant(size);
        Product product = data.products.find(variant.productId()).orElseThrow();
        return Objects.toString(product.productNumber(), "") + Objects.toString(variant.variantNumber(), "")
                + Objects.toString(size.sizeNumber(), "");
    }

    @SchemaMapping(typeName = "ProductSize", field = "EAN")
    public String ean(ProductSize size) {
        return size.ean();
    }

    @SchemaMapping(typeName = "ProductSize", field = "GTIN")
    public String gtin(ProductSize size) {
        return size.ean();
    }

    @SchemaMapping(typeName = "ProductSize", field = "UPC")
    public String upc(ProductSize size) {
        return size.upc();
    }

    @SchemaMapping(typeName = "ProductSize", field = "description")
    public String description(ProductSize size) {
        return size(size).name();
    }

    @SchemaMapping(typeName = "ProductSize", field = "size")
    public Size size(ProductSize size) {
        return data.size(size.sizeId()).orElseThrow();
    }

    /** The sandbox keeps weight per product; sizes report their product's weight. */
    @SchemaMapping(typeName = "ProductSize", field = "weight")
    public Weight weight(ProductSize size) {
        return data.products.find(variant(size).productId()).map(Product::weight).orElse(null);
    }

    @SchemaMapping(typeName = "ProductSize", field = "productVariant")
    public ProductVariant variant(ProductSize size) {
        return data.productVariants.find(size.productVariantId()).orElseThrow();
    }
}
