package dev.retention.webhook;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A webhook receiver on localhost: answers the n-th request (from 0) as {@code behaviour} says and records every
 * request with the answer it gave.
 */
final class Receiver implements AutoCloseable {

    /** What to do with one request: wait, then answer with a status. */
    record Answer(long delayMillis, int status) {

        static Answer status(int status) {
            return new Answer(0, status);
        }
    }

    record Request(String id, String timestamp, String signature, String contentType, String body, int answered) {

        boolean acknowledged() {
            return answered >= 200 && answered < 300;
        }
    }

    private final int port;
    private final IntFunction<Answer> behaviour;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;

    private Receiver(int port, IntFunction<Answer> behaviour) {
        this.port = port;
        this.behaviour = behaviour;
    }

    /** A receiver on a free port, not yet listening: requests to it are refused until {@link #start()}. */
    static Receiver onFreePort(IntFunction<Answer> behaviour) throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return new Receiver(probe.getLocalPort(), behaviour);
        }
    }

    static Receiver started(IntFunction<Answer> behaviour) throws IOException {
        Receiver receiver = onFreePort(behaviour);
        receiver.start();
        return receiver;
    }

    Receiver start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/hooks", exchange -> {
            Answer answer = behaviour.apply(calls.getAndIncrement());
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(
                    headers.getFirst("webhook-id"),
                    headers.getFirst("webhook-timestamp"),
                    headers.getFirst("webhook-signature"),
                    headers.getFirst("Content-Type"),
                    body,
                    answer.status()));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hooks";
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
