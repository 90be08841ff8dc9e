package org.provisio.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.grizzly.GrizzlyHardening;
import org.provisio.server.tls.ServerTls;

/**
 * Provisio on its own Grizzly HTTP server: a {@link ResourceConfig} with the
 * {@link ProvisioFeature} registered by hand (no classpath scanning), started on one address.
 * {@link #close()} stops accepting connections and lets requests in flight finish.
 */
public final class ProvisioServer implements AutoCloseable {
    private static final long GRACE_SECONDS = 20;

    private final HttpServer http;
    private final URI baseUri;
    private final Optional<ServerTls> tls;

    private ProvisioServer(HttpServer http, URI baseUri, Optional<ServerTls> tls) {
        this.http = http;
        this.baseUri = baseUri;
        this.tls = tls;
    }

    /** Starts serving {@code feature} on {@code bind:port} (port 0 picks a free one), hardened with the defaults. */
    public static ProvisioServer start(ProvisioFeature feature, String bind, int port) {
        return start(feature, bind, port, GrizzlyHardening.defaults());
    }

    /**
     * Starts serving {@code feature} on {@code bind:port} with {@code hardening}: bodies received
     * without holding a worker, bounded header and body times, SCIM errors for everything Grizzly
     * refuses itself.
     */
    public static ProvisioServer start(ProvisioFeature feature, String bind, int port, GrizzlyHardening hardening) {
        return start(feature, bind, port, hardening, Optional.empty());
    }

    /**
     * {@link #start(ProvisioFeature, String, int, GrizzlyHardening)}, serving HTTPS when {@code tls} is
     * given (the hardening applies alike), whose certificate files are then watched for changes until
     * {@link #close()}.
     */
    public static ProvisioServer start(ProvisioFeature feature, String bind, int port, GrizzlyHardening hardening,
                                       Optional<ServerTls> tls) {
        ResourceConfig app = application(feature);
        URI uri = URI.create("http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + port + "/");
        HttpServer http = GrizzlyHttpServerFactory.createHttpServer(uri, app, false);
        tls.ifPresent(t -> http.getListeners().forEach(listener -> {
            listener.setSecure(true);
            listener.setSSLEngineConfig(t.engineConfigurator());
        }));
        hardening.applyTo(http);
        try {
            http.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + bind + ":" + port + ": " + e.getMessage(), e);
        }
        tls.ifPresent(ServerTls::watch);
        int actual = http.getListeners().iterator().next().getPort();
        return new ProvisioServer(http, URI.create((tls.isPresent() ? "https" : "http") + "://"
                + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + actual + "/"), tls);
    }

    /** The Jersey application of the reference server: the feature and nothing discovered. */
    public static ResourceConfig application(ProvisioFeature feature) {
        return new ResourceConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                .property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true)
                .register(feature);
    }

    /** Where the server listens, e.g. {@code http://127.0.0.1:8080/}. */
    public URI baseUri() {
        return baseUri;
    }

    public int port() {
        return baseUri.getPort();
    }

    @Override
    public void close() {
        tls.ifPresent(ServerTls::close);
        try {
            http.shutdown(GRACE_SECONDS, TimeUnit.SECONDS).get(GRACE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            http.shutdownNow();
        } catch (ExecutionException | TimeoutException e) {
            http.shutdownNow();
        }
    }
}
