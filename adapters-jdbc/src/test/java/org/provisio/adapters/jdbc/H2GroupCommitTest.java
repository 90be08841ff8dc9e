package org.provisio.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;

/**
 * H2's group commit: a write acknowledged by the store is in the database file when the call
 * returns, and concurrent writers share the file writes. The file is copied while the database is
 * still open, right after the last acknowledgement: what the copy holds is what a {@code kill -9}
 * at that instant would leave. {@code WRITE_DELAY=60000} keeps H2's own background writer out of
 * the way, so nothing but the group commit can have written the rows in time.
 */
class H2GroupCommitTest {
    private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");
    private static final int THREADS = 8;
    private static final int PER_THREAD = 40;

    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedWriteIsInTheFileAndConcurrentWritersShareStores() throws Exception {
        Path db = dir.resolve("db");
        try (JdbcStore store = JdbcStore.open(JdbcSettings.of("jdbc:h2:file:" + db + ";WRITE_DELAY=60000")
                .withMaxPoolSize(THREADS))) {
            long storesBefore = store.commits().stores();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < PER_THREAD; i++) {
                        TenantId id = TenantId.of("t-" + thread + "-" + i);
                        store.unitOfWork().run(() -> store.tenants().add(new Tenant(id, "Tenant " + id.value(), T0)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            long stores = store.commits().stores() - storesBefore;

            // what a kill -9 now would leave: the file as it is, with the database still open
            Path copy = dir.resolve("copy");
            Files.createDirectories(copy);
            Files.copy(dir.resolve("db.mv.db"), copy.resolve("db.mv.db"));

            int writes = THREADS * PER_THREAD;
            assertThat(tenantsIn(copy.resolve("db"))).as("every acknowledged tenant is in the file").isEqualTo(writes);
            assertThat(stores).as("stores of the file for %d concurrent writes", writes).isPositive().isLessThan(writes);

            long beforeReads = store.commits().stores();
            for (int i = 0; i < 20; i++) {
                assertThat(store.tenants().find(TenantId.of("t-0-" + i))).isPresent();
            }
            assertThat(store.commits().stores()).as("a reader never waits for a store").isEqualTo(beforeReads);
        }
    }

    @Test
    void aDatabaseThatStoresOnEachCommitOrLivesInMemoryCommitsDirectly() {
        try (JdbcStore onEachCommit = JdbcStore.open(JdbcSettings.of("jdbc:h2:file:" + dir.resolve("each")
                + ";WRITE_DELAY=0"));
             JdbcStore inMemory = JdbcStore.open(JdbcSettings.of("jdbc:h2:mem:group-commit-" + System.nanoTime()
                     + ";DB_CLOSE_DELAY=-1"));
             JdbcStore byDefault = JdbcStore.open(JdbcSettings.of("jdbc:h2:file:" + dir.resolve("default")))) {
            assertThat(onEachCommit.commits()).isSameAs(Commits.DIRECT);
            assertThat(inMemory.commits()).isSameAs(Commits.DIRECT);
            assertThat(byDefault.commits()).as("H2's default WRITE_DELAY keeps commits in memory")
                    .isNotSameAs(Commits.DIRECT);
        }
    }

    private static int tenantsIn(Path copy) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy, "", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM tenants WHERE id LIKE 't-%'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
