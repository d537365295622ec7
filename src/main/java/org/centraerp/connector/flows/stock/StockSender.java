package org.centraerp.connector.flows.stock;

/**
 * Takes a file's usable lines in file order and gets them to Centra in bounded batches, as the steps of route
 * template import-erp-file call it per batch of the file: queue the lines ({@link #accept}), keep only changes,
 * send the full batches; at the end of the file, {@link #finish}. Idempotency (sent values, batch keys) is kept
 * here, right where Centra's answer arrives.
 */
interface StockSender {

    /** Queues one line (a size queued already is sent first, so the later line reaches Centra after it). */
    void accept(StockLine line);

    /** Leaves out (and reports) the queued lines that would change nothing in Centra. */
    void keepChanges();

    /** Sends the batches that are full. */
    void sendFullBatches();

    /** Sends whatever is still queued. */
    void finish();
}
