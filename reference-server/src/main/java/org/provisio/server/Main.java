package org.provisio.server;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.provisio.adapters.delivery.LoggingInvitationMailer;
import org.provisio.adapters.delivery.SmtpInvitationMailer;
import org.provisio.adapters.delivery.WebhookListener;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.JobObserver;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.service.Deliveries;
import org.provisio.server.config.SmtpSettings;
import org.provisio.server.console.Console;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.AuditRetention;
import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.model.ResourceLimits;
import org.provisio.domain.model.Retention;
import org.provisio.domain.port.Store;
import org.provisio.domain.service.Provisioning;
import org.provisio.server.config.ConfigException;
import org.provisio.server.config.ConfigLoader;
import org.provisio.server.config.ServerConfig;
import org.provisio.server.logging.ServerLogging;
import org.provisio.server.tls.ServerTls;
import org.provisio.adapters.memory.InMemoryCredentialCache;
import org.provisio.domain.service.ProvisioningJobs;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.grizzly.GrizzlyHardening;
import org.provisio.jaxrs.health.HealthResource;
import org.provisio.server.metrics.ServerMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar provisio-server.jar}: reads the configuration, opens the store, starts the
 * HTTP server and the background jobs, and on SIGTERM stops them in order, letting requests in
 * flight finish. A bad configuration value stops start-up with one line naming the variable.
 */
public final class Main {
    private static final Logger LOG = LoggerFactory.getLogger(Main.class);
    private static final Logger EVENTS = LoggerFactory.getLogger("provisio.events");

