package org.provisio.jaxrs.scim;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.port.Store;

/**
 * A manual timing, not a test: 1,000 users created with one Bulk request against 1,000 single POSTs
 * on the same server, alternating which goes first. Run it with the test classpath, and for H2 the
 * JDBC adapter and driver too, naming the database:
 *
 * <pre>{@code
 * java -cp <test classpath>:<adapters-jdbc>:<h2>:<HikariCP> org.provisio.jaxrs.scim.BulkTiming \
 *     "jdbc:h2:file:/tmp/bulk-timing;WRITE_DELAY=0"
 * }</pre>
 *
 * Without an argument it runs on the in-memory store. The JDBC store is opened reflectively so that
 * this module's tests need no JDBC on their classpath.
 */
public final class BulkTiming {
    private static final int USERS = 1_000;

    private BulkTiming() {
    }

    public static void main(String[] args) throws Exception {
        Store store = args.length == 0 ? InMemoryStore.create() : jdbc(args[0]);
        try (ScimTestServer server = ScimTestServer.over(store)) {
            System.out.println("store: " + (args.length == 0 ? "in-memory" : args[0]));
            singles(server, "warm", 300);
            bulk(server, "warmbulk", 300);
            for (int round = 1; round <= 3; round++) {
                boolean bulkFirst = round % 2 == 0;
                long a = bulkFirst ? bulk(server, "b" + round, USERS) : singles(server, "s" + round, USERS);
                long b = bulkFirst ? singles(server, "s" + round, USERS) : bulk(server, "b" + round, USERS);
                long bulkMs = bulkFirst ? a : b;
                long singleMs = bulkFirst ? b : a;
                System.out.printf("round %d: %d single POSTs %d ms (%.2f ms each), one Bulk of %d POSTs %d ms "
                        + "(%.2f ms each), bulk/single %.2f%n", round, USERS, singleMs, singleMs / (double) USERS, USERS,
                        bulkMs, bulkMs / (double) USERS, bulkMs / (double) singleMs);
            }
        } finally {
            if (store instanceof AutoCloseable c) {
                c.close();
            }
        }
    }

    private static long singles(ScimTestServer server, String prefix, int n) {
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> r = server.scim("POST", "/Users", BulkResourceTest.q(
                    "{" + BulkResourceTest.USER + "'userName':'" + prefix + i + "@example.com'}"));
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.body());
            }
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static long bulk(ScimTestServer server, String prefix, int n) {
        List<String> ops = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ops.add(BulkResourceTest.postUser("u" + i, prefix + i + "@example.com"));
        }
        String body = BulkResourceTest.request(ops.toArray(String[]::new));
        long start = System.nanoTime();
        HttpResponse<String> r = server.scim(server.b, "POST", "/Bulk", body);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (r.statusCode() != 200 || r.body().contains("\"response\"")) {
            throw new IllegalStateException(r.body().substring(0, Math.min(2_000, r.body().length())));
        }
        return ms;
    }

    private static Store jdbc(String url) throws ReflectiveOperationException {
        Class<?> settings = Class.forName("org.provisio.adapters.jdbc.JdbcSettings");
        Object s = settings.getMethod("of", String.class).invoke(null, url);
        return (Store) Class.forName("org.provisio.adapters.jdbc.JdbcStore").getMethod("open", settings).invoke(null, s);
    }
}
