package org.centraerp.connector.mapping;

import java.util.List;

/** Mappings or hand-written queries that Centra's schema refuses: a path it does not have, a type that cannot hold it. */
public class CentraMismatchError extends MappingConfigurationError {

    public CentraMismatchError(String where, List<MappingProblem> problems) {
        super(where, problems);
    }
}
