package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/**
 * The contract of {@link org.provisio.domain.port.Outbox}: append order, one message at a time
 * per user, leased claims, delivery, counted retries, parking, listing and depth.
 */
public abstract class OutboxContract extends StoreContract {
    private static final Duration LEASE = Duration.ofMinutes(5);

    private OutboxMessage append(OutboxMessage.Kind kind) {
        return append(tenant, "alice", kind);
    }

    private OutboxMessage append(TenantId owner, String user, OutboxMessage.Kind kind) {
        OutboxMessage m = new OutboxMessage(nextId("msg"), owner, UserId.of(user), kind, clock.instant(),
                Map.of("userName", user));
        store.outbox().append(m);
        return m;
    }

    private List<String> ids(List<OutboxMessage> messages) {
        return messages.stream().map(OutboxMessage::id).toList();
    }

    private List<String> claimIds(int max, Instant at) {
        return ids(store.outbox().claim(max, at, LEASE));
    }

    @Test
    void claimsInAppendOrderUpToTheLimit() {
        OutboxMessage a = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(tenant, "bob", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage c = append(tenant, "carol", OutboxMessage.Kind.SUSPENDED);

        assertThat(store.outbox().claim(2, T0, LEASE)).containsExactly(a, b);
        assertThat(store.outbox().claim(10, T0, LEASE)).containsExactly(c);
        assertThat(store.outbox().claim(10, T0, LEASE)).isEmpty();
    }

    @Test
    void aUsersNextMessageIsClaimableOnlyOnceTheOlderOneIsDelivered() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b1 = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage b2 = append(tenant, "bob", OutboxMessage.Kind.INVITATION_EMAIL);

        assertThat(claimIds(10, T0)).as("each user's oldest message only").containsExactly(a1.id(), b1.id());
        assertThat(claimIds(10, T0)).as("while a1 and b1 are leased").isEmpty();
        store.outbox().markDelivered(b1.id());
        assertThat(claimIds(10, T0)).containsExactly(b2.id());
        store.outbox().markDelivered(b2.id());
        assertThat(claimIds(10, T0.plus(LEASE))).as("a1's lease ended: a1 again, not a2").containsExactly(a1.id());
        store.outbox().markDelivered(a1.id());
        assertThat(claimIds(10, T0.plus(LEASE))).containsExactly(a2.id());
    }

    @Test
    void aMessageWaitingForItsRetryHoldsBackOnlyItsOwnUser() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage sameNameOtherTenant = append(otherTenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b1 = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        assertThat(claimIds(10, T0)).as("a user is a user of one tenant")
                .containsExactly(a1.id(), sameNameOtherTenant.id(), b1.id());
        Instant retryAt = T0.plusSeconds(30);
        store.outbox().markFailed(a1.id(), retryAt);
        store.outbox().markDelivered(sameNameOtherTenant.id());
        store.outbox().markDelivered(b1.id());
        OutboxMessage b2 = append(tenant, "bob", OutboxMessage.Kind.ACTIVATED);

        assertThat(claimIds(10, T0.plusSeconds(29))).as("a2 waits behind a1").containsExactly(b2.id());
        assertThat(claimIds(10, retryAt)).containsExactly(a1.id());
        store.outbox().markDelivered(a1.id());
        assertThat(claimIds(10, retryAt)).containsExactly(a2.id());
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
        assertThat(store.outbox().list(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 10))
                .containsExactly(b);
    }

