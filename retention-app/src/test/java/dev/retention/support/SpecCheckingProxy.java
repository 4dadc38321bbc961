package dev.retention.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A local forwarder in front of the service for clients that make their own calls, such as the generated client:
 * every exchange passes through {@link Http}, so each answer is checked against the OpenAPI document like the
 * answers of every other test.
 */
public final class SpecCheckingProxy implements AutoCloseable {

    /** Headers the JDK client sets itself and refuses to be given. */
    private static final Set<String> HOP_BY_HOP =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding", "keep-alive");

    private final HttpServer server;
    private final Http service;
    private final List<String> breaches = new CopyOnWriteArrayList<>();

    private SpecCheckingProxy(HttpServer server, Http service) {
        this.server = server;
        this.service = service;
    }

    /** Starts a forwarder to the service on {@code servicePort} on a free local port. */
    public static SpecCheckingProxy forward(int servicePort) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            SpecCheckingProxy proxy = new SpecCheckingProxy(server, new Http("http://localhost:" + servicePort, null));
            server.createContext("/", proxy::relay);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.equalsIgnoreCase("Content-Type")) {
                    headers.put(name, String.join(", ", values));
                }
            });
            String target = exchange.getRequestURI().getRawPath()
                    + (exchange.getRequestURI().getRawQuery() == null
                            ? ""
                            : "?" + exchange.getRequestURI().getRawQuery());
            Http.Response answer = service.sendBytes(
                    exchange.getRequestMethod(),
                    target,
                    body.length == 0 ? null : body,
                    exchange.getRequestHeaders().getFirst("Content-Type"),
                    headers);
            answer.raw().headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    exchange.getResponseHeaders().put(name, List.copyOf(values));
                }
            });
            byte[] bytes = answer.body() == null ? new byte[0] : answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (AssertionError broken) {
            // The answer breaks the document: the client gets a 599 saying why, and close() fails the test even
            // when the test expected an error.
            breaches.add(broken.getMessage());
            byte[] why = broken.getMessage().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(599, why.length);
            exchange.getResponseBody().write(why);
        } finally {
            exchange.close();
        }
    }

    /** Stops the forwarder; fails if any answer that passed through broke the document. */
    @Override
    public void close() {
        server.stop(0);
        if (!breaches.isEmpty()) {
            throw new AssertionError(String.join("\n", breaches));
        }
    }
}
