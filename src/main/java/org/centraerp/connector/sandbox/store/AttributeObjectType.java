package org.centraerp.connector.sandbox.store;

/** Object types that carry attributes in the sandbox; constant names are Centra's enum values. */
public enum AttributeObjectType { Product, ProductVariant, Customer, Order }
