package org.centraerp.connector.erp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Creates the ERP exchange folders at start so an ERP (or a person) can drop files right away. */
@Component
// preview writes nothing, not even the folders: it sets connector.erp.create-folders=false
@ConditionalOnProperty(name = "connector.erp.create-folders", havingValue = "true", matchIfMissing = true)
public class ErpFolders {

    private static final Logger log = LoggerFactory.getLogger(ErpFolders.class);
    static final List<String> INBOXES = List.of("stock", "products", "prices", "shipments", "returns");
    static final List<String> OUTBOXES = List.of("master-data", "orders", "returns");

    private final ErpProperties properties;

    public ErpFolders(ErpProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void create() {
        try {
            for (String flow : INBOXES) {
                Files.createDirectories(properties.inbox(flow));
            }
            for (String flow : OUTBOXES) {
                Files.createDirectories(properties.outbox(flow));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ERP folders under " + properties.folder(), e);
        }
        Path root = properties.folder().toAbsolutePath().normalize();
        log.info("ERP folders: drop files in {}, pick them up from {}", root.resolve("in"), root.resolve("out"));
    }
}
