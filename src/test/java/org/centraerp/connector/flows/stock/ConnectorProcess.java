package org.centraerp.connector.flows.stock;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The connector in a child JVM (the test's own class path, {@code ConnectorApplication} as main class), pointed at
 * a sandbox in another process through {@code CENTRA_URL}, so that a test can kill it with {@code kill -9}.
 */
final class ConnectorProcess implements AutoCloseable {

    private final Process process;

    private ConnectorProcess(Process process) {
        this.process = process;
    }

    /**
     * @param centraUrl e.g. {@code http://127.0.0.1:4711/sandbox/graphql}
     * @param log       where the child's output goes
     * @param arguments Spring properties as {@code --key=value}
     */
    static ConnectorProcess start(String centraUrl, Path log, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.centraerp.connector.ConnectorApplication", "--server.port=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(new File("."))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(Map.of("CENTRA_URL", centraUrl, "CENTRA_TOKEN", StockTestSupport.DEMO_TOKEN));
        try {
            return new ConnectorProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the connector in a child JVM", e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no clean-up, whatever it was doing. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
