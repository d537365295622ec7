package org.centraerp.connector.sandbox.store;

public enum ProductStatus { ACTIVE, INACTIVE, CANCELLED }
