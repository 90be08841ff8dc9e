package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.port.AuditLog;
import org.provisio.domain.port.Credentials;
import org.provisio.domain.port.Deviations;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.Invitations;
import org.provisio.domain.port.Outbox;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.Tenants;
import org.provisio.domain.port.UnitOfWork;
import org.provisio.domain.port.Users;

/** {@link ProvisioServer#close()} lets a request in flight finish before the server stops. */
class GracefulShutdownTest {
    /** An in-memory store whose next unit of work, once armed, waits until released. */
    static final class GatedStore implements Store {
        private final Store delegate = InMemoryStore.create();
        private volatile boolean armed;
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public UnitOfWork unitOfWork() {
            UnitOfWork inner = delegate.unitOfWork();
            return new UnitOfWork() {
                @Override
                public <T> T inTransaction(Supplier<T> work) {
                    if (armed) {
                        armed = false;
                        entered.countDown();
                        try {
                            release.await(30, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    return inner.inTransaction(work);
                }
            };
        }

        void arm() {
            armed = true;
        }

        @Override
        public Tenants tenants() {
            return delegate.tenants();
        }

        @Override
        public Credentials credentials() {
            return delegate.credentials();
        }

        @Override
        public Users users() {
            return delegate.users();
        }

        @Override
        public Groups groups() {
            return delegate.groups();
        }

        @Override
        public Invitations invitations() {
            return delegate.invitations();
        }

        @Override
        public Outbox outbox() {
            return delegate.outbox();
        }

        @Override
        public AuditLog auditLog() {
            return delegate.auditLog();
        }

        @Override
        public Deviations deviations() {
            return delegate.deviations();
        }
    }

    @Test
    @Timeout(60)
    void aRequestInFlightCompletesWhenTheServerCloses() throws Exception {
        GatedStore store = new GatedStore();
        ServerFixture fixture = ServerFixture.with(store, Clock.systemUTC(), 1_048_576);
        store.arm();
        CompletableFuture<HttpResponse<String>> response = CompletableFuture.supplyAsync(
                () -> fixture.scim("POST", "/Users", TestUsers.body("inflight@example.com", true)));
        assertThat(store.entered.await(10, TimeUnit.SECONDS)).as("the request reached the store").isTrue();

        CompletableFuture<Void> closed = CompletableFuture.runAsync(fixture::close);
        Thread.sleep(500);
        assertThat(closed).as("close() waits for the request in flight").isNotDone();

        store.release.countDown();
        HttpResponse<String> created = response.get(20, TimeUnit.SECONDS);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(ServerFixture.json(created).getText("userName")).hasValue("inflight@example.com");
        closed.get(20, TimeUnit.SECONDS);
        assertThat(fixture.provisioning.queryUsers().query(TenantId.of(fixture.tenantId),
                UserQuery.all(PageRequest.of(1, 10))).totalResults()).isEqualTo(1);
    }

    @Test
    @Timeout(60)
    void aRequestStillSendingItsBodyCompletesWhenTheServerCloses() throws Exception {
        ServerFixture fixture = ServerFixture.inMemory();
        byte[] body = TestUsers.body("uploading@example.com", true).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int half = body.length / 2;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", fixture.server.port())) {
            socket.setSoTimeout(20_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + fixture.scim() + "/Users HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + fixture.secret + "\r\nContent-Type: application/scim+json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(body, 0, half);
            out.flush();
            Thread.sleep(500);

            CompletableFuture<Void> closed = CompletableFuture.runAsync(fixture::close);
            Thread.sleep(500);
            assertThat(closed).as("close() waits for the request in flight").isNotDone();

            out.write(body, half, body.length - half);
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 201");
            closed.get(20, TimeUnit.SECONDS);
        }
    }
}
