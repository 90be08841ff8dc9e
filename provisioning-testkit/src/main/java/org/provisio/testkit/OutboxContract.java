package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/**
 * The contract of {@link org.provisio.domain.port.Outbox}: append order, runs of consecutive
 * messages per user from the user's head (bounded per user and per claim), leased claims that
 * never overlap, release, delivery, counted retries, parking, listing, depth, and one user's
 * messages.
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

    /** One message per user: the head only. */
    private List<String> claimIds(int max, Instant at) {
        return ids(store.outbox().claim(max, 1, at, LEASE));
    }

    private List<String> claimIds(int max, int perUser, Instant at) {
        return ids(store.outbox().claim(max, perUser, at, LEASE));
    }

    private List<OutboxMessage> appendAll(TenantId owner, String user, int n) {
        List<OutboxMessage> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(append(owner, user, OutboxMessage.Kind.PROVISIONED));
        }
        return out;
    }

    @Test
    void claimsInAppendOrderUpToTheLimit() {
        OutboxMessage a = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(tenant, "bob", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage c = append(tenant, "carol", OutboxMessage.Kind.SUSPENDED);

        assertThat(store.outbox().claim(2, 1, T0, LEASE)).containsExactly(a, b);
        assertThat(store.outbox().claim(10, 1, T0, LEASE)).containsExactly(c);
        assertThat(store.outbox().claim(10, 1, T0, LEASE)).isEmpty();
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
        store.outbox().claim(10, 1, T0, LEASE);

        assertThat(store.outbox().claim(10, 1, T0.plus(LEASE).minusMillis(1), LEASE)).isEmpty();
        assertThat(store.outbox().claim(10, 1, T0.plus(LEASE), LEASE)).containsExactly(a);
    }

    @Test
    void deliveredMessagesAreNeverClaimedAgain() {
        OutboxMessage a = append(OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(10, 1, T0, LEASE);

        assertThat(store.outbox().markDelivered(a.id())).isTrue();
        assertThat(store.outbox().markDelivered("unknown")).isFalse();

        assertThat(store.outbox().claim(10, 1, T0.plus(LEASE), LEASE)).containsExactly(b);
        assertThat(store.outbox().list(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 10))
                .containsExactly(b);
    }

    @Test
    void failedMessagesComeBackAtTheirRetryTimeInTheirOriginalPlaceWithTheAttemptCounted() {
        OutboxMessage a = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b = append(tenant, "bob", OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(1, 1, T0, LEASE);
        Instant retryAt = T0.plusSeconds(30);

        assertThat(store.outbox().markFailed(a.id(), retryAt)).isTrue();
        assertThat(store.outbox().markFailed("unknown", retryAt)).isFalse();

        assertThat(store.outbox().claim(10, 1, retryAt.minusMillis(1), LEASE)).containsExactly(b);
        List<OutboxMessage> again = store.outbox().claim(10, 1, retryAt, LEASE);
        assertThat(ids(again)).containsExactly(a.id());
        assertThat(again.get(0).attempts()).isEqualTo(1);
        assertThat(again.get(0).state()).isEqualTo(OutboxMessage.State.RETRYING);

        store.outbox().markFailed(a.id(), retryAt.plusSeconds(60));
        assertThat(store.outbox().claim(10, 1, retryAt.plusSeconds(60), LEASE).get(0).attempts()).isEqualTo(2);
    }

    @Test
    void aParkedMessageIsNeverClaimedAgainStaysListedAndNoLongerHoldsBackItsUser() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(10, 1, T0, LEASE);
        store.outbox().markFailed(a1.id(), T0.plusSeconds(10));
        store.outbox().claim(10, 1, T0.plusSeconds(10), LEASE);
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
        store.outbox().claim(10, 1, T0, LEASE);
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

        assertThat(store.outbox().claim(1, 1, T0, LEASE).get(0).payload()).isEqualTo(a.payload());
    }

    // ---- runs ----------------------------------------------------------------------------------

    @Test
    void aClaimHandsOutRunsOfConsecutiveMessagesPerUserFromTheirHeadsInTheOrderOfTheHeads() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage b1 = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage a3 = append(tenant, "alice", OutboxMessage.Kind.ACTIVATED);
        OutboxMessage b2 = append(tenant, "bob", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage a4 = append(tenant, "alice", OutboxMessage.Kind.SUSPENDED);

        assertThat(claimIds(10, 3, T0)).as("alice's run of three, then bob's run of two")
                .containsExactly(a1.id(), a2.id(), a3.id(), b1.id(), b2.id());
        assertThat(claimIds(10, 3, T0)).as("a4 waits while alice's head is leased").isEmpty();
        for (OutboxMessage m : List.of(a1, a2, a3)) {
            store.outbox().markDelivered(m.id());
        }
        assertThat(claimIds(10, 3, T0)).containsExactly(a4.id());
    }

    @Test
    void runsAreBoundedByPerUserAndTheClaimByMax() {
        List<OutboxMessage> alice = appendAll(tenant, "alice", 5);
        List<OutboxMessage> bob = appendAll(tenant, "bob", 2);

        assertThat(claimIds(4, 3, T0)).containsExactly(alice.get(0).id(), alice.get(1).id(), alice.get(2).id(),
                bob.get(0).id());
        assertThat(claimIds(4, 3, T0)).as("both heads are leased").isEmpty();
        assertThat(claimIds(0, 3, T0)).isEmpty();
    }

    @Test
    void everyHeadHasItsPlaceBeforeAnyRunGrowsAndABacklogAloneFillsTheClaim() {
        List<OutboxMessage> alice = appendAll(tenant, "alice", 5);
        OutboxMessage bob = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage carol = append(tenant, "carol", OutboxMessage.Kind.PROVISIONED);

        assertThat(claimIds(3, 5, T0)).as("alice's backlog does not keep bob's and carol's heads out")
                .containsExactly(alice.get(0).id(), bob.id(), carol.id());
        store.outbox().markDelivered(alice.get(0).id());
        assertThat(claimIds(3, 5, T0)).as("alone, alice's run fills the claim")
                .containsExactlyElementsOf(ids(alice.subList(1, 4)));
    }

    @Test
    void aHeadFarBehindAnotherUsersLongBacklogIsFound() {
        List<OutboxMessage> alice = appendAll(tenant, "alice", 1_500);
        OutboxMessage bob = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);

        assertThat(claimIds(2, 1, T0)).as("bob's head behind 1,500 of alice's messages")
                .containsExactly(alice.get(0).id(), bob.id());
        store.outbox().markDelivered(bob.id());
        OutboxMessage carol = append(tenant, "carol", OutboxMessage.Kind.PROVISIONED);
        assertThat(claimIds(5, 5, T0)).as("alice's head is leased: none of her backlog, but carol's head")
                .containsExactly(carol.id());
    }

    @Test
    void runsComeInTheOrderOfTheirHeadsAppendingWhateverTheirRetryTimes() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        assertThat(claimIds(10, 5, T0)).containsExactly(a1.id(), a2.id());
        Instant retryAt = T0.plusSeconds(10);
        store.outbox().markFailed(a1.id(), retryAt);
        store.outbox().release(List.of(a2.id()));
        OutboxMessage b1 = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);

        assertThat(claimIds(10, 5, retryAt)).as("alice's head was appended before bob's")
                .containsExactly(a1.id(), a2.id(), b1.id());
    }

    @Test
    void releasedMessagesAreClaimableAgainAtOnceWithTheirAttemptsUnchanged() {
        List<OutboxMessage> alice = appendAll(tenant, "alice", 4);
        List<OutboxMessage> first = store.outbox().claim(10, 3, T0, LEASE);
        assertThat(ids(first)).containsExactly(alice.get(0).id(), alice.get(1).id(), alice.get(2).id());
        store.outbox().markFailed(alice.get(0).id(), T0.plusSeconds(10));
        store.outbox().release(List.of(alice.get(1).id(), alice.get(2).id()));
        assertThat(claimIds(10, 3, T0)).as("the failed head still holds its user").isEmpty();

        List<OutboxMessage> again = store.outbox().claim(10, 3, T0.plusSeconds(10), LEASE);
        assertThat(ids(again)).containsExactly(alice.get(0).id(), alice.get(1).id(), alice.get(2).id());
        assertThat(again).extracting(OutboxMessage::attempts).containsExactly(1, 0, 0);

        store.outbox().release(ids(again));
        List<OutboxMessage> released = store.outbox().claim(10, 4, T0.plusSeconds(10), LEASE);
        assertThat(ids(released)).as("claimable at once, before the lease would have ended")
                .containsExactly(alice.get(0).id(), alice.get(1).id(), alice.get(2).id(), alice.get(3).id());
        assertThat(released).extracting(OutboxMessage::attempts).containsExactly(1, 0, 0, 0);
        store.outbox().release(List.of("unknown"));
        store.outbox().release(List.of());
    }

    @Test
    void aFailedHeadHoldsItsUsersLaterMessagesButNoOtherUsers() {
        List<OutboxMessage> alice = appendAll(tenant, "alice", 12);
        OutboxMessage bob = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        List<OutboxMessage> run = store.outbox().claim(5, 5, T0, LEASE);
        assertThat(ids(run)).as("bob's head has its place before alice's run grows")
                .containsExactly(alice.get(0).id(), alice.get(1).id(), alice.get(2).id(), alice.get(3).id(), bob.id());
        Instant retryAt = T0.plusSeconds(30);
        store.outbox().markFailed(alice.get(0).id(), retryAt);
        store.outbox().release(ids(alice.subList(1, 4)));
        store.outbox().markDelivered(bob.id());
        OutboxMessage carol = append(tenant, "carol", OutboxMessage.Kind.PROVISIONED);

        assertThat(claimIds(5, 5, T0)).as("alice's backlog does not hold carol up").containsExactly(carol.id());
        store.outbox().markDelivered(carol.id());
        assertThat(claimIds(5, 5, retryAt.minusMillis(1))).as("alice's messages wait behind her failed head")
                .isEmpty();
        assertThat(claimIds(5, 5, retryAt)).containsExactlyElementsOf(ids(alice.subList(0, 5)));
    }

    @Test
    void aParkedMessageInTheMiddleOfARunGivesUpItsPlace() {
        List<OutboxMessage> alice = appendAll(tenant, "alice", 3);
        assertThat(claimIds(10, 1, T0)).containsExactly(alice.get(0).id());
        store.outbox().markParked(alice.get(0).id(), T0);

        assertThat(claimIds(10, 5, T0)).containsExactly(alice.get(1).id(), alice.get(2).id());
    }

    @Test
    void concurrentClaimsNeverOverlapAndKeepEachUsersOrder() throws Exception {
        int users = 12;
        int perUser = 6;
        for (int i = 0; i < perUser; i++) {
            for (int u = 0; u < users; u++) {
                append(tenant, "u" + u, OutboxMessage.Kind.PROVISIONED);
            }
        }
        List<OutboxMessage> all = store.outbox().list(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 1000);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<OutboxMessage> delivered = Collections.synchronizedList(new ArrayList<>());
            List<Future<Integer>> dispatchers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Callable<Integer> dispatcher = () -> {
                    start.await();
                    int claimed = 0;
                    int idle = 0;
                    while (delivered.size() < all.size() && idle < 10_000) {
                        List<OutboxMessage> batch = store.outbox().claim(5, 3, T0, Duration.ofHours(1));
                        idle = batch.isEmpty() ? idle + 1 : 0;
                        for (OutboxMessage m : batch) {
                            delivered.add(m);
                            assertThat(store.outbox().markDelivered(m.id())).as("delivered once").isTrue();
                        }
                        claimed += batch.size();
                        if (batch.isEmpty()) {
                            Thread.yield();
                        }
                    }
                    return claimed;
                };
                dispatchers.add(pool.submit(dispatcher));
            }
            start.countDown();
            int total = 0;
            for (Future<Integer> f : dispatchers) {
                total += f.get(60, TimeUnit.SECONDS);
            }

            assertThat(total).isEqualTo(all.size());
            assertThat(ids(delivered)).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids(all));
            for (int u = 0; u < users; u++) {
                UserId user = UserId.of("u" + u);
                assertThat(ids(delivered.stream().filter(m -> m.userId().equals(user)).toList()))
                        .as("the order of %s", user)
                        .containsExactlyElementsOf(ids(all.stream().filter(m -> m.userId().equals(user)).toList()));
            }
            assertThat(store.outbox().depth(Optional.empty())).isEqualTo(OutboxDepth.EMPTY);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- one user's messages ----------------------------------------------------------------

    @Test
    void messagesOfAUserAreItsUndeliveredOnesParkedIncludedInAppendOrder() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage other = append(otherTenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a3 = append(tenant, "alice", OutboxMessage.Kind.ACTIVATED);
        store.outbox().claim(10, 3, T0, LEASE);
        store.outbox().markDelivered(a1.id());
        store.outbox().markParked(a2.id(), T0);

        List<OutboxMessage> mine = store.outbox().messagesOf(tenant, UserId.of("alice"));
        assertThat(ids(mine)).containsExactly(a2.id(), a3.id());
        assertThat(mine.get(0).state()).isEqualTo(OutboxMessage.State.PARKED);
        assertThat(mine.get(1).payload()).isEqualTo(a3.payload());
        assertThat(ids(store.outbox().messagesOf(otherTenant, UserId.of("alice")))).containsExactly(other.id());
        assertThat(store.outbox().messagesOf(tenant, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void removedMessagesAreGoneWhateverTheirState() {
        OutboxMessage a1 = append(tenant, "alice", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage a2 = append(tenant, "alice", OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage a3 = append(tenant, "alice", OutboxMessage.Kind.ACTIVATED);
        OutboxMessage b1 = append(tenant, "bob", OutboxMessage.Kind.PROVISIONED);
        store.outbox().claim(10, 1, T0, LEASE);
        store.outbox().markParked(b1.id(), T0);

        assertThat(store.outbox().remove(List.of(a1.id(), b1.id(), "unknown"))).isEqualTo(2);
        assertThat(store.outbox().remove(List.of())).isZero();

        assertThat(ids(store.outbox().messagesOf(tenant, UserId.of("alice")))).containsExactly(a2.id(), a3.id());
        assertThat(store.outbox().list(Optional.empty(), EnumSet.of(OutboxMessage.State.PARKED), 10)).isEmpty();
        assertThat(claimIds(10, 5, T0)).as("a2 is alice's head now").containsExactly(a2.id(), a3.id());
        assertThat(store.outbox().markDelivered(a1.id())).isFalse();
    }

    // ---- appending ------------------------------------------------------------------------------

    @Test
    void appendAllKeepsTheOrderOfTheBatchAndARolledBackBatchLeavesNothing() {
        List<OutboxMessage> batch = List.of(
                new OutboxMessage("m-2", tenant, UserId.of("alice"), OutboxMessage.Kind.PROVISIONED, T0, Map.of()),
                new OutboxMessage("m-1", tenant, UserId.of("alice"), OutboxMessage.Kind.INVITATION_EMAIL, T0, Map.of()),
                new OutboxMessage("m-3", tenant, UserId.of("bob"), OutboxMessage.Kind.PROVISIONED, T0, Map.of()));

        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            store.outbox().appendAll(batch);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.outbox().list(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 10)).isEmpty();

        store.unitOfWork().run(() -> store.outbox().appendAll(batch));
        assertThat(ids(store.outbox().list(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 10)))
                .containsExactly("m-2", "m-1", "m-3");
        assertThat(claimIds(10, 5, T0)).containsExactly("m-2", "m-1", "m-3");
        store.outbox().appendAll(List.of());
    }
}
