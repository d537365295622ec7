package org.centraerp.connector.flows.stock;

/** Takes a file's usable lines in file order and gets them to Centra in bounded batches. */
interface StockSender {

    /** Queues one line; may send a full batch. */
    void accept(StockLine line);

    /** Sends whatever is still queued. */
    void finish();
}
