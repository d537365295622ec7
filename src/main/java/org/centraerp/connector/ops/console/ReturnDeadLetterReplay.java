package org.centraerp.connector.ops.console;

import org.centraerp.connector.flows.returns.ReturnExport;
import org.centraerp.connector.state.DeadLetter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * A returns-export dead letter is replayed by reading the return from Centra again and exporting its current state
 * with the mapping loaded at start (route export-returns' own path). There only when the returns export is enabled.
 */
@Component
@ConditionalOnProperty(name = "connector.returns.export.enabled", havingValue = "true", matchIfMissing = true)
public class ReturnDeadLetterReplay implements DeadLetterReplay {

    private final ReturnExport export;

    public ReturnDeadLetterReplay(ReturnExport export) {
        this.export = export;
    }

    @Override
    public String flow() {
        return "returns";
    }

    @Override
    public String replay(DeadLetter letter) {
        return export.replay(DeadLetterReplay.numericKey(letter, "Centra return id"));
    }
}
