package org.centraerp.connector.mapping;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A start stopped by the mappings prints their problems and nothing else: no stack trace, no chain of beans that
 * could not be created because of it. Registered in {@code META-INF/spring.factories}.
 */
public class MappingFailureAnalyzer extends AbstractFailureAnalyzer<MappingConfigurationError> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MappingConfigurationError cause) {
        return new FailureAnalysis(cause.getMessage(), "Fix each line above in the mapping files (mappings/README.md"
                + " describes every key), then start again.", null);
    }
}