    private Main() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LOG.info("Provisio is starting (Java {}, pid {})", Runtime.version(), ProcessHandle.current().pid());
        ServerConfig config;
        try {
            config = ConfigLoader.fromEnvironment();
        } catch (ConfigException e) {
            System.err.println("provisio: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Running running = start(config);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.close();
                // the log's writer thread is a daemon: hand it the last lines before the JVM goes
                ServerLogging.flush();
            }, "provisio-shutdown"));
        } catch (ConfigException e) {
            // a file a variable names turned out unusable (a TLS key that does not match its certificate)
            System.err.println("provisio: " + e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            LOG.error("Provisio could not start: {}", e.getMessage());
            System.err.println("provisio: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts everything the configuration describes. */
    static Running start(ServerConfig config) {
        Optional<ServerTls> tls = config.operations().tls().map(ServerTls::load);
        // the database opens (and migrates) on the other core while the HTTP server starts; a request that
        // comes in between waits for it
        Optional<ServerMetrics> metrics = config.operations().metricsToken().map(ServerMetrics::new);
        CompletableFuture<Store> opening = CompletableFuture.supplyAsync(() -> openStore(config, metrics), runnable -> {
            Thread t = new Thread(runnable, "provisio-store-open");
            t.setDaemon(true);
            t.start();
        });
        DeferredStore store = new DeferredStore(opening);
        String adminToken = config.adminToken().orElseGet(() -> {
            String token = AdminToken.loadOrCreate(AdminToken.FILE);
            LOG.info("Admin token (PROVISIO_ADMIN_TOKEN not set) is in {} (readable only by its owner)",
                    AdminToken.FILE.toAbsolutePath());
            return token;
        });
        InMemoryCredentialCache credentialCache = InMemoryCredentialCache.create();
        Provisioning provisioning = Provisioning.builder(store)
                .clock(Clock.systemUTC())
                .retention(new Retention(config.retention()))
                .auditRetention(new AuditRetention(config.auditRetention()))
                .invitationTtl(new InvitationTtl(config.invitationTtl()))
                .outboxMaxAttempts(config.outboxMaxAttempts())
                .credentialCache(credentialCache)
                .jobObserver(metrics.map(ServerMetrics::jobs).orElse(JobObserver.NONE))
                .limits(new ResourceLimits(config.maxAttributeValues(), config.maxUserSize()))
                .cursorSecret(AdminToken.derivedKey(adminToken, "cursor"))
                .build();
        // with PROVISIO_PORT=0 and no PROVISIO_PUBLIC_URL, the URL names the port actually bound
        AtomicReference<String> publicUrl = new AtomicReference<>(config.publicUrl());
        ProvisioFeature.Builder features = ProvisioFeature.builder(provisioning, publicUrl::get)
                .maxPayloadSize(config.maxPayloadSize())
                .maxBulkOperations(config.bulkMaxOperations())
                .adminToken(adminToken)
                .standalone();
        features.authFailureLimit(config.operations().authFailureLimit());
        if (config.operations().rateLimited()) {
            features.tenantRateLimit(config.operations().rateLimit(), config.operations().rateBurst());
        }
        Console.install(features, provisioning, adminToken, publicUrl::get);
        ServerHealth health = new ServerHealth(store, config.operations().shutdownDrain());
        features.register(new HealthResource(health));
        metrics.ifPresent(m -> {
            m.install(features, provisioning.outboxStatus());
            m.credentialCache(credentialCache);
            m.keptReads(provisioning.keptReads());
        });
        ProvisioFeature feature = features.build();
        ProvisioServer server;
        try {
            server = ProvisioServer.start(feature, config.bind(), config.port(),
                    GrizzlyHardening.defaults().maxBodyBytes(config.maxPayloadSize()).workerThreads(config.httpThreads()),
                    tls);
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
        try {
            store.opened();
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        if (config.publicUrlDefaulted()) {
            publicUrl.set((tls.isPresent() ? "https" : "http") + "://localhost:" + server.port());
        }
        ServerConfig bound = config.withPublicUrl(publicUrl.get());
        ProvisioningJobs jobs = ProvisioningJobs.builder(provisioning, Deliveries.route(mailer(bound), listeners(bound)))
                .purgeInterval(config.purgeInterval())
                .start();
        LOG.info("Provisio is listening on {}:{}; public URL {}", config.bind(), server.port(), bound.publicUrl());
        LOG.info("Get SCIM credentials: curl -s -X POST -H 'Authorization: Bearer <admin token>' "
                + "-H 'Content-Type: application/json' -d '{\"name\":\"Acme\"}' {}/admin/v1/tenants, then POST "
                + "{}/admin/v1/tenants/<id>/credentials", bound.publicUrl(), bound.publicUrl());
        return new Running(server, jobs, store, health, metrics);
    }

    /** SMTP when configured, else the log (DESIGN.md: "unset: invitations are logged, not mailed"). */
    static InvitationMailer mailer(ServerConfig config) {
        if (config.smtp().isEmpty()) {
            if (config.logFullInvitationLinks()) {
                LOG.warn("PROVISIO_SMTP_HOST is not set: invitations are written to the log instead of mailed, WITH "
                        + "their links (PROVISIO_LOG_INVITATION_LINKS=full): anyone who reads the log can accept them");
                return LoggingInvitationMailer.withFullLinks(config.publicUrl());
            }
            LOG.warn("PROVISIO_SMTP_HOST is not set: invitations are not mailed; the log shows each one with a masked "
                    + "link (set PROVISIO_SMTP_HOST to mail them, or PROVISIO_LOG_INVITATION_LINKS=full to log whole links)");
            return new LoggingInvitationMailer(config.publicUrl());
        }
        SmtpSettings smtp = config.smtp().get();
        SmtpInvitationMailer.Builder b = SmtpInvitationMailer.builder(smtp.host(), smtp.port(), config.publicUrl())
                .security(SmtpInvitationMailer.Security.valueOf(smtp.tls().name()))
                .from(smtp.from());
        smtp.user().ifPresent(user -> b.credentials(user, smtp.password().orElse("")));
        return b.build();
    }

    /** The lifecycle listeners: a signed webhook when configured, and a log line per event. */
    static List<LifecycleListener> listeners(ServerConfig config) {
        List<LifecycleListener> listeners = new ArrayList<>();
        listeners.add(new LifecycleListener() {
            @Override
            public void onEvent(LifecycleEvent event) {
                EVENTS.info("event {} tenant={} user={} at={}", event.type().name().toLowerCase(Locale.ROOT),
                        event.tenantId().value(), event.userId().value(), event.at());
            }

            @Override
            public void onGroupEvent(GroupEvent event) {
                EVENTS.info("event group.{} tenant={} group={} added={} removed={} at={}",
                        event.type().name().toLowerCase(Locale.ROOT), event.tenantId().value(), event.groupId().value(),
                        event.added().size(), event.removed().size(), event.at());
            }
        });
        config.webhook().ifPresent(w -> listeners.add(new WebhookListener(w.url(), w.secret(), Clock.systemUTC())));
        return listeners;
    }

    private static Store openStore(ServerConfig config, Optional<ServerMetrics> metrics) {
        if (config.inMemory()) {
            LOG.warn("PROVISIO_DB_URL=memory: using the in-memory store; every user is lost when the server stops");
            return InMemoryStore.create();
        }
        return StoreFactory.open(config, pool -> metrics.ifPresent(m -> m.pool(pool)));
    }

    private static void closeQuietly(Store store) {
        if (store instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("Closing the store failed: {}", e.getMessage());
            }
        }
    }

    /**
     * A started server with its jobs and store, stopped in that order — after readiness has turned
     * DOWN and the drain period has passed, so that load balancers stop sending requests first.
     */
    record Running(ProvisioServer server, ProvisioningJobs jobs, Store store, ServerHealth health,
                   Optional<ServerMetrics> metrics) implements AutoCloseable {
        @Override
        public void close() {
            health.drain();
            LOG.info("Stopping: finishing requests in flight");
            server.close();
            jobs.close();
            closeQuietly(store);
            metrics.ifPresent(ServerMetrics::close);
            LOG.info("Stopped");
        }
    }
}
