package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.UserId;

/** The contract of {@link org.provisio.domain.port.Outbox}: append order, leased claims, delivery and retry. */
public abstract class OutboxContract extends StoreContract {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private OutboxMessage append(OutboxMessage.Kind kind) {
        OutboxMessage m = new OutboxMessage(nextId("msg"), tenant, UserId.of("alice"), kind, clock.instant(),
                Map.of("userName", "alice"));
        store.outbox().append(m);
        return m;
    }

    @Test
    void claimsInAppendOrderUpToTheLimit() {
        OutboxMessage a = append(OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage c = append(OutboxMessage.Kind.SUSPENDED);

        assertThat(store.outbox().claim(2, T0, LEASE)).containsExactly(a, b);
        assertThat(store.outbox().claim(10, T0, LEASE)).containsExactly(c);
        assertThat(store.outbox().claim(10, T0, LEASE)).isEmpty();
    }

    @Test
    void aClaimIsALeaseThatEnds() {
        OutboxMessage a = append(OutboxMessage.Kind.PROVISIONED);
        store.outbox().claim(10, T0, LEASE);

        assertThat(store.outbox().claim(10, T0.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        assertThat(store.outbox().claim(10, T0.plus(LEASE), LEASE)).containsExactly(a);
    }

    @Test
    void deliveredMessagesAreNeverClaimedAgain() {
        OutboxMessage a = append(OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(10, T0, LEASE);

        assertThat(store.outbox().markDelivered(a.id())).isTrue();
        assertThat(store.outbox().markDelivered("unknown")).isFalse();

        assertThat(store.outbox().claim(10, T0.plus(LEASE), LEASE)).containsExactly(b);
    }

    @Test
    void failedMessagesComeBackAtTheirRetryTimeInTheirOriginalPlace() {
        OutboxMessage a = append(OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(1, T0, LEASE);
        Instant retryAt = T0.plusSeconds(30);

        assertThat(store.outbox().markFailed(a.id(), retryAt)).isTrue();
        assertThat(store.outbox().markFailed("unknown", retryAt)).isFalse();

        assertThat(store.outbox().claim(10, retryAt.minusMillis(1), LEASE)).containsExactly(b);
        assertThat(store.outbox().claim(10, retryAt, LEASE)).containsExactly(a);
    }

    @Test
    void messagesKeepTheirPayload() {
        OutboxMessage a = append(OutboxMessage.Kind.INVITATION_EMAIL);

        assertThat(store.outbox().claim(1, T0, LEASE).get(0).payload()).isEqualTo(a.payload());
    }
}
