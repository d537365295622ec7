package org.centraerp.connector.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MappingValidationTest {

    private static DefaultCamelContext camel;
    private static MappingValidator validator;

    @BeforeAll
    static void camel() {
        camel = new DefaultCamelContext();
        camel.start();
        validator = new MappingValidator(camel);
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
    }

    @Test
    void shippedDefaultMappingsAreValid() {
        assertThat(validator.validate(Path.of("mappings"), "default")).isEmpty();
    }

    @Test
    void brokenMappingsReportEveryProblemWithFileAndKey() {
        List<MappingProblem> problems = validator.validate(Path.of("src/test/resources/mappings"), "broken");
        problems.forEach(System.out::println);
        assertThat(problems).isNotEmpty();
    }
}
