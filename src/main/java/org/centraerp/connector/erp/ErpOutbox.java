package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;

import org.springframework.stereotype.Component;

/**
 * Writes files the ERP picks up: first as {@code name.tmp}, then renamed, so the ERP never reads
 * half a file; and not at all when the file there already has the same content, so an ERP that
 * watches modification times is not woken for nothing.
 */
@Component
public class ErpOutbox {

    private final ErpProperties properties;

    public ErpOutbox(ErpProperties properties) {
        this.properties = properties;
    }

    /** @return true when the file was (re)written, false when it already had this content */
    public boolean writeIfChanged(String flow, String fileName, byte[] content) {
        Path target = properties.outbox(flow).resolve(fileName);
        try {
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                return false;
            }
            Files.createDirectories(target.getParent());
            Path temporary = target.resolveSibling(fileName + ".tmp");
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
