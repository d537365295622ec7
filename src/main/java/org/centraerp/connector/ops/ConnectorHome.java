package org.centraerp.connector.ops;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The connector's home: the folder that holds {@code config/}, {@code routes/}, {@code mappings/} and {@code var/}.
 * The working folder by default; {@code CONNECTOR_HOME} (or {@code --connector.home=<folder>}) names another, so
 * {@code java -jar} runs from anywhere: {@link #arguments} adds {@code <home>/config/} to Spring's config locations,
 * and this post-processor resolves the relative paths of the configuration (routes, mappings, the ERP folder, the
 * H2 state file) against the home. A home without configuration, routes or mappings stops the start with one line
 * naming where it looked ({@link ConnectorSetupException}).
 */
public class ConnectorHome implements EnvironmentPostProcessor, Ordered {

    public static final String HOME_PROPERTY = "connector.home";
    public static final String HOME_VARIABLE = "CONNECTOR_HOME";
    private static final String ADDITIONAL_LOCATION = "spring.config.additional-location";
    private static final String H2_FILE = "jdbc:h2:file:";

    /**
     * The command line with the home applied: {@code --connector.home=<absolute folder>} and
     * {@code --spring.config.additional-location=optional:file:<home>/config/} when a home other than the working
     * folder is named (the user's own config location wins).
     */
    public static String[] arguments(String[] args, Map<String, String> environment) {
        String home = null;
        for (String arg : args) {
            if (arg.startsWith("--" + HOME_PROPERTY + "=")) {
                home = arg.substring(HOME_PROPERTY.length() + 3);
            }
        }
        boolean given = home != null;
        if (home == null) {
            home = environment.get(HOME_VARIABLE);
        }
        if (home == null || home.isBlank()) {
            return args;
        }
        Path folder = Path.of(home).toAbsolutePath().normalize();
        List<String> all = new ArrayList<>(Arrays.asList(args));
        if (!given) {
            all.add("--" + HOME_PROPERTY + "=" + folder);
        }
        if (all.stream().noneMatch(a -> a.startsWith("--" + ADDITIONAL_LOCATION + "=")
                || a.startsWith("--spring.config.location="))) {
            all.add("--" + ADDITIONAL_LOCATION + "=optional:file:" + folder + "/config/");
        }
        return all.toArray(String[]::new);
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) has read config/application.yaml
        return Ordered.HIGHEST_PRECEDENCE + 20;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getProperty("connector.sandbox.standalone", Boolean.class, false)) {
            return; // the standalone sandbox (verb sandbox) needs no connector home
        }
        String configured = environment.getProperty(HOME_PROPERTY, "");
        Path home = (configured.isBlank() ? Path.of("") : Path.of(configured)).toAbsolutePath().normalize();
        if (!environment.containsProperty("connector.mappings-dir")
                && !environment.containsProperty("camel.main.routes-include-pattern")) {
            throw new ConnectorSetupException("no configuration found: " + home.resolve("config/application.yaml")
                    + " does not exist — start the connector in its folder (the one with config/, routes/, mappings/),"
                    + " or set " + HOME_VARIABLE + " to that folder");
        }
        Map<String, Object> resolved = resolve(home, environment);
        if (!resolved.isEmpty() && !configured.isBlank()) {
            environment.getPropertySources().addFirst(new MapPropertySource("connector-home", resolved));
        }
        List<String> missing = new ArrayList<>();
        Path mappings = Path.of(environment.getProperty("connector.mappings-dir", "mappings"));
        if (!Files.isDirectory(mappings)) {
            missing.add("no mappings folder at " + mappings.toAbsolutePath().normalize() + " (connector.mappings-dir)");
        }
        for (Path routes : routeFolders(environment.getProperty("camel.main.routes-include-pattern", ""))) {
            if (!Files.isDirectory(routes)) {
                missing.add("no routes folder at " + routes.toAbsolutePath().normalize()
                        + " (camel.main.routes-include-pattern)");
            }
        }
        if (!missing.isEmpty()) {
            throw new ConnectorSetupException(String.join("; ", missing) + " — start the connector in its folder"
                    + " (the one with config/, routes/, mappings/), or set " + HOME_VARIABLE + " to that folder"
                    + " (connector home now: " + home + ")");
        }
    }

    /** The relative paths of the configuration, resolved against {@code home}. */
    static Map<String, Object> resolve(Path home, ConfigurableEnvironment environment) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (String key : List.of("connector.mappings-dir", "connector.erp.folder")) {
            String value = environment.getProperty(key);
            if (value != null && !value.isBlank() && !Path.of(value).isAbsolute()) {
                resolved.put(key, home.resolve(value).normalize().toString());
            }
        }
        String routes = environment.getProperty("camel.main.routes-include-pattern");
        if (routes != null && !routes.isBlank()) {
            List<String> patterns = new ArrayList<>();
            for (String pattern : routes.split(",")) {
                String p = pattern.trim();
                if (p.startsWith("file:") && !Path.of(p.substring(5)).isAbsolute()) {
                    p = "file:" + home.resolve(p.substring(5)).normalize();
                }
                patterns.add(p);
            }
            resolved.put("camel.main.routes-include-pattern", String.join(",", patterns));
        }
        String url = environment.getProperty("spring.datasource.url");
        if (url != null && url.startsWith(H2_FILE)) {
            String rest = url.substring(H2_FILE.length());
            int options = rest.indexOf(';');
            String file = options < 0 ? rest : rest.substring(0, options);
            if (!file.startsWith("/") && !file.startsWith("~") && !Path.of(file).isAbsolute()) {
                resolved.put("spring.datasource.url", H2_FILE + home.resolve(file).normalize()
                        + (options < 0 ? "" : rest.substring(options)));
            }
        }
        return resolved;
    }

    /** The folders of the {@code file:} route patterns (the part before the first wildcard). */
    static List<Path> routeFolders(String patterns) {
        List<Path> folders = new ArrayList<>();
        for (String pattern : patterns.split(",")) {
            String p = pattern.trim();
            if (!p.startsWith("file:")) {
                continue;
            }
            String path = p.substring(5);
            int wildcard = path.indexOf('*');
            String fixed = wildcard < 0 ? path : path.substring(0, wildcard);
            Path folder = Path.of(fixed.isEmpty() ? "." : fixed);
            if (wildcard >= 0 && !fixed.endsWith("/")) {
                folder = folder.getParent() == null ? Path.of(".") : folder.getParent();
            } else if (wildcard < 0) {
                folder = folder.getParent() == null ? Path.of(".") : folder.getParent();
            }
            if (!folders.contains(folder)) {
                folders.add(folder);
            }
        }
        return folders;
    }
}
