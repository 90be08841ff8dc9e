package org.provisio.adapters.jdbc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageKey;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.CoreSchemas;

/**
 * The adapter's benchmark, outside the test run, on H2 (a file under target/) and on the embedded
 * PostgreSQL:
 *
 * <pre>
 * mvn -pl adapters-jdbc -am -DskipTests install
 * MAVEN_OPTS=-Xmx3g mvn -pl adapters-jdbc exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=org.provisio.adapters.jdbc.JdbcBenchmark [-Dexec.args="h2 postgresql"]
 * </pre>
 *
 * Per engine: 100,000 users provisioned through the domain (4 threads, one transaction each),
 * with lookups measured after the first 10,000; 900,000 more users loaded with batched SQL inserts
 * (through the adapter's own column and document code, not through the domain: that would take
 * too long here), 100,000 of them suspended and past their purge date; lookups and a page of 100
 * sorted by userName at 1,000,000; then the purge of the 100,000 through the domain while a
 * thread keeps looking users up.
 */
public final class JdbcBenchmark {
    private static final int PROVISIONED = 100_000;
    private static final int TOTAL = 1_000_000;
    private static final int EXPIRED = 100_000;
    private static final int LOOKUPS = 2_000;

    private final List<String> table = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        List<String> engines = args.length == 0 ? List.of("h2", "postgresql") : Arrays.asList(args);
        JdbcBenchmark benchmark = new JdbcBenchmark();
        for (String engine : engines) {
            benchmark.run(engine);
        }
        System.out.println();
        System.out.println("| engine | measurement | result |");
        System.out.println("|---|---|---|");
        benchmark.table.forEach(System.out::println);
        System.exit(0);
    }

    private void report(String engine, String what, String result) {
        String row = "| " + engine + " | " + what + " | " + result + " |";
        System.out.println(row);
        table.add(row);
    }

    private void run(String engine) throws Exception {
        String url;
        JdbcSettings settings;
        if (engine.equals("h2")) {
            Path module = Files.isDirectory(Path.of("adapters-jdbc")) ? Path.of("adapters-jdbc") : Path.of(".");
            Path dir = Files.createDirectories(module.resolve("target").resolve("benchmark"));
            url = "jdbc:h2:file:" + dir.toAbsolutePath().resolve("provisio-" + System.currentTimeMillis())
                    + ";CACHE_SIZE=262144";
            settings = new JdbcSettings(url, "", "", 8);
        } else {
            url = TestDatabase.POSTGRESQL.createEmptyUrl();
            settings = TestDatabase.POSTGRESQL.settings(url);
        }
        try (JdbcStore store = JdbcStore.open(settings)) {
            Provisioning provisioning = Provisioning.builder(store).build();
            TenantId tenant = provisioning.createTenant().create(new CreateTenant.Command("Bench", Actor.admin())).id();
            Actor actor = new Actor.Credential(TokenId.of("bench"));

            long started = System.nanoTime();
            provision(provisioning, tenant, actor, 0, 10_000);
            lookups(engine, provisioning, tenant, 10_000, "10,000");
            provision(provisioning, tenant, actor, 10_000, PROVISIONED);
            double seconds = (System.nanoTime() - started) / 1e9 - lookupSeconds;
            report(engine, "provision 100,000 users through the domain (4 threads)",
                    String.format(Locale.ROOT, "%.1f s (%.0f users/s)", seconds, PROVISIONED / seconds));

            started = System.nanoTime();
            bulkLoad(store, settings, tenant);
            report(engine, "bulk-load 900,000 more users (batched SQL, 100,000 of them expired)",
                    String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9));

            lookups(engine, provisioning, tenant, TOTAL, "1,000,000");
            page(engine, provisioning, tenant, 1, "first page");
            page(engine, provisioning, tenant, 500_001, "page at startIndex 500,001");
            keysetPages(engine, provisioning, tenant);
            purge(engine, provisioning, tenant);
        } finally {
            if (!engine.equals("h2")) {
                TestDatabase.POSTGRESQL.drop(url);
            }
        }
    }

    private static ScimResource resource(int i) {
        return ScimResource.of(ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of(CoreSchemas.USER_URN)))
                .put("userName", "user" + i + "@example.com")
                .put("externalId", "ext-" + i)
                .put("name", ComplexValue.of("givenName", StringValue.of("Given" + i), "familyName", StringValue.of("Family" + i)))
                .put("displayName", "User " + i)
                .put("emails", MultiValue.of(ComplexValue.of("value", StringValue.of("user" + i + "@work.example"),
                        "type", StringValue.of("work"), "primary", org.provisio.scim.resource.BooleanValue.TRUE)))
                .build());
    }

    private static void provision(Provisioning provisioning, TenantId tenant, Actor actor, int from, int to)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        AtomicInteger next = new AtomicInteger(from);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, actor, resource(i)));
                }
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
    }

    private double lookupSeconds;

    private void lookups(String engine, Provisioning provisioning, TenantId tenant, int population, String label) {
        long started = System.nanoTime();
        Random random = new Random(42);
        IntFunction<String> byName = i -> "userName eq \"user" + i + "@example.com\"";
        IntFunction<String> byEmail = i -> "emails[type eq \"work\" and value eq \"user" + i + "@work.example\"]";
        for (IntFunction<String> filter : List.of(byName, byEmail)) {
            for (int warm = 0; warm < 20; warm++) {
                query(provisioning, tenant, filter.apply(random.nextInt(population)));
            }
        }
        report(engine, "`userName eq` lookup at " + label + " users (p50 / p99)",
                latencies(() -> query(provisioning, tenant, byName.apply(random.nextInt(population)))));
        report(engine, "`emails[type eq \"work\" and value eq]` lookup at " + label + " users (p50 / p99)",
                latencies(() -> query(provisioning, tenant, byEmail.apply(random.nextInt(population)))));
        lookupSeconds += (System.nanoTime() - started) / 1e9;
    }

    private static void query(Provisioning provisioning, TenantId tenant, String filter) {
        long found = provisioning.queryUsers().query(tenant,
                UserQuery.filtered(Filter.parse(filter), PageRequest.first(100))).totalResults();
        if (found != 1) {
            throw new IllegalStateException(filter + " found " + found);
        }
    }

    private static String latencies(Runnable lookup) {
        long[] nanos = new long[LOOKUPS];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int n = 0;
        while (n < LOOKUPS && (n < 50 || System.nanoTime() < deadline)) {
            long t = System.nanoTime();
            lookup.run();
            nanos[n++] = System.nanoTime() - t;
        }
        return percentiles(nanos, n) + (n < LOOKUPS ? " (" + n + " lookups in 20 s)" : "");
    }

    private static String percentiles(long[] nanos, int n) {
        long[] sorted = Arrays.copyOf(nanos, n);
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%.2f ms / %.2f ms", sorted[n / 2] / 1e6,
                sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1e6);
    }

    private void page(String engine, Provisioning provisioning, TenantId tenant, int startIndex, String label) {
        UserQuery query = UserQuery.all(PageRequest.of(startIndex, 100))
                .sortedBy(SortBy.ascending(AttributePath.of("userName")));
        report(engine, "page of 100 sorted by userName at 1,000,000 users, " + label
                + " (p50 / p99 of 20, with totalResults)", timedPages(provisioning, tenant, query));
    }

    /**
     * RFC 9865 cursor pages of 100 sorted by userName: the first (which counts the total) and the one after
     * the 500,000th user (reached by walking pages of 1,000; the total carried, as a cursor carries it).
     */
    private void keysetPages(String engine, Provisioning provisioning, TenantId tenant) {
        UserQuery query = UserQuery.all(KeysetRequest.first(100))
                .sortedBy(SortBy.ascending(AttributePath.of("userName")));
        report(engine, "cursor page of 100 sorted by userName at 1,000,000 users, first page"
                + " (p50 / p99 of 20, counts totalResults)", timedPages(provisioning, tenant, query));
        Page<UserView> walked = provisioning.queryUsers().query(tenant, query.withPage(KeysetRequest.first(1000)));
        long total = walked.totalResults();
        for (int seen = 1000; seen < 500_000; seen += 1000) {
            walked = provisioning.queryUsers().query(tenant,
                    query.withPage(KeysetRequest.after(walked.next().orElseThrow(), 1000, total)));
        }
        PageKey after = walked.next().orElseThrow();
        report(engine, "cursor page of 100 sorted by userName at 1,000,000 users, after the 500,000th"
                + " (p50 / p99 of 20, total carried)",
                timedPages(provisioning, tenant, query.withPage(KeysetRequest.after(after, 100, total))));
    }

    private static String timedPages(Provisioning provisioning, TenantId tenant, UserQuery query) {
        for (int i = 0; i < 3; i++) {
            provisioning.queryUsers().query(tenant, query);
        }
        int runs = 20;
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            if (provisioning.queryUsers().query(tenant, query).items().size() != 100) {
                throw new IllegalStateException("short page");
            }
            nanos[i] = System.nanoTime() - t;
        }
        return percentiles(nanos, runs);
    }

    /** Users PROVISIONED..TOTAL through the adapter's row code in batches; the first EXPIRED of them past purge. */
    private static void bulkLoad(JdbcStore store, JdbcSettings settings, TenantId tenant) throws Exception {
        Instant now = Instant.now();
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            c.setAutoCommit(false);
            String users = "INSERT INTO users (tenant_id, id, user_name, user_name_key, user_name_fold, external_id,"
                    + " display_name_fold, given_name_fold, family_name_fold, status, suspended_ns, purge_ns, version,"
                    + " created_ns, last_modified_ns, irregular, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?)";
            String emails = "INSERT INTO user_emails (tenant_id, user_id, element, value_fold, type_fold, is_primary)"
                    + " VALUES (?, ?, ?, ?, ?, ?)";
            try (PreparedStatement u = c.prepareStatement(users); PreparedStatement e = c.prepareStatement(emails)) {
                for (int i = PROVISIONED; i < TOTAL; i++) {
                    boolean expired = i < PROVISIONED + EXPIRED;
                    Instant created = now.minus(Duration.ofDays(40));
                    User user = User.create(UserId.of("bulk-" + i), tenant,
                            UserName.of("user" + i + "@example.com"), Optional.of("ext-" + i), resource(i),
                            expired ? new Suspended.FromActive(created, now.minus(Duration.ofDays(10)))
                                    : new Pending(InvitationId.of("inv-bulk-" + i)), created);
                    JdbcUserColumns columns = JdbcUserColumns.of(user);
                    JdbcRows.bind(u, Arrays.asList(tenant.value(), user.id().value(), user.userName().value(),
                            user.userName().key(), JdbcUserColumns.fold(user.userName().value()),
                            user.externalId().orElse(null), columns.displayNameFold(), columns.givenNameFold(),
                            columns.familyNameFold(), user.status().name(),
                            expired ? JdbcTime.nanos(created) : null,
                            expired ? JdbcTime.nanos(now.minus(Duration.ofDays(10))) : null, 1L,
                            JdbcTime.nanos(created), JdbcTime.nanos(created), false,
                            JdbcDocuments.user(user.state(), user.profile())));
                    u.addBatch();
                    JdbcUserColumns.Email email = columns.emails().get(0);
                    JdbcRows.bind(e, Arrays.asList(tenant.value(), user.id().value(), 0, email.valueFold(),
                            email.typeFold(), email.primary()));
                    e.addBatch();
                    if ((i + 1) % 1000 == 0) {
                        u.executeBatch();
                        e.executeBatch();
                        c.commit();
                    }
                }
            }
            if (store.vendor().equals("POSTGRESQL")) {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
                c.commit();
            }
        }
    }

    private void purge(String engine, Provisioning provisioning, TenantId tenant) throws Exception {
        AtomicBoolean purging = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<long[]> reader = pool.submit(() -> {
            Random random = new Random(7);
            long[] nanos = new long[1_000_000];
            int n = 0;
            while (purging.get() && n < nanos.length) {
                long t = System.nanoTime();
                query(provisioning, tenant, "userName eq \"user" + random.nextInt(PROVISIONED) + "@example.com\"");
                nanos[n++] = System.nanoTime() - t;
            }
            return Arrays.copyOf(nanos, n);
        });
        long started = System.nanoTime();
        int purged = provisioning.purgeExpiredUsers().purgeExpired();
        double seconds = (System.nanoTime() - started) / 1e9;
        purging.set(false);
        long[] during = reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();
        if (purged != EXPIRED) {
            throw new IllegalStateException("purged " + purged);
        }
        report(engine, "purge 100,000 expired users through the domain (batches of 100)",
                String.format(Locale.ROOT, "%.1f s (%.0f users/s)", seconds, purged / seconds));
        report(engine, "`userName eq` lookups meanwhile (" + during.length + " lookups, p50 / p99)",
                percentiles(during, during.length));
    }
}
