package org.provisio.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.service.Provisioning;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ScimResource;

/**
 * Two stores on one PostgreSQL database, as two reference-server instances would be: their
 * outbox dispatchers and purge jobs race for the same rows and never take the same one, and the
 * dispatchers never deliver two messages of one user at once nor out of order.
 */
class PostgresClaimRaceTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");

    private String url;
    private JdbcStore first;
    private JdbcStore second;
    private ExecutorService pool;

    @BeforeEach
    void openTwoInstances() {
        url = TestDatabase.POSTGRESQL.createUrl();
        first = JdbcStore.open(TestDatabase.POSTGRESQL.settings(url));
        second = JdbcStore.open(TestDatabase.POSTGRESQL.settings(url));
        first.tenants().add(new Tenant(TENANT, "Acme", T0));
        pool = Executors.newFixedThreadPool(4);
    }

    @AfterEach
    void close() {
        pool.shutdownNow();
        first.close();
        second.close();
        TestDatabase.POSTGRESQL.drop(url);
    }

    @Test
    void twoDispatchersNeverClaimTheSameMessageNorTwoOfOneUserAtOnce() throws Exception {
        int users = 40;
        int perUser = 10;
        for (int u = 0; u < users; u++) {
            for (int i = 0; i < perUser; i++) {
                first.outbox().append(new OutboxMessage("m-" + u + "-" + i, TENANT, UserId.of("u" + u),
                        OutboxMessage.Kind.PROVISIONED, T0, Map.of("index", Integer.toString(i))));
            }
        }
        Map<UserId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        List<OutboxMessage> log = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> dispatchers = new ArrayList<>();
        for (JdbcStore store : List.of(first, second, first, second)) {
            Callable<List<String>> dispatch = () -> {
                start.await();
                List<String> sent = new ArrayList<>();
                while (true) {
                    List<OutboxMessage> batch = store.outbox().claim(7, 3, T0, Duration.ofHours(1));
                    if (batch.isEmpty()) {
                        return sent;
                    }
                    for (OutboxMessage m : batch) {
                        AtomicInteger busy =
                                inFlight.computeIfAbsent(m.userId(), k -> new AtomicInteger());
                        if (busy.incrementAndGet() != 1) {
                            overlaps.add(m.id());
                        }
                        Thread.sleep(1);
                        sent.add(m.id());
                        log.add(m);
                        busy.decrementAndGet();
                        store.outbox().markDelivered(m.id());
                    }
                }
            };
            dispatchers.add(pool.submit(dispatch));
        }
        start.countDown();
        List<String> all = new ArrayList<>();
        for (Future<List<String>> f : dispatchers) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }

        assertThat(all).hasSize(users * perUser).doesNotHaveDuplicates();
        assertThat(dispatchers).allSatisfy(f -> assertThat(f.get()).isNotEmpty());
        assertThat(overlaps).as("messages of one user delivered by two dispatchers at once").isEmpty();
        for (int u = 0; u < users; u++) {
            UserId user = UserId.of("u" + u);
            assertThat(log).filteredOn(m -> m.userId().equals(user)).extracting(m -> m.payload().get("index"))
                    .as("the order of %s", user)
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
        }
    }

    @Test
    void twoPurgeJobsNeverPurgeTheSameUser() throws Exception {
        int users = 300;
        first.unitOfWork().run(() -> {
            for (int i = 0; i < users; i++) {
                first.users().add(User.create(UserId.of("u-" + i), TENANT, UserName.of("user" + i), Optional.empty(),
                        ScimResource.of(ComplexValue.EMPTY), new Suspended.FromActive(T0, T0.plusSeconds(i)), T0));
            }
        });
        Instant later = T0.plus(Duration.ofDays(1));
        List<Provisioning> instances = List.of(first, second, first, second).stream()
                .map(s -> Provisioning.builder(s).clock(java.time.Clock.fixed(later, java.time.ZoneOffset.UTC))
                        .purgeBatchSize(10).build())
                .toList();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> jobs = new ArrayList<>();
        for (Provisioning p : instances) {
            jobs.add(pool.submit(() -> {
                start.await();
                return p.purgeExpiredUsers().purgeExpired();
            }));
        }
        start.countDown();
        int purged = 0;
        for (Future<Integer> f : jobs) {
            purged += f.get(120, TimeUnit.SECONDS);
        }

        assertThat(purged).isEqualTo(users);
        List<AuditEntry> audit = first.auditLog().read(TENANT, PageRequest.first(1000)).items();
        List<String> purgedTargets = audit.stream().filter(e -> e.action() == AuditAction.USER_PURGED)
                .map(AuditEntry::target).toList();
        assertThat(purgedTargets).hasSize(users).doesNotHaveDuplicates();
        Set<String> outboxIds = Collections.synchronizedSet(new HashSet<>());
        first.outbox().claim(1000, 1, later, Duration.ofMinutes(1)).forEach(m -> outboxIds.add(m.userId().value()));
        assertThat(outboxIds).hasSize(users);
        assertThat(first.users().listByStatus(TENANT, Optional.empty(), PageRequest.first(10)).totalResults()).isZero();
    }
}
