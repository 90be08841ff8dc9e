package org.provisio.jaxrs.grizzly;

import java.time.Duration;
import java.util.HashMap;
import java.util.Objects;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;

/**
 * What a Grizzly server serving Provisio needs before {@code start()}, in one call, for the
 * reference server and for a product that runs its own Grizzly:
 * <ul>
 *   <li>request bodies are received without holding a worker thread, within a deadline and a size
 *       limit, a bounded number at once per client address ({@link BodyBuffering});</li>
 *   <li>a client that does not finish its request headers, or stays idle between requests, is
 *       disconnected after {@code idleTimeout};</li>
 *   <li>request line and headers may be {@code maxHeaderBytes} long together (64 KiB by default, room
 *       for a 10,000-character filter percent-encoded), beyond which the answer is 414 or 431 with a
 *       SCIM error that points to {@code POST .search};</li>
 *   <li>every error Grizzly answers itself (a malformed URI, a full queue) is SCIM Error JSON, never
 *       its HTML page with a stack trace and version;</li>
 *   <li>Java's {@code HttpClient} offering an h2c upgrade is served as HTTP/1.1 ({@link IgnoreH2cUpgrade});</li>
 *   <li>the client's address reaches the application as the request property
 *       {@link org.provisio.jaxrs.http.AccessFilter#CLIENT_ADDRESS_PROPERTY}, for the limit on failed
 *       authentications.</li>
 * </ul>
 * All of it applies alike to a listener serving TLS ({@code listener.setSecure(true)}).
 *
 * <pre>{@code
 * HttpServer server = GrizzlyHttpServerFactory.createHttpServer(uri, resourceConfig, false);
 * GrizzlyHardening.defaults().maxBodyBytes(1_048_576).applyTo(server);
 * server.start();
 * }</pre>
 */
public final class GrizzlyHardening {
    private Duration bodyDeadline = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(20);
    private long maxBodyBytes = 1_048_576;
    private int maxHeaderBytes = 65_536;
    private int maxBodiesPerAddress = 64;
    private int workerThreads = 32;

    private GrizzlyHardening() {
    }

    /** Bodies within 30 s and 1 MiB, 64 at once per address; headers within 20 s and 64 KiB; 32 workers. */
    public static GrizzlyHardening defaults() {
        return new GrizzlyHardening();
    }

    /** How long a request body may take to arrive (else 408). */
    public GrizzlyHardening bodyDeadline(Duration value) {
        this.bodyDeadline = positive(value, "bodyDeadline");
        return this;
    }

    /** How long a client may take to send its request headers, and stay idle between requests. */
    public GrizzlyHardening idleTimeout(Duration value) {
        this.idleTimeout = positive(value, "idleTimeout");
        return this;
    }

    /** The largest request body (else 413). */
    public GrizzlyHardening maxBodyBytes(long value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive");
        }
        this.maxBodyBytes = value;
        return this;
    }

    /** The longest request line and headers together (else 414 or 431). */
    public GrizzlyHardening maxHeaderBytes(int value) {
        if (value < 8_192) {
            throw new IllegalArgumentException("maxHeaderBytes must be at least 8192");
        }
        this.maxHeaderBytes = value;
        return this;
    }

    /** How many request bodies of one client address are received at once (else 503). */
    public GrizzlyHardening maxBodiesPerAddress(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxBodiesPerAddress must be positive");
        }
        this.maxBodiesPerAddress = value;
        return this;
    }

    /**
     * How many worker threads serve requests (default 32). Grizzly's default, two per core, leaves a
     * 2-core server four requests in flight, each waiting on the database for most of its time, and
     * leaves nothing to combine for concurrent changes of one user.
     */
    public GrizzlyHardening workerThreads(int value) {
        if (value < 2) {
            throw new IllegalArgumentException("workerThreads must be at least 2");
        }
        this.workerThreads = value;
        return this;
    }

    /** Applies everything to a server that has not started yet. */
    public void applyTo(HttpServer server) {
        Objects.requireNonNull(server, "server");
        if (server.isStarted()) {
            throw new IllegalStateException("apply the hardening before the server starts");
        }
        ServerConfiguration config = server.getServerConfiguration();
        config.setDefaultErrorPageGenerator(new ScimErrorPages());
        config.setMaxPostSize(maxBodyBytes);
        // after a refused body, close instead of reading the rest of it
        config.setMaxPayloadRemainderToSkip(64 * 1024);
        new HashMap<>(config.getHttpHandlersWithMapping()).forEach((handler, mappings) -> {
            config.removeHttpHandler(handler);
            config.addHttpHandler(new BodyBuffering(handler, bodyDeadline.toMillis(), maxBodyBytes,
                    maxBodiesPerAddress), mappings);
        });
        for (NetworkListener listener : server.getListeners()) {
            listener.setMaxHttpHeaderSize(maxHeaderBytes);
            listener.getKeepAlive().setIdleTimeoutInSeconds((int) Math.max(1, idleTimeout.toSeconds()));
            listener.registerAddOn(new IgnoreH2cUpgrade());
            listener.registerAddOn(new ScimCodec());
            ThreadPoolConfig workers = listener.getTransport().getWorkerThreadPoolConfig();
            listener.getTransport().setWorkerThreadPoolConfig((workers == null ? ThreadPoolConfig.defaultConfig()
                    : workers).copy().setCorePoolSize(workerThreads).setMaxPoolSize(workerThreads));
        }
    }

    private static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return d;
    }
}
