package org.provisio.server.tls;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.provisio.server.config.ConfigException;
import org.provisio.server.config.TlsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server side of TLS: an {@link SSLContext} over the certificate and key of a
 * {@link TlsSettings}, and the Grizzly {@link SSLEngineConfigurator} that serves it with TLS 1.3 and
 * TLS 1.2 only, with forward-secret AEAD cipher suites only (ECDHE with AES-GCM or ChaCha20-Poly1305
 * for TLS 1.2) and without asking clients for certificates.
 *
 * <p>{@link #watch()} checks the files every few seconds; when their content has changed, the new
 * certificate is served to new connections, while connections already open are left as they are. A
 * change that cannot be used (a key that does not match, a half-written file) is logged in one line
 * once it has stayed that way for two checks, and the certificate in use is kept.
 *
 * <pre>{@code
 * ServerTls tls = ServerTls.load(new TlsSettings.Pem(Path.of("fullchain.pem"), Path.of("privkey.pem")));
 * listener.setSecure(true);
 * listener.setSSLEngineConfig(tls.engineConfigurator());
 * tls.watch();
 * }</pre>
 */
public final class ServerTls implements AutoCloseable {
    /** How often {@link #watch()} looks at the files. */
    public static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ServerTls.class);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** Mozilla's "intermediate" suites without the DHE ones: AEAD with forward secrecy only. */
    private static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final TlsSettings settings;
    private final Duration interval;
    private final ReloadingKeyManager keys;
    private final SSLEngineConfigurator engines;
    private byte[] installed;
    private byte[] failing;
    private byte[] reported;
    private ScheduledExecutorService watcher;

    private ServerTls(TlsSettings settings, Duration interval, List<byte[]> contents, KeyMaterial material) {
        this.settings = settings;
        this.interval = interval;
        this.keys = new ReloadingKeyManager(material);
        this.installed = digest(contents);
        SSLContext context;
        try {
            context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[] {keys}, null, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no TLS: " + e.getMessage(), e);
        }
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        this.engines = new SSLEngineConfigurator(context, false, false, false)
                .setEnabledProtocols(PROTOCOLS.clone())
                .setEnabledCipherSuites(CIPHER_SUITES.stream().filter(supported::contains).toArray(String[]::new));
    }

    /**
     * Reads the certificate and key {@code settings} names and checks that they belong together; a
     * problem is a {@link ConfigException} whose message is one line naming the variable.
     */
    public static ServerTls load(TlsSettings settings) {
        return load(settings, WATCH_INTERVAL);
    }

    /** {@link #load(TlsSettings)}, with the files watched every {@code watchInterval}. */
    public static ServerTls load(TlsSettings settings, Duration watchInterval) {
        Objects.requireNonNull(settings, "settings");
        if (watchInterval.isNegative() || watchInterval.isZero()) {
            throw new IllegalArgumentException("watchInterval must be positive");
        }
        List<byte[]> contents = KeyMaterial.read(settings);
        KeyMaterial material = KeyMaterial.parse(settings, contents);
        warnIfNotValidNow(material.leaf());
        ServerTls tls = new ServerTls(settings, watchInterval, contents, material);
        LOG.info("TLS: serving {}", describe(material.leaf()));
        return tls;
    }

    /** How a Grizzly listener serves TLS with this certificate: {@code listener.setSSLEngineConfig(...)}. */
    public SSLEngineConfigurator engineConfigurator() {
        return engines;
    }

    /** The certificate new connections are served. */
    public X509Certificate certificate() {
        return keys.material().leaf();
    }

    /** Starts looking at the files every interval, in a daemon thread; {@link #close()} stops it. */
    public synchronized void watch() {
        if (watcher != null) {
            return;
        }
        watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "provisio-tls-watch");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Reads the files now: {@code true} if they held a new certificate, now served; {@code false} if
     * they are unchanged or unusable (logged in one line, the current certificate kept).
     */
    public synchronized boolean reload() {
        return attempt(true);
    }

    /** One look of the watcher; package-private for tests. */
    synchronized void check() {
        try {
            attempt(false);
        } catch (RuntimeException e) {
            LOG.warn("TLS certificate check failed: {}", e.toString());
        }
    }

    /** One look at the files; a failure is logged at once when {@code eager}, else once it was seen twice. */
    private boolean attempt(boolean eager) {
        List<byte[]> contents;
        byte[] seen;
        KeyMaterial material;
        try {
            contents = KeyMaterial.read(settings);
            seen = digest(contents);
            if (Arrays.equals(seen, installed)) {
                failing = null;
                return false;
            }
            material = KeyMaterial.parse(settings, contents);
        } catch (ConfigException e) {
            byte[] problem = digest(List.of(e.getMessage().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            if ((eager || Arrays.equals(problem, failing)) && !Arrays.equals(problem, reported)) {
                LOG.warn("TLS certificate not reloaded, still serving {}: {}", describe(certificate()),
                        e.getMessage());
                reported = problem;
            }
            failing = problem;
            return false;
        }
        keys.install(material);
        installed = seen;
        failing = null;
        reported = null;
        warnIfNotValidNow(material.leaf());
        LOG.info("TLS certificate reloaded: now serving {}", describe(material.leaf()));
        return true;
    }

    private static void warnIfNotValidNow(X509Certificate leaf) {
        Instant now = Instant.now();
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            LOG.warn("TLS: the certificate expired at {}; clients will refuse it", leaf.getNotAfter().toInstant());
        } else if (now.isBefore(leaf.getNotBefore().toInstant())) {
            LOG.warn("TLS: the certificate is valid only from {}; clients will refuse it until then",
                    leaf.getNotBefore().toInstant());
        }
    }

    private static String describe(X509Certificate leaf) {
        return "'" + leaf.getSubjectX500Principal().getName() + "' valid until " + leaf.getNotAfter().toInstant();
    }

    private static byte[] digest(List<byte[]> contents) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] c : contents) {
                sha.update(Integer.toString(c.length).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(c);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Stops watching the files. */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
