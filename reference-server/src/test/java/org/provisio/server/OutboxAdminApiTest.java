package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.ScimErrors.assertError;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.adapters.memory.InMemoryStore;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.testkit.MutableClock;

/** The outbox's depth and parked messages in the admin API: {@code /admin/v1/outbox}, {@code /admin/v1/tenants/{id}/outbox}. */
class OutboxAdminApiTest {
    private static final Instant T0 = Instant.parse("2030-03-01T09:00:00Z");

    private final MutableClock clock = MutableClock.at(T0);
    private ServerFixture fixture;
    /** Whether the mail server refuses: invitation emails fail, lifecycle events are delivered. */
    private boolean mailDown;
    private DispatchOutbox dispatcher;

    @BeforeEach
    void start() {
        fixture = ServerFixture.with(InMemoryStore.create(), clock, 1_048_576);
        dispatcher = fixture.provisioning.dispatchOutbox(m -> {
            if (mailDown && m.kind() == OutboxMessage.Kind.INVITATION_EMAIL) {
                throw new IllegalStateException("mail server down");
            }
        });
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private ComplexValue get(String path) {
        HttpResponse<String> r = fixture.send("GET", path, ServerFixture.ADMIN_TOKEN, null);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        return ServerFixture.json(r);
    }

    private String tenantOutbox() {
        return "/admin/v1/tenants/" + fixture.tenantId + "/outbox";
    }

    private static Map<String, Value> depth(long pending, long retrying, long parked, Value oldest) {
        return Map.of("pending", IntegerValue.of(pending), "retrying", IntegerValue.of(retrying),
                "parked", IntegerValue.of(parked), "oldestPendingAt", oldest);
    }

    private static void assertDepth(ComplexValue body, Map<String, Value> expected) {
        expected.forEach((name, value) -> assertThat(body.getOrNull(name)).as(name).isEqualTo(value));
    }

    @Test
    void anEmptyOutbox() {
        ComplexValue global = get("/admin/v1/outbox");
        assertDepth(global, depth(0, 0, 0, NullValue.INSTANCE));
        assertThat(global.names()).containsExactlyInAnyOrder("pending", "retrying", "parked", "oldestPendingAt");
        ComplexValue tenant = get(tenantOutbox());
        assertDepth(tenant, depth(0, 0, 0, NullValue.INSTANCE));
        assertThat(tenant.getMulti("parkedMessages").values()).isEmpty();
    }

    @Test
    void showsWhatWaitsThenWhatWasParkedWithoutItsPayload() {
        String id = TestUsers.id(TestUsers.create(fixture, "kim@example.com", true));
        clock.advance(Duration.ofMinutes(1));
        assertDepth(get("/admin/v1/outbox"), depth(2, 0, 0, StringValue.of(T0.toString())));

        mailDown = true;
        dispatcher.dispatchDue();
        assertDepth(get("/admin/v1/outbox"), depth(0, 1, 0, StringValue.of(T0.toString())));
        for (int attempt = 2; attempt <= 12; attempt++) {
            clock.advance(Duration.ofHours(2));
            dispatcher.dispatchDue();
        }

        assertDepth(get("/admin/v1/outbox"), depth(0, 0, 1, NullValue.INSTANCE));
        ComplexValue tenant = get(tenantOutbox());
        assertDepth(tenant, depth(0, 0, 1, NullValue.INSTANCE));
        List<Value> parked = tenant.getMulti("parkedMessages").values();
        assertThat(parked).hasSize(1);
        ComplexValue message = (ComplexValue) parked.get(0);
        assertThat(message.names())
                .containsExactlyInAnyOrder("id", "userId", "kind", "createdAt", "attempts", "parkedAt");
        assertThat(message.getText("userId")).hasValue(id);
        assertThat(message.getText("kind")).hasValue("invitation_email");
        assertThat(message.getText("createdAt")).hasValue(T0.toString());
        assertThat(message.getOrNull("attempts")).isEqualTo(IntegerValue.of(12));
        assertThat(message.getText("parkedAt")).hasValue(clock.instant().toString());

        ComplexValue audit = get("/admin/v1/tenants/" + fixture.tenantId + "/audit");
        assertThat(audit.getMulti("entries").values()).map(v -> (ComplexValue) v)
                .filteredOn(e -> e.getText("action").orElseThrow().equals("outbox_message_parked"))
                .singleElement().satisfies(e -> {
                    assertThat(e.getText("target")).hasValue("user:" + id);
                    assertThat(e.getText("actor")).hasValue("system");
                    assertThat(e.getText("detail").orElseThrow()).contains(message.getText("id").orElseThrow());
                });

        ComplexValue otherTenant = ServerFixture.json(fixture.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Globex\"}"));
        assertDepth(get("/admin/v1/tenants/" + otherTenant.getText("id").orElseThrow() + "/outbox"),
                depth(0, 0, 0, NullValue.INSTANCE));
    }

    @Test
    void needsTheAdminTokenAndAKnownTenant() {
        assertThat(fixture.send("GET", "/admin/v1/outbox", null, null).statusCode()).isEqualTo(401);
        assertThat(fixture.send("GET", "/admin/v1/outbox", fixture.secret, null).statusCode()).isEqualTo(401);
        assertThat(fixture.send("GET", tenantOutbox(), null, null).statusCode()).isEqualTo(401);
        assertError(fixture.send("GET", "/admin/v1/tenants/00000000-0000-0000-0000-000000000000/outbox",
                ServerFixture.ADMIN_TOKEN, null), 404, null);
    }
}
