package org.centraerp.connector.ops.console;

import org.centraerp.connector.state.DeadLetter;

/**
 * How dead letters of one flow are replayed: through the flow's own path (an order is made due again in the order
 * inbox), never by a side door. A flow without one has its letters fixed at the source and discarded.
 */
public interface DeadLetterReplay {

    /** The flow name its dead letters carry. */
    String flow();

    /** Hands the letter back to its flow; answers what was done, in words for the operator. */
    String replay(DeadLetter letter);

    /** The letter's business key as the number it names ({@code what}: "order number", "Centra return id"). */
    static long numericKey(DeadLetter letter, String what) {
        try {
            return Long.parseLong(letter.businessKey());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("dead letter " + letter.id() + " names no " + what);
        }
    }
}
