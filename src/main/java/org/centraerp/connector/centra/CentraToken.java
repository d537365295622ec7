package org.centraerp.connector.centra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the Integration API token comes from: a fixed value (CENTRA_TOKEN) or a file (CENTRA_TOKEN_FILE, as
 * Kubernetes and Docker secrets provide it). A file is read again when a call needs the token and a second has
 * passed, and at once after Centra refused the token, so a rotated token is used without a restart. A file that is
 * briefly missing or empty while the secret is being replaced keeps the token read before.
 */
public final class CentraToken {

    private static final Duration REREAD_AFTER = Duration.ofSeconds(1);

    private final Path file;
    private final CentraClock clock;
    private volatile String value;
    private volatile long readAtNanos;
    private volatile Runnable onChange = () -> { };
    private boolean everRead;

    private CentraToken(String value, Path file, CentraClock clock) {
        this.value = value == null ? "" : value.trim();
        this.file = file;
        this.clock = clock;
    }

    /** A token that never changes; blank means none. */
    public static CentraToken fixed(String value) {
        return new CentraToken(value, null, CentraClock.SYSTEM);
    }

    /** A token read from {@code file}; blank {@code file} falls back to the fixed {@code value}. */
    public static CentraToken of(String value, String file) {
        return file == null || file.isBlank() ? fixed(value) : file(Path.of(file.trim()), CentraClock.SYSTEM);
    }

    static CentraToken file(Path file, CentraClock clock) {
        var token = new CentraToken("", file, clock);
        token.readAtNanos = clock.nanoTime() - REREAD_AFTER.toNanos() - 1;
        return token;
    }

    /** Called (on the thread that noticed) whenever a re-read finds a different token. */
    public void onChange(Runnable listener) {
        this.onChange = Objects.requireNonNull(listener);
    }

    public boolean fromFile() {
        return file != null;
    }

    /** The token to send now; blank when none is configured. */
    public String current() {
        if (file != null && clock.nanoTime() - readAtNanos >= REREAD_AFTER.toNanos()) {
            refresh();
        }
        if (file != null && value.isEmpty()) {
            throw new CentraConfigException("CENTRA_TOKEN_FILE " + file + " cannot be read or is empty"
                    + " — put the Integration API token in it (Centra: System → API tokens)");
        }
        return value;
    }

    /** Reads the file again now; true when the token changed. Always false for a fixed token. */
    public synchronized boolean refresh() {
        if (file == null) {
            return false;
        }
        readAtNanos = clock.nanoTime();
        String read;
        try {
            read = Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (read.isEmpty() || read.equals(value)) {
            return false;
        }
        boolean first = !everRead;
        everRead = true;
        value = read;
        if (!first) {
            onChange.run();
        }
        return !first;
    }

    /** Never the token itself. */
    @Override
    public String toString() {
        return file != null ? "token from " + file : value.isEmpty() ? "no token" : "token <set>";
    }
}
