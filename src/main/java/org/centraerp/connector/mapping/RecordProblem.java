package org.centraerp.connector.mapping;

/**
 * Why one field of one record could not be mapped.
 *
 * @param field  the target field name
 * @param reason e.g. {@code not an integer 'abc'}, {@code required, but missing}
 */
public record RecordProblem(String field, String reason) {

    @Override
    public String toString() {
        return "field " + field + ": " + reason;
    }
}
