package org.centraerp.connector.sandbox.store;

import java.util.List;

/** A voucher (discount code); {@code orderNumbers} are the orders it was applied to. */
public record Voucher(int id, String name, String code, String type, List<Integer> orderNumbers)
        implements Identified {

    public Voucher {
        orderNumbers = orderNumbers == null ? List.of() : List.copyOf(orderNumbers);
    }
}
