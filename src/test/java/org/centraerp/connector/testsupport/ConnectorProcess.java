package org.centraerp.connector.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.centraerp.connector.ConnectorApplication;

/**
 * The connector in a JVM of its own, started from this JVM's class path in the project folder (so it reads
 * {@code routes/}, {@code mappings/} and {@code config/} as a real start does), with its output in a log file.
 * {@link #kill()} is kill -9: no shutdown hook, no flush, no closing of pools. A log file is appended to, so a
 * restarted connector can share the log of the one it replaces.
 */
public final class ConnectorProcess implements AutoCloseable {

    private final String name;
    private final Path log;
    private final Process process;

    private ConnectorProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    /**
     * Arguments of a connector that runs one file route against the sandbox at {@code sandboxPort} (in the test's
     * JVM), with its state in an H2 file and its ERP folder under {@code work}, no client-side rate limits, and file
     * read locks a killed instance leaves behind taken over after 3 s. Add the flow's own settings.
     */
    public static List<String> fileRouteArguments(int sandboxPort, Path work, String route) {
        return new ArrayList<>(List.of(
                "--connector.centra.url=http://127.0.0.1:" + sandboxPort + "/sandbox/graphql",
                "--connector.centra.token=sandbox-demo-token",
                "--connector.sandbox.enabled=false",
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:file:" + work.resolve("state/connector").toAbsolutePath()
                        + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "--connector.erp.folder=" + work.resolve("erp").toAbsolutePath(),
                "--camel.main.routes-include-pattern=file:routes/" + route,
                "--connector.master-data.at-start=false",
                "--connector.centra.rate-limit.mutations-per-10s=0",
                "--connector.centra.rate-limit.requests-per-10s=0",
                "--connector.state.read-lock.lock-max-age=3s",
                "--connector.state.read-lock.keep-alive=1s"));
    }

    /** Starts {@code java -cp <this class path> ConnectorApplication <arguments>}; its output goes to {@code log}. */
    public static ConnectorProcess start(String name, Path log, List<String> arguments) {
        // A small heap and C1 only: in tests start-up time matters more than peak speed on a shared 2-core machine.
        return start(name, log, List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), arguments);
    }

    /** As {@link #start(String, Path, List)} with these JVM options. */
    public static ConnectorProcess start(String name, Path log, List<String> jvmOptions, List<String> arguments) {
        return start(name, log, Path.of(System.getProperty("user.dir")), java.util.Map.of(), jvmOptions, arguments);
    }

    /** As {@link #start(String, Path, List)} in another working folder, with more environment variables. */
    public static ConnectorProcess start(String name, Path log, Path directory, java.util.Map<String, String> environment,
                                         List<String> arguments) {
        return start(name, log, directory, environment,
                List.of("-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"), arguments);
    }

    private static ConnectorProcess start(String name, Path log, Path directory, java.util.Map<String, String> environment,
                                          List<String> jvmOptions, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConnectorApplication.class.getName()));
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
            builder.environment().putAll(environment);
            Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ConnectorProcess(name, log, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start connector " + name + ": " + e.getMessage(), e);
        }
    }

    /** True once Spring Boot reported the application started. Fails when the process ended instead. */
    public boolean started() {
        String text = logText();
        if (!process.isAlive()) {
            throw new AssertionError("connector " + name + " ended with exit code " + process.exitValue()
                    + "; the end of its log (" + log + "):\n" + tail(text, 4000));
        }
        return text.contains("Started ConnectorApplication");
    }

    /** How often the log says {@code text} (e.g. how many order versions this instance exported). */
    public long count(String text) {
        return logText().lines().filter(line -> line.contains(text)).count();
    }

    /** Waits for the process to end by itself; its exit code. */
    public int exitCode(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("connector " + name + " did not end within " + within + "; its log:\n"
                        + tail(logText(), 4000));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for connector " + name, e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    public Path log() {
        return log;
    }

    public String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("connector " + name + " did not end within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for connector " + name, e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }
}
