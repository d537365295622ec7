package org.centraerp.connector.mapping;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of applying a {@link FieldMap} to one record: the target fields in order, or the
 * problems that keep it from being used (fields without problems are still filled, for reports).
 */
public record MappedRecord(Map<String, Object> values, List<RecordProblem> problems) {

    public MappedRecord {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /** The values, or a {@link RecordMappingException} naming every bad field. */
    public Map<String, Object> valuesOrThrow() {
        if (!isValid()) {
            throw new RecordMappingException(problems);
        }
        return values;
    }
}
