package org.centraerp.connector.ops.console;

import org.centraerp.connector.flows.orders.OrderInbox;
import org.centraerp.connector.state.DeadLetter;
import org.springframework.stereotype.Component;

/** An order dead letter is replayed by making the order due again: route export-orders fetches and maps it anew. */
@Component
public class OrderDeadLetterReplay implements DeadLetterReplay {

    static final String SOURCE = "console-replay";
    private final OrderInbox inbox;

    public OrderDeadLetterReplay(OrderInbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String flow() {
        return "orders";
    }

    @Override
    public String replay(DeadLetter letter) {
        long number = DeadLetterReplay.numericKey(letter, "order number");
        inbox.notify(number, SOURCE);
        return "order " + number + " is due for export again";
    }
}
