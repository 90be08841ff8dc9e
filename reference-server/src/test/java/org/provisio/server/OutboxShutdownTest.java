package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.adapters.jdbc.JdbcSettings;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.service.ProvisioningJobs;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ScimResource;
import org.slf4j.LoggerFactory;

/**
 * Stopping with a large outbox backlog is quick and quiet: the dispatcher stops between two
 * messages, hands back what it claimed and did not try (so another instance, or this one after a
 * restart, delivers it at once instead of after the lease), and nothing fails against a store that
 * is closing.
 */
class OutboxShutdownTest {
    @Test
    void stoppingWithABacklogTakesAMomentLogsNoErrorAndHandsBackTheClaims(@TempDir Path dir) throws Exception {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(log);
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath() + ";WRITE_DELAY=0";
        AtomicInteger delivered = new AtomicInteger();
        try (JdbcStore store = JdbcStore.open(JdbcSettings.of(url))) {
            Provisioning provisioning = Provisioning.builder(store).build();
            Tenant tenant = provisioning.createTenant().create(new CreateTenant.Command("Acme", Actor.admin()));
            Actor entra = new Actor.Credential(TokenId.of("entra"));
            for (int i = 0; i < 150; i++) {
                provisioning.provisionUser().provision(new ProvisionUser.Command(tenant.id(), entra, ScimResource.of(
                        ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"backlog" + i + "@example.com\"}")))).orElseThrow(
                        r -> new IllegalStateException(r.toString()));
            }
            ProvisioningJobs jobs = ProvisioningJobs.builder(provisioning, m -> {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                delivered.incrementAndGet();
            }).start();
            while (delivered.get() < 10) {
                Thread.sleep(10);
            }
            long start = System.nanoTime();
            jobs.close();
            Duration stopping = Duration.ofNanos(System.nanoTime() - start);
            assertThat(stopping).isLessThan(Duration.ofSeconds(2));
            int atStop = delivered.get();
            Thread.sleep(100);
            assertThat(delivered.get()).as("nothing is delivered after close() returned").isEqualTo(atStop);

            // what was claimed and not tried is claimable at once, not after the five-minute lease
            List<OutboxMessage> claimable = store.outbox().claim(1_000, 20, Instant.now(), Duration.ofMinutes(5));
            assertThat(claimable.size() + atStop).isEqualTo(300);
        } finally {
            root.detachAppender(log);
        }
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
    }
}
