package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;

/**
 * The outbox dispatcher over a store: messages are delivered once, in creation order per user;
 * a failed delivery holds back its user's later messages (and only those) until its retry, which
 * comes after a delay that doubles with each attempt; a message that fails too often is parked
 * and audited; a delivery interrupted by a crash (claimed, never marked) is picked up again when
 * the lease ends.
 */
public abstract class OutboxDispatchScenarios extends StoreContract {
    private static final int MAX_ATTEMPTS = 4;

    private Provisioning provisioning;
    private final List<OutboxMessage> sent = new ArrayList<>();
    private final List<String> attempts = new ArrayList<>();
    private final Set<String> failing = new HashSet<>();
    private boolean down;

    @BeforeEach
    void wire() {
        provisioning = Provisioning.builder(store).clock(clock).outboxMaxAttempts(MAX_ATTEMPTS).build();
    }

    private void provision(String userName) {
        Outcomes.done(provisioning.provisionUser().provision(new ProvisionUser.Command(tenant,
                new Actor.Credential(TokenId.of("t")), ScimResource.of(ComplexValue.builder()
                        .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
                        .put("userName", userName)
                        .put("emails", MultiValue.of(ComplexValue.of("value", StringValue.of(userName + "@example.com"))))
                        .build()))));
    }

    private OutboxMessage append(TenantId owner, String user, OutboxMessage.Kind kind) {
        OutboxMessage m = new OutboxMessage(nextId("msg"), owner, UserId.of(user), kind, clock.instant(),
                Map.of("userName", user));
        store.outbox().append(m);
        return m;
    }

    private int dispatch() {
        return provisioning.dispatchOutbox(m -> {
            attempts.add(m.id());
            if (down || failing.contains(m.id())) {
                throw new IllegalStateException("mail server down");
            }
            sent.add(m);
        }).dispatchDue();
    }

    private List<String> sentIds() {
        return sent.stream().map(OutboxMessage::id).toList();
    }

    @Test
    void deliversEachMessageOnceInCreationOrderPerUser() {
        provision("a");
        clock.advance(Duration.ofSeconds(1));
        provision("b");
        List<OutboxMessage> queued = store.outbox().list(Optional.empty(),
                java.util.EnumSet.allOf(OutboxMessage.State.class), 100);

        int delivered = dispatch();

        assertThat(delivered).isEqualTo(sent.size()).isEqualTo(queued.size()).isGreaterThanOrEqualTo(4);
        assertThat(sent).containsExactlyInAnyOrderElementsOf(queued);
        for (UserId user : queued.stream().map(OutboxMessage::userId).distinct().toList()) {
            assertThat(sent).filteredOn(m -> m.userId().equals(user))
                    .containsExactlyElementsOf(queued.stream().filter(m -> m.userId().equals(user)).toList());
        }
        assertThat(sent).filteredOn(m -> m.kind() == OutboxMessage.Kind.INVITATION_EMAIL)
                .extracting(m -> m.payload().get("userName")).containsExactly("a", "b");
        assertThat(dispatch()).isZero();
        assertThat(sent).hasSize(delivered);
    }

    @Test
    void aFailedDeliveryWaitsThenSucceeds() {
        provision("a");
        down = true;
        assertThat(dispatch()).isZero();
        down = false;
        assertThat(dispatch()).as("not retried before its delay").isZero();
        clock.advance(Duration.ofSeconds(13));
        assertThat(dispatch()).isGreaterThanOrEqualTo(2);
        assertThat(sent).extracting(OutboxMessage::kind).contains(OutboxMessage.Kind.INVITATION_EMAIL);
    }

