package org.centraerp.connector.centra.camel;

import java.time.Duration;

import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.support.ScheduledPollEndpoint;
import org.centraerp.connector.centra.CentraClient;

/** {@code centra:query} or {@code centra:mutation} with one document; see {@link CentraComponent}. */
@UriEndpoint(firstVersion = "4.17.0", scheme = "centra", title = "Centra", syntax = "centra:operation",
        category = {Category.API})
public class CentraApiEndpoint extends ScheduledPollEndpoint {

    enum Operation { QUERY, MUTATION }

    /** What a consumer emits per exchange. */
    public enum Emit { RECORD, PAGE }

    private final Operation operation;
    private String document;
    private int pageSize;
    private String listField;
    private Emit emit = Emit.RECORD;
    private String watermark;
    private Duration lag = Duration.ofSeconds(2);
    private CentraClient.Retry retry = CentraClient.Retry.NEVER;
    private String resolved;

    CentraApiEndpoint(String uri, CentraComponent component, Operation operation) {
        super(uri, component);
        this.operation = operation;
    }

    @Override
    public CentraComponent getComponent() {
        return (CentraComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new CentraProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (operation != Operation.QUERY) {
            throw new IllegalArgumentException("centra:mutation cannot start a route: use centra:query in from:");
        }
        CentraQueryConsumer consumer = new CentraQueryConsumer(this, processor);
        configureConsumer(consumer); // delay, or scheduler=quartz&scheduler.cron=..., as any polling consumer
        return consumer;
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        if (document == null || document.isBlank()) {
            throw new IllegalArgumentException(getEndpointUri() + ": set document=<name> (a file centra/<name>.graphql"
                    + " on the class path or mappings/<customer>/queries/<name>.graphql)");
        }
        if (pageSize < 0 || pageSize > CentraClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(getEndpointUri() + ": pageSize must be 1.." + CentraClient.MAX_PAGE_SIZE
                    + " (0: not paged)");
        }
        resolved = getComponent().resolve(document);
        boolean mutation = getComponent().client().isMutation(resolved);
        if (mutation != (operation == Operation.MUTATION)) {
            throw new IllegalArgumentException(getEndpointUri() + ": document '" + document + "' is "
                    + (mutation ? "a mutation: use centra:mutation" : "a query: use centra:query"));
        }
    }

    boolean isMutation() {
        return operation == Operation.MUTATION;
    }

    /** The document's name as the client knows it (after start). */
    String resolvedDocument() {
        return resolved;
    }

    /** Where the list is under {@code data}: listField, or the document's name. */
    String list() {
        if (listField != null && !listField.isBlank()) {
            return listField;
        }
        return document.substring(document.lastIndexOf('/') + 1).replace(".graphql", "");
    }

    public String getDocument() {
        return document;
    }

    /** The GraphQL document, e.g. {@code customers} for {@code centra/customers.graphql}. */
    public void setDocument(String document) {
        this.document = document;
    }

    public int getPageSize() {
        return pageSize;
    }

    /** Page through the list, {@code pageSize} items per call (1..200); 0: one call. */
    public void setPageSize(int pageSize) {
        this.pageSize = pageSize;
    }

    public String getListField() {
        return listField;
    }

    /** Where the list is under {@code data}, e.g. {@code customers}; default: the document's name. */
    public void setListField(String listField) {
        this.listField = listField;
    }

    public Emit getEmit() {
        return emit;
    }

    /** Consumer: one exchange per record (default) or per page. */
    public void setEmit(Emit emit) {
        this.emit = emit;
    }

    public String getWatermark() {
        return watermark;
    }

    /** Consumer: only changes since the last run, tracked under this name in the state database. */
    public void setWatermark(String watermark) {
        this.watermark = watermark;
    }

    public Duration getLag() {
        return lag;
    }

    /** Consumer with a watermark: a window ends this long before now, so late writes in Centra are not missed. */
    public void setLag(Duration lag) {
        this.lag = lag;
    }

    public CentraClient.Retry getRetry() {
        return retry;
    }

    /** Mutation: SAFE when sending it twice does no harm (then retried on 5xx/timeouts); NEVER by default. */
    public void setRetry(CentraClient.Retry retry) {
        this.retry = retry;
    }
}
