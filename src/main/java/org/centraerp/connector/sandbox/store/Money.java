package org.centraerp.connector.sandbox.store;

import java.math.BigDecimal;

/** An amount in a currency, e.g. a variant's unit cost. */
public record Money(BigDecimal value, String currencyIsoCode) {
}
