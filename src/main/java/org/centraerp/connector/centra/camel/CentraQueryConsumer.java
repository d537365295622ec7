package org.centraerp.connector.centra.camel;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.centraerp.connector.centra.CentraClient;

/**
 * Each run pages through a query and hands each record (or page) to the route, one exchange at a time; with a
 * watermark the run reads the window from the last run's end to now (minus the lag) and moves the watermark only
 * when every exchange went through, so a failed run is read again whole.
 */
final class CentraQueryConsumer extends ScheduledPollConsumer {

    /** Headers on each exchange. */
    static final String WINDOW_FROM = "CentraWindowFrom";
    static final String WINDOW_TO = "CentraWindowTo";
    static final String INDEX = "CentraIndex";
    private static final DateTimeFormatter CENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);

    private final CentraApiEndpoint endpoint;
    /** Whether this consumer was started (its scheduler has a task to stop). */
    private volatile boolean scheduled;

    CentraQueryConsumer(CentraApiEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        // Ready before its first run: a nightly schedule must not keep the app's readiness DOWN all day.
        forceConsumerAsReady();
        scheduled = true;
    }

    /**
     * A route that never started (autoStartup false, or {@code check}, which starts no route) is still stopped at
     * shutdown, and Camel 4.17's Quartz scheduler then fails on its missing trigger with a stack trace: nothing was
     * scheduled, so there is nothing to stop.
     */
    @Override
    protected void doStop() throws Exception {
        if (scheduled) {
            super.doStop();
        }
    }

    @Override
    protected int poll() throws Exception {
        CentraClient client = endpoint.getComponent().client();
        Map<String, Object> variables = new LinkedHashMap<>();
        String watermark = endpoint.getWatermark();
        Optional<String> position = Optional.empty();
        String from = null;
        String to = null;
        if (watermark != null && !watermark.isBlank()) {
            position = endpoint.getComponent().watermarks().read(watermark);
            Instant end = Instant.now().minus(endpoint.getLag()).truncatedTo(ChronoUnit.SECONDS);
            Instant start = position.map(p -> Instant.parse(p).plusSeconds(1)).orElse(Instant.EPOCH);
            if (!end.isAfter(start)) {
                return 0;
            }
            from = CENTRA_TIME.format(start);
            to = CENTRA_TIME.format(end);
            variables.put("from", from);
            variables.put("to", to);
        }
        int emitted = 0;
        String document = endpoint.resolvedDocument();
        if (endpoint.getPageSize() > 0) {
            Iterator<JsonNode> records = client.pages(document, variables, endpoint.list(), endpoint.getPageSize())
                    .iterator();
            List<Object> page = new ArrayList<>();
            while (records.hasNext()) {
                JsonNode record = records.next();
                if (endpoint.getEmit() == CentraApiEndpoint.Emit.RECORD) {
                    emit(CentraProducer.asMap(record), emitted++, from, to);
                } else {
                    page.add(CentraProducer.asMap(record));
                    if (page.size() == endpoint.getPageSize() || !records.hasNext()) {
                        emit(List.copyOf(page), emitted++, from, to);
                        page.clear();
                    }
                }
            }
        } else {
            emit(CentraProducer.asMap(client.query(document, variables).data()), emitted++, from, to);
        }
        if (to != null) {
            // only after every exchange went through: a failed run is read again whole
            Instant end = Instant.from(CENTRA_TIME.parse(to));
            endpoint.getComponent().watermarks().advance(watermark, position, end.toString());
        }
        return emitted;
    }

    private void emit(Object body, int index, String from, String to) throws Exception {
        Exchange exchange = createExchange(false);
        try {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeader(INDEX, index);
            if (from != null) {
                exchange.getIn().setHeader(WINDOW_FROM, from);
                exchange.getIn().setHeader(WINDOW_TO, to);
            }
            getProcessor().process(exchange);
            if (exchange.getException() != null) {
                throw exchange.getException();
            }
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
