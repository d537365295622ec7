package org.centraerp.connector.mapping;

/**
 * One thing wrong in a mapping file.
 *
 * @param file    as the operator knows it, e.g. {@code mappings/acme/master-data.yaml}
 * @param keyPath where in the file, e.g. {@code entities.stores.fields[2].lookup}; empty for the whole file
 * @param line    1-based line of that key, or 0 when unknown
 * @param message what is wrong (and, where it helps, what would be right)
 */
public record MappingProblem(String file, String keyPath, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + (keyPath.isEmpty() ? "" : keyPath + ": ") + message;
    }
}
