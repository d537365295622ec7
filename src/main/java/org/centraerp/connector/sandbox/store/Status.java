package org.centraerp.connector.sandbox.store;

/** Centra's generic ACTIVE/INACTIVE status. */
public enum Status { ACTIVE, INACTIVE }
