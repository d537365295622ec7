package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The archive beside an ERP inbox: a file that was handled goes to {@code .done/} (with its report), a file
 * refused whole to {@code .error/} (with the reason). Shared by every flow that takes files from the ERP.
 */
public final class ErpArchive {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private ErpArchive() {
    }

    /** The file's name in the archive folder; a name already there gets a time stamp so no report is lost. */
    public static String archiveName(Path file, String folder) {
        String name = file.getFileName().toString();
        if (!Files.exists(file.resolveSibling(folder).resolve(name))) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String stamp = LocalDateTime.now().format(STAMP);
        return dot > 0 ? name.substring(0, dot) + "-" + stamp + name.substring(dot) : name + "-" + stamp;
    }

    /** Writes a report or reason as {@code name.tmp}, then renames it, so nobody reads half of it. */
    public static void writeText(Path target, String text) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }
}
