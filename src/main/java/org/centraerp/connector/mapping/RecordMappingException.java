package org.centraerp.connector.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** A record that cannot be mapped: a bad record, not a broken connector (do not retry it unchanged). */
public class RecordMappingException extends RuntimeException {

    private final transient List<RecordProblem> problems;

    public RecordMappingException(List<RecordProblem> problems) {
        super(problems.stream().map(RecordProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<RecordProblem> problems() {
        return problems;
    }

    /** For reports: {@code stock.csv line 14: field quantity: not an integer 'abc'}. */
    public String describe(String where) {
        return where + ": " + getMessage();
    }
}
