package org.centraerp.connector.centra;

import java.io.IOException;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/** One HTTP POST to Centra and its raw answer; retries, limits and parsing live elsewhere. */
final class CentraHttp implements AutoCloseable {

    /** Several flows run in parallel against one Centra host; 20 connections is well above what the limits allow. */
    private static final int MAX_CONNECTIONS_PER_ROUTE = 20;

    /**
     * The raw answer.
     *
     * @param status     HTTP status
     * @param body       body bytes, possibly empty
     * @param retryAfter the {@code Retry-After} header, or null
     */
    record Answer(int status, byte[] body, String retryAfter) {
    }

    private final CloseableHttpClient client;

    CentraHttp(Duration timeout, Duration connectTimeout) {
        this.client = build(timeout, connectTimeout);
    }

    Answer post(CentraEndpoint.Target target, byte[] json) throws IOException {
        HttpPost post = new HttpPost(target.uri());
        post.setHeader(HttpHeaders.AUTHORIZATION, "Bearer " + target.token());
        post.setHeader(HttpHeaders.ACCEPT, "application/json");
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return client.execute(post, response -> {
            byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity());
            Header retryAfter = response.getFirstHeader(HttpHeaders.RETRY_AFTER);
            return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
        });
    }

    private static CloseableHttpClient build(Duration timeout, Duration connectTimeout) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                // Nagle + delayed ACK would add ~40 ms to every small request/answer pair otherwise.
                .setDefaultSocketConfig(SocketConfig.custom()
                        .setTcpNoDelay(true)
                        .setSoTimeout(Timeout.of(timeout))
                        .build())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(timeout))
                        // a pooled connection the server closed meanwhile would fail a POST we may not repeat
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .build())
                .setMaxConnPerRoute(MAX_CONNECTIONS_PER_ROUTE)
                .setMaxConnTotal(MAX_CONNECTIONS_PER_ROUTE * 2)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(timeout))
                        .setConnectionRequestTimeout(Timeout.of(timeout))
                        .build())
                // our own retry policy knows which mutations are safe to repeat; HttpClient's does not
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .evictIdleConnections(TimeValue.ofMinutes(1))
                .setUserAgent("centra-erp-connector")
                .build();
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