    @Test
    void failedMessagesComeBackAtTheirRetryTimeInTheirOriginalPlaceWithTheAttemptCounted() {
        OutboxMessage a = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(tenant, "bob", OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(1, T0, LEASE);
        Instant retryAt = T0.plusSeconds(30);

        assertThat(store.outbox().markFailed(a.id(), retryAt)).isTrue();
        assertThat(store.outbox().markFailed("unknown", retryAt)).isFalse();

        assertThat(store.outbox().claim(10, retryAt.minusMillis(1), LEASE)).containsExactly(b);
        List<OutboxMessage> again = store.outbox().claim(10, retryAt, LEASE);
        assertThat(ids(again)).containsExactly(a.id());
        assertThat(again.get(0).attempts()).isEqualTo(1);
        assertThat(again.get(0).state()).isEqualTo(OutboxMessage.State.RETRYING);

        store.outbox().markFailed(a.id(), retryAt.plusSeconds(60));
        assertThat(store.outbox().claim(10, retryAt.plusSeconds(60), LEASE).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void aParkedMessageIsNeverClaimedAgainStaysListedAndNoLongerHoldsBackItsUser() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(10, T0, LEASE);
        store.outbox().markFailed(a1.id(), T0.plusSeconds(10));
        store.outbox().claim(10, T0.plusSeconds(10), LEASE);
        Instant parkedAt = T0.plusSeconds(11);

        assertThat(store.outbox().markParked(a1.id(), parkedAt)).isTrue();
        assertThat(store.outbox().markParked(a1.id(), parkedAt)).as("already parked").isFalse();
        assertThat(store.outbox().markFailed(a1.id(), parkedAt)).as("parked is final").isFalse();
        assertThat(store.outbox().markParked("unknown", parkedAt)).isFalse();

        assertThat(claimIds(10, T0.plus(Duration.ofDays(365)))).containsExactly(a2.id());
        List<OutboxMessage> parked = store.outbox().list(Optional.of(tenant), EnumSet.of(OutboxMessage.State.PARKED), 10);
        assertThat(parked).hasSize(1);
        OutboxMessage p = parked.get(0);
        assertThat(p.id()).isEqualTo(a1.id());
        assertThat(p.attempts()).isEqualTo(2);
        assertThat(p.parkedAt()).contains(parkedAt);
        assertThat(p.payload()).isEqualTo(a1.payload());
        assertThat(p.state()).isEqualTo(OutboxMessage.State.PARKED);
    }

    @Test
    void listsByStateAndTenantInAppendOrder() {
        OutboxMessage pending = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage retrying = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage parked = append(tenant, "carol", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage other = append(otherTenant, "dave", OutboxMessage.Kind.PROVISIONED);
        store.outbox().markFailed(retrying.id(), T0.plusSeconds(10));
        store.outbox().markParked(parked.id(), T0);

        record Case(Optional<TenantId> tenant, EnumSet<OutboxMessage.State> states, int max, List<OutboxMessage> expected) {
        }
        List<Case> table = List.of(
                new Case(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 10, List.of(pending, retrying, parked, other)),
                new Case(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 2, List.of(pending, retrying)),
                new Case(Optional.of(otherTenant), EnumSet.allOf(OutboxMessage.State.class), 10, List.of(other)),
                new Case(Optional.of(tenant), EnumSet.of(OutboxMessage.State.PENDING), 10, List.of(pending)),
                new Case(Optional.of(tenant), EnumSet.of(OutboxMessage.State.RETRYING), 10, List.of(retrying)),
                new Case(Optional.of(tenant), EnumSet.of(OutboxMessage.State.PARKED), 10, List.of(parked)),
                new Case(Optional.empty(), EnumSet.of(OutboxMessage.State.PENDING, OutboxMessage.State.PARKED), 10,
                        List.of(pending, parked, other)),
                new Case(Optional.empty(), EnumSet.noneOf(OutboxMessage.State.class), 10, List.of()));
        for (Case c : table) {
            assertThat(ids(store.outbox().list(c.tenant(), c.states(), c.max()))).as(c.toString())
                    .isEqualTo(ids(c.expected()));
        }
    }

    @Test
    void theDepthCountsPendingRetryingAndParkedMessagesPerTenantAndInAll() {
        assertThat(store.outbox().depth(Optional.empty())).isEqualTo(OutboxDepth.EMPTY);
        clock.advance(Duration.ofMinutes(1));
        OutboxMessage retrying = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        clock.advance(Duration.ofMinutes(1));
        append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage leased = append(tenant, "carol", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage parked = append(otherTenant, "dave", OutboxMessage.Kind.PROVISIONED);
        clock.advance(Duration.ofMinutes(1));
        OutboxMessage delivered = append(otherTenant, "erin", OutboxMessage.Kind.PROVISIONED);
        append(otherTenant, "frank", OutboxMessage.Kind.PROVISIONED);
        store.outbox().markFailed(retrying.id(), T0.plusSeconds(600));
        store.outbox().claim(10, T0, LEASE);
        store.outbox().markParked(parked.id(), T0);
        store.outbox().markDelivered(delivered.id());

        assertThat(leased.state()).isEqualTo(OutboxMessage.State.PENDING);
        assertThat(store.outbox().depth(Optional.of(tenant)))
                .isEqualTo(new OutboxDepth(2, 1, 0, Optional.of(T0.plus(Duration.ofMinutes(1)))));
        assertThat(store.outbox().depth(Optional.of(otherTenant)))
                .isEqualTo(new OutboxDepth(1, 0, 1, Optional.of(T0.plus(Duration.ofMinutes(3)))));
        assertThat(store.outbox().depth(Optional.empty()))
                .isEqualTo(new OutboxDepth(3, 1, 1, Optional.of(T0.plus(Duration.ofMinutes(1)))));
    }

    @Test
    void messagesKeepTheirPayload() {
        OutboxMessage a = append(OutboxMessage.Kind.INVITATION_EMAIL);

        assertThat(store.outbox().claim(1, T0, LEASE).get(0).payload()).isEqualTo(a.payload());
    }
}
