package org.centraerp.connector.centra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

class CentraPropertiesTest {

    @Test
    void theDocumentedYamlBindsEveryKey() throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader()
                .load("application", new FileSystemResource(Path.of("config/application.yaml")))
                .forEach(environment.getPropertySources()::addLast);

        CentraProperties properties = Binder.get(environment).bind("connector.centra", CentraProperties.class).get();

        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.retry().maxAttempts()).isEqualTo(5);
        assertThat(properties.retry().initialBackoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(properties.rateLimit().requestsPer10s()).isEqualTo(60);
        assertThat(properties.rateLimit().mutationsPer10s()).isEqualTo(20);
        assertThat(properties.rateLimit().complexityPer10s()).isEqualTo(250_000);
        assertThat(properties.rateLimit().maxWait()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void printingThePropertiesNeverShowsTheToken() {
        assertThat(CentraProperties.defaults("https://acme.centra.com/graphql", "s3cret").toString())
                .doesNotContain("s3cret").contains("token=<set>");
    }
}
