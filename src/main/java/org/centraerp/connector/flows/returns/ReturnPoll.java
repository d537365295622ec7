package org.centraerp.connector.flows.returns;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.centraerp.connector.state.PollWindow;

/**
 * What one run of route export-returns works on: its window, the return files still to be written to the outbox
 * endpoint, and whether every return read went through (only then does the window close).
 */
public final class ReturnPoll {

    private final PollWindow window;
    private final List<ReturnFile> files = new ArrayList<>();
    private final AtomicInteger exported = new AtomicInteger();
    private final AtomicBoolean allDone = new AtomicBoolean(true);

    /** @param window the poll's window; null for a console replay (no window to move) */
    ReturnPoll(PollWindow window) {
        this.window = window;
    }

    PollWindow window() {
        return window;
    }

    /** The return versions whose file is to be written to the ERP's outbox. */
    public List<ReturnFile> files() {
        return files;
    }

    void exported() {
        exported.incrementAndGet();
    }

    int exportedCount() {
        return exported.get();
    }

    /** A return did not go through: read again on the next poll, so the window stays where it is. */
    void failed() {
        allDone.set(false);
    }

    boolean allDone() {
        return allDone.get();
    }

    @Override
    public String toString() {
        return "ReturnPoll" + files.stream().map(ReturnFile::name).toList();
    }

    /** One return version's file on its way to the outbox endpoint; WRITTEN in the ledger once it is there. */
    public record ReturnFile(ReturnPoll poll, long returnId, int version, long orderNumber, String name,
                             byte[] content) {
        @Override
        public String toString() {
            return name;
        }
    }
}
