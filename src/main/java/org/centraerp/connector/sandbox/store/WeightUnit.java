package org.centraerp.connector.sandbox.store;

public enum WeightUnit { KILOGRAMS, POUNDS, GRAMS }
