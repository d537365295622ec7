package org.centraerp.connector.sandbox.store;

public enum AttributeElementKind { INPUT, TEXTAREA, BOOLEAN, SELECT, FILE, IMAGE }
