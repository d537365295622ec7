package org.centraerp.connector.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /webhooks/centra}: hands the raw body and signature header to route {@code receive-centra-webhook}.
 *
 * <p>A Spring MVC controller rather than Camel's platform-http: the signature covers the exact bytes Centra sent,
 * and here the body is read straight from the servlet stream. Spring's {@code @RequestBody} and Camel's HTTP
 * binding both rebuild form bodies from parsed parameters, which need not be byte-identical.
 */
@RestController
public class CentraWebhookController {

    static final String ROUTE = "direct:receive-centra-webhook";
    private static final Logger log = LoggerFactory.getLogger(CentraWebhookController.class);

    private final ProducerTemplate camel;
    private final WebhookProperties properties;

    public CentraWebhookController(ProducerTemplate camel, WebhookProperties properties) {
        this.camel = camel;
        this.properties = properties;
    }

    @PostMapping("/webhooks/centra")
    public ResponseEntity<String> receive(HttpServletRequest request) throws IOException {
        byte[] body = readBody(request);
        if (body == null) {
            log.warn("Centra webhook refused: body larger than {} bytes", properties.maxBodySize());
            return ResponseEntity.status(413).body("body too large\n");
        }
        Map<String, Object> headers = new HashMap<>();
        headers.put(CentraWebhookReceiver.SIGNATURE, request.getHeader(WebhookSignature.HEADER));
        headers.put("CentraWebhookBodyHash", CentraWebhookReceiver.bodyHash(body));
        try {
            camel.requestBodyAndHeaders(ROUTE, body, headers);
            return ResponseEntity.ok("ok\n");
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof WebhookRejectedException rejected) {
                log.warn("Centra webhook refused from {}: {}", request.getRemoteAddr(), rejected.getMessage());
                return ResponseEntity.status(401).body("signature refused\n");
            }
            if (e.getCause() instanceof WebhookPayloadException malformed) {
                log.warn("Centra webhook refused: {}", malformed.getMessage());
                return ResponseEntity.badRequest().body("not a Centra Integration API webhook\n");
            }
            throw e;
        }
    }

    /** The raw bytes, or null when longer than allowed. Never calls getParameter (that would consume the body). */
    private byte[] readBody(HttpServletRequest request) throws IOException {
        int max = properties.maxBodySize();
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(max + 1);
            return body.length > max ? null : body;
        }
    }
}
