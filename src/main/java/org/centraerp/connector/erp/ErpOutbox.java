package org.centraerp.connector.erp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;

import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.centraerp.connector.state.SentValues;
import org.springframework.stereotype.Component;

/**
 * What Camel's file and FTP producers do not do for the ERP's outboxes ({@code connector.<flow>.outbox}, endpoint
 * URIs): "write the file only when its content changed" as a route step ({@link #changed}, then {@link #written}
 * after the endpoint took it; the content's SHA-256 per file name is kept in the state database, so this works on
 * SFTP too). The routes write the files themselves: their last step is the outbox endpoint.
 */
@Component("erpOutbox")
public class ErpOutbox {

    private final SentValues sentValues;

    public ErpOutbox(SentValues sentValues) {
        this.sentValues = sentValues;
    }

    /** True when the outbox was last given other content under this name (or none). */
    public boolean changed(@Header(ErpHeaders.FLOW) String flow, @Header(Exchange.FILE_NAME) String name,
                           @Body byte[] content) {
        String last = sentValues.read(key(flow), java.util.List.of(name)).get(name);
        return !Objects.equals(last, sha256(content));
    }

    /** Remembers the content the outbox endpoint took under this name. */
    public void written(@Header(ErpHeaders.FLOW) String flow, @Header(Exchange.FILE_NAME) String name,
                        @Body byte[] content) {
        sentValues.remember(key(flow), Map.of(name, sha256(content)));
    }

    private static String key(String flow) {
        return "outbox:" + flow;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
