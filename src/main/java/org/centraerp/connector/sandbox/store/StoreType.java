package org.centraerp.connector.sandbox.store;

public enum StoreType { DIRECT_TO_CONSUMER, WHOLESALE }