    @Test
    void aFailedMessageHoldsBackTheLaterMessagesOfItsUserOnly() {
        OutboxMessage kimInvited = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        OutboxMessage leeInvited = append(tenant, "lee", OutboxMessage.Kind.SUSPENDED);
        OutboxMessage kimSuspended = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        OutboxMessage otherKim = append(otherTenant, "kim", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage leeActivated = append(tenant, "lee", OutboxMessage.Kind.ACTIVATED);
        failing.add(kimInvited.id());

        assertThat(dispatch()).isEqualTo(3);
        assertThat(sentIds()).as("kim's suspension waits behind kim's invitation; lee's run, then the other kim's")
                .containsExactly(leeInvited.id(), leeActivated.id(), otherKim.id());
        clock.advance(Duration.ofSeconds(13));
        failing.clear();

        assertThat(dispatch()).isEqualTo(2);
        assertThat(sentIds()).endsWith(kimInvited.id(), kimSuspended.id());
    }

    @Test
    void retriesBackOffExponentiallyWithTheAttemptCountWithinTheJitter() {
        OutboxMessage m = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        failing.add(m.id());
        dispatch();
        record Retry(int afterAttempts, Duration base) {
        }
        for (Retry r : List.of(new Retry(1, Duration.ofSeconds(10)), new Retry(2, Duration.ofSeconds(20)),
                new Retry(3, Duration.ofSeconds(40)))) {
            assertThat(attempts).as("attempts so far").hasSize(r.afterAttempts());
            Duration earliest = r.base().multipliedBy(8).dividedBy(10);
            Duration latest = r.base().multipliedBy(12).dividedBy(10);
            java.time.Instant failedAt = clock.instant();
            clock.set(failedAt.plus(earliest).minusMillis(1));
            dispatch();
            assertThat(attempts).as("no retry before 0.8 x %s", r.base()).hasSize(r.afterAttempts());
            clock.set(failedAt.plus(latest));
            dispatch();
            assertThat(attempts).as("a retry by 1.2 x %s", r.base()).hasSize(r.afterAttempts() + 1);
        }
    }

    @Test
    void aMessageThatFailsTooOftenIsParkedAuditedAndNoLongerHoldsBackItsUser() {
        OutboxMessage invited = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        OutboxMessage suspended = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        failing.add(invited.id());

        for (int i = 0; i < MAX_ATTEMPTS + 3; i++) {
            dispatch();
            clock.advance(Duration.ofHours(2));
        }

        assertThat(attempts).filteredOn(invited.id()::equals).hasSize(MAX_ATTEMPTS);
        assertThat(sentIds()).containsExactly(suspended.id());
        assertThat(provisioning.outboxStatus().parked(Optional.of(tenant), 10)).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(invited.id());
            assertThat(p.attempts()).isEqualTo(MAX_ATTEMPTS);
            assertThat(p.parkedAt()).isPresent();
        });
        assertThat(provisioning.outboxStatus().parked(Optional.of(otherTenant), 10)).isEmpty();
        assertThat(provisioning.outboxStatus().depth(Optional.of(tenant)))
                .isEqualTo(new OutboxDepth(0, 0, 1, Optional.empty()));
        List<AuditEntry> audit = provisioning.readAuditLog().read(tenant, PageRequest.first(10)).items();
        assertThat(audit).filteredOn(e -> e.action() == AuditAction.OUTBOX_MESSAGE_PARKED).singleElement()
                .satisfies(e -> {
                    assertThat(e.target()).isEqualTo("user:kim");
                    assertThat(e.actor()).isEqualTo(Actor.system());
                    assertThat(e.detail()).contains(invited.id());
                });
    }

    @Test
    void theDepthShowsWhatWaits() {
        OutboxMessage invited = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        clock.advance(Duration.ofMinutes(1));
        append(otherTenant, "lee", OutboxMessage.Kind.PROVISIONED);
        failing.add(invited.id());
        dispatch();

        assertThat(provisioning.outboxStatus().depth(Optional.empty()))
                .isEqualTo(new OutboxDepth(1, 1, 0, Optional.of(T0)));
    }

    @Test
    void aDeliveryInterruptedByACrashIsPickedUpAfterTheLease() {
        provision("a");
        List<OutboxMessage> claimedByADeadInstance = store.outbox().claim(100, 1, clock.instant(), Duration.ofMinutes(5));
        assertThat(claimedByADeadInstance).isNotEmpty();
        int all = store.outbox().list(Optional.empty(), java.util.EnumSet.allOf(OutboxMessage.State.class), 100).size();
        assertThat(dispatch()).as("the user's messages wait behind the leased one").isZero();
        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        assertThat(dispatch()).isEqualTo(all);
        assertThat(sent.subList(0, claimedByADeadInstance.size())).isEqualTo(claimedByADeadInstance);
    }

    @Test
    void anInvitationEmailWhoseInvitationIsNoLongerOpenIsDroppedNotSent() {
        provision("kim");
        org.provisio.domain.model.UserId kim = provisioning.queryUsers()
                .query(tenant, org.provisio.domain.model.UserQuery.all(PageRequest.first(10))).items().get(0).user().id();
        // a fresh invitation revokes the first one, whose email is still in the outbox
        Outcomes.done(provisioning.resendInvitation().resend(
                new org.provisio.domain.usecase.ResendInvitation.Command(tenant, kim, Actor.admin())));
        List<OutboxMessage> emails = store.outbox().messagesOf(tenant, kim).stream()
                .filter(m -> m.kind() == OutboxMessage.Kind.INVITATION_EMAIL).toList();
        assertThat(emails).hasSize(2);

        dispatch();

        assertThat(sent).extracting(OutboxMessage::kind)
                .containsExactly(OutboxMessage.Kind.PROVISIONED, OutboxMessage.Kind.INVITATION_EMAIL);
        assertThat(sent.get(1).id()).isEqualTo(emails.get(1).id());
        assertThat(store.outbox().depth(Optional.empty()).pending()).isZero();
    }

    @Test
    void aFailureInTheMiddleOfARunReleasesTheRestUntriedAndTheyFollowInOrder() {
        OutboxMessage m1 = append(tenant, "kim", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage m2 = append(tenant, "kim", OutboxMessage.Kind.ACTIVATED);
        OutboxMessage m3 = append(tenant, "kim", OutboxMessage.Kind.SUSPENDED);
        failing.add(m2.id());

        assertThat(dispatch()).isEqualTo(1);
        assertThat(attempts).containsExactly(m1.id(), m2.id());
        assertThat(store.outbox().messagesOf(tenant, UserId.of("kim"))).extracting(OutboxMessage::attempts)
                .as("m3 was released untried").containsExactly(1, 0);
        assertThat(dispatch()).as("m3 waits behind m2's retry").isZero();
        failing.clear();
        clock.advance(Duration.ofSeconds(13));

        assertThat(dispatch()).isEqualTo(2);
        assertThat(sentIds()).containsExactly(m1.id(), m2.id(), m3.id());
    }

    @Test
    void aLongBacklogOfOneUserDrainsInRunsAndInOrder() {
        List<OutboxMessage> backlog = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            backlog.add(append(tenant, "kim", OutboxMessage.Kind.SUSPENDED));
        }
        OutboxMessage lee = append(tenant, "lee", OutboxMessage.Kind.PROVISIONED);

        assertThat(dispatch()).as("lee's message and a run of kim's filling the rest of the batch").isEqualTo(100);
        assertThat(sentIds()).contains(lee.id());
        while (dispatch() > 0) {
            // the next run of kim's
        }

        assertThat(sent.stream().filter(m -> m.userId().equals(UserId.of("kim"))).map(OutboxMessage::id).toList())
                .containsExactlyElementsOf(backlog.stream().map(OutboxMessage::id).toList());
        assertThat(store.outbox().depth(Optional.empty())).isEqualTo(OutboxDepth.EMPTY);
    }

    @Test
    void aStoppingDispatcherHandsBackWhatItDidNotTryAtOnce() {
        OutboxMessage m1 = append(tenant, "kim", OutboxMessage.Kind.PROVISIONED);
        OutboxMessage m2 = append(tenant, "kim", OutboxMessage.Kind.ACTIVATED);
        OutboxMessage other = append(tenant, "lee", OutboxMessage.Kind.PROVISIONED);
        boolean[] stopping = {false};

        int delivered = provisioning.dispatchOutbox(m -> {
            sent.add(m);
            stopping[0] = true;
        }, () -> stopping[0]).dispatchDue();

        assertThat(delivered).isEqualTo(1);
        assertThat(sentIds()).containsExactly(m1.id());
        assertThat(dispatch()).as("no lease to wait for").isEqualTo(2);
        assertThat(sentIds()).containsExactly(m1.id(), m2.id(), other.id());
    }
}
