package com.example.product;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.h2.jdbcx.JdbcConnectionPool;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.Retention;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.service.Deliveries;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.service.ProvisioningJobs;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.jaxrs.ProvisioFeature;
import org.provisio.jaxrs.grizzly.GrizzlyHardening;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A product that embeds Provisio: one database (its accounts and Provisio's tables), one Jersey
 * application on Grizzly (its API and Provisio's SCIM, invitation and admin endpoints), Provisio's
 * background jobs, and a listener that keeps its accounts in step with the identity provider.
 *
 * <pre>{@code
 * try (EmbeddedProduct product = EmbeddedProduct.start(EmbeddedProduct.Settings.defaults())) {
 *     EmbeddedProduct.Connection acme = product.connectOrganization("Acme");
 *     // paste acme.tenantUrl() and acme.secretToken() into Entra ID's provisioning page
 * }
 * }</pre>
 */
public final class EmbeddedProduct implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedProduct.class);

    /**
     * What the product is started with.
     *
     * @param port          HTTP port; 0 picks a free one
     * @param jdbcUrl       the product's database, which Provisio shares
     * @param retention     how long a suspended person's account is kept (Provisio's default: 30 days)
     * @param purgeInterval how often Provisio purges those whose retention has ended
     * @param mailer        sends invitation emails; in production {@code SmtpInvitationMailer} of
     *                      {@code adapters-delivery}, or the product's own mail service
     */
    public record Settings(int port, String jdbcUrl, Duration retention, Duration purgeInterval,
                           InvitationMailer mailer) {
        public static Settings defaults() {
            return new Settings(8080, "jdbc:h2:file:./product-data/product", Retention.DEFAULT.period(),
                    Duration.ofHours(1), email -> LOG.info("Invitation for {} (wire your mail service here)",
                    email.to()));
        }
    }

    /** What an organization admin copies into the identity provider: shown once, only a hash is kept. */
    public record Connection(String tenantUrl, String secretToken) {
        @Override
        public String toString() {
            return "Connection[tenantUrl=" + tenantUrl + ", secretToken=...]";
        }
    }

    private final JdbcConnectionPool db;
    private final Accounts accounts;
    private final Provisioning provisioning;
    private final ProvisioningJobs jobs;
    private final HttpServer server;
    private final String publicUrl;

    private EmbeddedProduct(JdbcConnectionPool db, Accounts accounts, Provisioning provisioning,
                            ProvisioningJobs jobs, HttpServer server, String publicUrl) {
        this.db = db;
        this.accounts = accounts;
        this.provisioning = provisioning;
        this.jobs = jobs;
        this.server = server;
        this.publicUrl = publicUrl;
    }

    public static EmbeddedProduct start(Settings settings) {
        // 1. The product's database: its own schema first, then Provisio migrates its tables beside it.
        //    JdbcStore.open(DataSource) leaves the pool to its owner, the product.
        JdbcConnectionPool db = JdbcConnectionPool.create(settings.jdbcUrl(), "", "");
        Accounts accounts = new Accounts(db);
        accounts.createSchema();
        JdbcStore store = JdbcStore.open(db);

        // 2. The domain: every use case, over that store.
        Provisioning provisioning = Provisioning.builder(store)
                .retention(Retention.of(settings.retention()))
                .build();

        // 3. One Jersey application: the product's resources and Provisio's. The public URL is the base
        //    of tenant URLs and invitation links; with port 0 it is known only once the server listens.
        AtomicReference<String> publicUrl = new AtomicReference<>("http://localhost:" + settings.port());
        ResourceConfig app = new ResourceConfig()
                .property(ServerProperties.WADL_FEATURE_DISABLE, true)
                // Jersey warns that a resource registered as an instance "will be ignored": it is not (#3700)
                .register(new AccountsResource(accounts))
                .register(ProvisioFeature.builder(provisioning, publicUrl::get).build());

        // 4. Grizzly, hardened before it starts: bounded request bodies and headers, SCIM errors instead
        //    of Grizzly's HTML pages, and Java's HttpClient (which offers an h2c upgrade on http://)
        //    served as HTTP/1.1 (IgnoreH2cUpgrade). This limits the product's own endpoints' bodies too.
        HttpServer server = GrizzlyHttpServerFactory.createHttpServer(
                URI.create("http://127.0.0.1:" + settings.port() + "/"), app, false);
        GrizzlyHardening.defaults().applyTo(server);
        try {
            server.start();
        } catch (IOException e) {
            db.dispose();
            throw new UncheckedIOException("cannot listen on port " + settings.port(), e);
        }
        publicUrl.set("http://localhost:" + server.getListeners().iterator().next().getPort());

        // 5. Provisio's background work: the retention purge (the promise that a suspended person is gone
        //    after the retention period), and the outbox: invitation emails to the mailer, lifecycle
        //    events to the product's listener.
        ProvisioningJobs jobs = ProvisioningJobs.builder(provisioning,
                        Deliveries.route(settings.mailer(), List.of(new AccountsListener(accounts,
                                provisioning.listUsersByStatus()))))
                .purgeInterval(settings.purgeInterval())
                .start();

        LOG.info("Listening on {}", publicUrl.get());
        return new EmbeddedProduct(db, accounts, provisioning, jobs, server, publicUrl.get());
    }

    /**
     * What the product's "Settings > User provisioning > Get credentials" page does: a Provisio tenant
     * for the organization and a SCIM credential for its identity provider. (Behind the product's own
     * authentication of organization admins, and storing the tenant id with the organization.)
     */
    public Connection connectOrganization(String name) {
        Tenant tenant = provisioning.createTenant().create(new CreateTenant.Command(name, Actor.admin()));
        IssuedCredential credential = provisioning.issueCredential()
                .issue(new IssueCredential.Command(tenant.id(), Actor.admin()))
                .orElseThrow(refusal -> new IllegalStateException(refusal.toString()));
        return new Connection(publicUrl + "/scim/v2/" + tenant.id().value(), credential.secretToken());
    }

    public String publicUrl() {
        return publicUrl;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Provisioning provisioning() {
        return provisioning;
    }

    /** Stops in order: no new requests (those in flight finish), then the jobs, then the database. */
    @Override
    public void close() {
        try {
            server.shutdown(10, TimeUnit.SECONDS).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.shutdownNow();
        } catch (ExecutionException e) {
            server.shutdownNow();
        }
        jobs.close();
        db.dispose();
    }

    /** Runs the product on port 8080; on its first start, connects a "Demo" organization. */
    public static void main(String[] args) {
        EmbeddedProduct product = start(Settings.defaults());
        Runtime.getRuntime().addShutdownHook(new Thread(product::close, "product-shutdown"));
        if (product.provisioning.listTenants().list().isEmpty()) {
            Connection demo = product.connectOrganization("Demo");
            System.out.println("Tenant URL:   " + demo.tenantUrl());
            System.out.println("Secret token: " + demo.secretToken() + "  (shown once)");
        }
    }
}
