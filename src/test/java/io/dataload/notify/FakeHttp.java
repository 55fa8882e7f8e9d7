package io.dataload.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A local HTTP server standing in for Slack and ServiceNow; records each request and answers as told. */
final class FakeHttp implements AutoCloseable {
    record Request(String method, String path, String authorization, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failStatus = 503;

    FakeHttp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
            boolean fail = failuresLeft.getAndDecrement() > 0;
            String answer = fail ? "down for maintenance" : exchange.getRequestURI().getPath().startsWith("/api/now/")
                    ? "{\"result\": {\"number\": \"INC0012345\", \"sys_id\": \"abc\"}}" : "ok";
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? failStatus : exchange.getRequestURI().getPath().startsWith("/api/now/") ? 201 : 200,
                    bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** The next {@code count} requests get HTTP 503. */
    void failNext(int count) {
        failNext(count, 503);
    }

    /** The next {@code count} requests get HTTP {@code status}. */
    void failNext(int count, int status) {
        failStatus = status;
        failuresLeft.set(count);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<Request> requests(String pathPrefix) {
        return requests.stream().filter(r -> r.path().startsWith(pathPrefix)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
