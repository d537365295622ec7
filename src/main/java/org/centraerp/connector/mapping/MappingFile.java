package org.centraerp.connector.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A mapping file being validated: its tree, its key lines, and where its problems go. */
record MappingFile(String displayName, String flow, LocatedYaml yaml, List<MappingProblem> problems) {

    JsonNode root() {
        return yaml.root();
    }

    void problem(String keyPath, String message) {
        problems.add(new MappingProblem(displayName, keyPath, yaml.line(keyPath), message));
    }
}
