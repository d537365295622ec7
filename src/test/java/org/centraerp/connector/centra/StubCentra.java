package org.centraerp.connector.centra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A scripted stand-in for Centra's endpoint on 127.0.0.1 (the JDK server is fine for tests; its Nagle delay is
 * irrelevant here). Answers queued replies in order, then the fallback; records every request.
 */
final class StubCentra implements AutoCloseable {

    /** A scripted answer; {@code hold} keeps the answer back (to provoke client timeouts) until released. */
    record Reply(int status, String body, Map<String, String> headers, boolean hold) {
        Reply withHeader(String name, String value) {
            Map<String, String> all = new java.util.HashMap<>(headers);
            all.put(name, value);
            return new Reply(status, body, all, hold);
        }
    }

    /** What the client sent. */
    record Request(String path, String authorization, JsonNode body) {
        JsonNode variables() {
            return body.path("variables");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Queue<Function<Request, Reply>> script = new ConcurrentLinkedQueue<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Request, Reply> fallback = request -> status(599, "no reply scripted");

    StubCentra() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    static Reply ok(String body) {
        return new Reply(200, body, Map.of(), false);
    }

    static Reply status(int status, String body) {
        return new Reply(status, body, Map.of(), false);
    }

    static Reply held() {
        return new Reply(200, "{\"data\":{}}", Map.of(), true);
    }

    StubCentra then(Reply... replies) {
        for (Reply reply : replies) {
            script.add(request -> reply);
        }
        return this;
    }

    StubCentra always(Reply reply) {
        fallback = request -> reply;
        return this;
    }

    StubCentra always(Function<Request, Reply> replies) {
        fallback = replies;
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port() + "/graphql";
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Request> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Request request = new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), JSON.readTree(raw));
            requests.add(request);
            Function<Request, Reply> next = script.poll();
            Reply reply = (next == null ? fallback : next).apply(request);
            if (reply.hold()) {
                released.await(10, TimeUnit.SECONDS);
            }
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        } catch (IOException e) {
            // the client gave up (timeout test): nothing to answer
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
