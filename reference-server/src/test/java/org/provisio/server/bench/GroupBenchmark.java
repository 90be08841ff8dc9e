package org.provisio.server.bench;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.provisio.adapters.jdbc.JdbcSettings;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.Store;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.server.ServerFixture;

/**
 * A large group over HTTP, on the in-memory store and on an H2 file database: 10,000 users (loaded
 * through the domain, not measured), added to one group by {@code PATCH} in batches of 100
 * members (time per batch, p50/p99, and in total), then {@code GET /Groups/{id}?excludedAttributes=members}
 * (p50/p99) and one full {@code GET} with all 10,000 members. Not part of the test run.
 *
 * <p>Run: {@code mvn -B -q -pl reference-server -am install -DskipTests && mvn -B -q -pl reference-server
 * exec:java -Dexec.classpathScope=test -Dexec.mainClass=org.provisio.server.bench.GroupBenchmark}
 * (optional arguments: users, batch size, GET repetitions).
 */
public final class GroupBenchmark {
    private GroupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int gets = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        run("memory", InMemoryStore::create, users, batch, gets);
        Path dir = Files.createTempDirectory("provisio-group-bench");
        JdbcStore[] h2 = new JdbcStore[1];
        try {
            run("H2 file", () -> h2[0] = JdbcStore.open(JdbcSettings.of("jdbc:h2:file:" + dir.resolve("bench"))),
                    users, batch, gets);
        } finally {
            if (h2[0] != null) {
                h2[0].close();
            }
        }
    }

    private static void run(String name, Supplier<Store> stores, int users, int batch, int gets) {
        Store store = stores.get();
        try (ServerFixture server = ServerFixture.with(store, Clock.systemUTC(), 4_194_304)) {
            TenantId tenant = TenantId.of(server.tenantId);
            Actor actor = new Actor.Credential(TokenId.of("bench"));
            List<String> ids = new ArrayList<>(users);
            for (int i = 0; i < users; i++) {
                ComplexValue resource = ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                        + "\"userName\":\"member" + i + "@example.com\",\"active\":true}");
                ids.add(server.provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, actor,
                        ScimResource.of(resource))).orElseThrow(r -> new IllegalStateException(r.toString())).user().id().value());
            }
            HttpResponse<String> created = server.scim("POST", "/Groups",
                    "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Everyone\",\"members\":[]}");
            String group = ServerFixture.json(created).getText("id").orElseThrow();

            long[] patches = new long[(users + batch - 1) / batch];
            long start = System.nanoTime();
            for (int b = 0; b < patches.length; b++) {
                StringBuilder members = new StringBuilder();
                for (int i = b * batch; i < Math.min(users, (b + 1) * batch); i++) {
                    members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(ids.get(i)).append("\"}");
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = server.scim("PATCH", "/Groups/" + group,
                        "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Add\","
                                + "\"path\":\"members\",\"value\":[" + members + "]}]}");
                patches[b] = System.nanoTime() - t0;
                check(r, 204);
            }
            long total = System.nanoTime() - start;

            long[] reads = new long[gets];
            for (int i = 0; i < gets; i++) {
                long t0 = System.nanoTime();
                check(server.scim("GET", "/Groups/" + group + "?excludedAttributes=members", null), 200);
                reads[i] = System.nanoTime() - t0;
            }
            long t0 = System.nanoTime();
            HttpResponse<String> full = server.scim("GET", "/Groups/" + group, null);
            long fullRead = System.nanoTime() - t0;
            check(full, 200);
            int members = ServerFixture.json(full).getMulti("members").size();

            System.out.printf(Locale.ROOT, "%-8s %d users, %d PATCH batches of %d: p50 %.2f ms, p99 %.2f ms, total %.2f s%n",
                    name, users, patches.length, batch, ms(percentile(patches, 50)), ms(percentile(patches, 99)),
                    total / 1e9);
            System.out.printf(Locale.ROOT, "%-8s GET excludedAttributes=members x%d: p50 %.2f ms, p99 %.2f ms;"
                    + " full GET with %d members: %.1f ms%n", name, gets, ms(percentile(reads, 50)),
                    ms(percentile(reads, 99)), members, ms(fullRead));
        }
    }

    private static void check(HttpResponse<String> r, int status) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
    }

    private static long percentile(long[] values, int p) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
