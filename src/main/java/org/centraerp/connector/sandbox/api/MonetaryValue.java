package org.centraerp.connector.sandbox.api;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.centraerp.connector.sandbox.store.Currency;
import org.centraerp.connector.sandbox.store.Money;
import org.centraerp.connector.sandbox.store.SandboxData;

/** Centra's MonetaryValue output: value, currency, conversion rate to the base currency, and "41.00 EUR". */
public record MonetaryValue(BigDecimal value, Currency currency, double conversionRate, String formattedValue) {

    public static MonetaryValue of(Money money, SandboxData data) {
        if (money == null) {
            return null;
        }
        Currency currency = data.currencies.stream()
                .filter(c -> c.code().equalsIgnoreCase(money.currencyIsoCode())).findFirst()
                .orElse(new Currency(0, money.currencyIsoCode(), money.currencyIsoCode(), false));
        String formatted = money.value().setScale(2, RoundingMode.HALF_UP).toPlainString() + " " + currency.code();
        // the sandbox keeps no exchange rates; 1.0 keeps amounts unchanged
        return new MonetaryValue(money.value(), currency, 1.0, formatted);
    }
}
