package org.centraerp.connector.testsupport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;

/**
 * Tests only: the import folders take a file once it is unchanged between two looks ({@code stable-for: 0s}), as
 * before the stability time existed, because tests write their files as {@code .tmp} and rename them. Placed just
 * before the config files, so a test that sets {@code connector.<flow>.read-lock.stable-for} itself (its properties,
 * command line arguments) still wins.
 */
public class QuickFileStability implements EnvironmentPostProcessor {

    private static final List<String> FLOWS = List.of("stock", "products", "bundles", "prices", "shipments", "returns");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Map<String, Object> values = new HashMap<>();
        FLOWS.forEach(flow -> values.put("connector." + flow + ".read-lock.stable-for", "0s"));
        MapPropertySource source = new MapPropertySource("test-quick-file-stability", values);
        MutablePropertySources sources = environment.getPropertySources();
        String firstConfigFile = sources.stream().map(PropertySource::getName)
                .filter(name -> name.startsWith("Config resource")).findFirst().orElse(null);
        if (firstConfigFile == null) {
            sources.addLast(source);
        } else {
            sources.addBefore(firstConfigFile, source);
        }
    }
}
