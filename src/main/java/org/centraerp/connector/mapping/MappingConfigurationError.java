package org.centraerp.connector.mapping;

import java.util.List;
import java.util.stream.Collectors;

/** The mappings of a customer cannot be used; lists every problem found, not just the first. */
public class MappingConfigurationError extends RuntimeException {

    private final transient List<MappingProblem> problems;

    public MappingConfigurationError(String where, List<MappingProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the mappings of " + where + ":\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<MappingProblem> problems() {
        return problems;
    }
}
