package org.provisio.server;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.core.Configuration;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.glassfish.jersey.client.ClientRequest;
import org.glassfish.jersey.client.ClientResponse;
import org.glassfish.jersey.client.spi.AsyncConnectorCallback;
import org.glassfish.jersey.client.spi.Connector;
import org.glassfish.jersey.client.spi.ConnectorProvider;
import org.glassfish.jersey.message.internal.Statuses;

/**
 * A Jersey client connector over {@code java.net.http.HttpClient} (HTTP/1.1), for the SCIM client
 * library's requests: Jersey's default {@code HttpURLConnection} connector cannot send
 * {@code PATCH} on Java 17 without opening {@code java.base} to reflection.
 */
final class JdkHttpConnector implements Connector, ConnectorProvider {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "host", "expect", "upgrade");

    private final HttpClient http;

    JdkHttpConnector() {
        this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
    }

    /** A connector over {@code http}, e.g. one that trusts a test certificate. */
    JdkHttpConnector(HttpClient http) {
        this.http = http;
    }

    @Override
    public Connector getConnector(Client client, Configuration runtimeConfig) {
        return this;
    }

    @Override
    public ClientResponse apply(ClientRequest request) {
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            if (request.hasEntity()) {
                request.setStreamProvider(contentLength -> body);
                request.writeEntity();
            }
            HttpRequest.Builder b = HttpRequest.newBuilder(request.getUri()).timeout(Duration.ofSeconds(30))
                    .method(request.getMethod(), body.size() == 0 ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
            for (Map.Entry<String, List<String>> h : request.getStringHeaders().entrySet()) {
                if (!RESTRICTED.contains(h.getKey().toLowerCase(java.util.Locale.ROOT))) {
                    h.getValue().forEach(v -> b.header(h.getKey(), v));
                }
            }
            HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            ClientResponse response = new ClientResponse(Statuses.from(r.statusCode()), request);
            r.headers().map().forEach((name, values) -> {
                if (!name.startsWith(":")) {
                    response.headers(name, values);
                }
            });
            response.setEntityStream(new ByteArrayInputStream(r.body()));
            return response;
        } catch (IOException e) {
            throw new ProcessingException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessingException(e);
        }
    }

    @Override
    public Future<?> apply(ClientRequest request, AsyncConnectorCallback callback) {
        try {
            ClientResponse response = apply(request);
            callback.response(response);
            return CompletableFuture.completedFuture(response);
        } catch (ProcessingException e) {
            callback.failure(e);
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String getName() {
        return "java.net.http";
    }

    @Override
    public void close() {
    }
}
