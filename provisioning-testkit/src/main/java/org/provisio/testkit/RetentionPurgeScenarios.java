package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Retention;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.resource.BooleanValue;

/**
 * The retention period through the use cases: the whole story from provisioning to purge, the
 * boundary to the minute, a configurable period, what a purge removes (the record, memberships,
 * invitations, the name) and keeps (an audit entry and an event that do not name the person), and
 * batches.
 */
public abstract class RetentionPurgeScenarios extends LifecycleFixture {

    @Test
    void theWholeLifecycleFromProvisioningToPurge() {
        UserView kim = provision("kim", true);

        assertThat(Outcomes.done(accept(latestToken(kim))).user().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.ACTIVE);

        clock.advance(Duration.ofDays(1));
        UserView suspended = setActive(kim, false);
        assertThat(suspended.user().state()).isInstanceOf(Suspended.FromActive.class);
        assertThat(suspended.toScim().get("active")).contains(BooleanValue.FALSE);

        clock.advance(Duration.ofDays(10));
        UserView restored = setActive(kim, true);
        assertThat(restored.user().status()).isEqualTo(UserStatus.ACTIVE);

        clock.advance(Duration.ofDays(1));
        setActive(kim, false);
        clock.advance(RETENTION.minusMinutes(1));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isPresent();
        assertThat(outboxKinds(kim)).containsExactly(OutboxMessage.Kind.PROVISIONED,
                OutboxMessage.Kind.INVITATION_EMAIL, OutboxMessage.Kind.ACTIVATED, OutboxMessage.Kind.SUSPENDED,
                OutboxMessage.Kind.RESTORED, OutboxMessage.Kind.SUSPENDED);

        clock.advance(Duration.ofMinutes(1));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();

        assertThat(auditFor(kim)).containsExactly(AuditAction.USER_PROVISIONED, AuditAction.INVITATION_ISSUED,
                AuditAction.USER_ACTIVATED, AuditAction.USER_SUSPENDED, AuditAction.USER_RESTORED,
                AuditAction.USER_SUSPENDED, AuditAction.USER_PURGED);
        // the purge erased the undelivered messages that named kim; its own event tells the product to forget kim
        assertThat(outboxKinds(kim)).containsExactly(OutboxMessage.Kind.PURGED);
    }

    @Test
    void theRetentionBoundaryIsExact() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        clock.advance(Duration.ofDays(29).plusHours(23).plusMinutes(59));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        assertThat(Outcomes.done(restore(kim)).user().status()).isEqualTo(UserStatus.PENDING);
        setActive(kim, false);

        clock.advance(Duration.ofDays(29).plusHours(23).plusMinutes(59));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        clock.advance(Duration.ofMinutes(1));
        UserView before = current(kim);
        assertThat(restore(kim)).isEqualTo(Outcome.refused(new Refusal.RetentionElapsed(clock.instant())));
        assertThat(trySetActive(kim, BooleanValue.TRUE))
                .isEqualTo(Outcome.refused(new Refusal.RetentionElapsed(clock.instant())));
        assertThat(current(kim).user()).isEqualTo(before.user());
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
    }

    @Test
    void retentionIsConfigurable() {
        Provisioning shortRetention = Provisioning.builder(store).clock(clock)
                .retention(Retention.of(Duration.ofDays(1))).build();
        UserView kim = Outcomes.done(shortRetention.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                resource("kim", Optional.of(BooleanValue.FALSE)))));

        clock.advance(Duration.ofDays(1));
        assertThat(shortRetention.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
    }

    @Test
    void purgeRemovesMembershipsAndInvitationsKeepsTheAuditAndFreesTheName() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        GroupsContract.addGroup(store, tenant, "g1", "Guides", kim.user().id(), clock.instant());
        setActive(kim, false);
        clock.advance(RETENTION);

        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);

        assertThat(store.groups().find(tenant, GroupId.of("g1")).get().members()).isEmpty();
        assertThat(accept(token)).isEqualTo(Outcome.refused(new Refusal.InvitationClosed(InvitationStanding.UNKNOWN)));
        AuditEntry last = provisioning.readAuditLog().read(tenant, PageRequest.first(1)).items().get(0);
        assertThat(last.action()).isEqualTo(AuditAction.USER_PURGED);
        assertThat(last.actor()).isEqualTo(Actor.system());
        assertThat(provision("KIM", true).user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void aPurgeIsRecordedWithoutNamingThePerson() {
        UserView kim = provision("kim.lee@example.com", false);
        clock.advance(RETENTION);

        provisioning.purgeExpiredUsers().purgeExpired();

        AuditEntry purged = auditEntriesFor(kim).get(auditEntriesFor(kim).size() - 1);
        assertThat(purged.action()).isEqualTo(AuditAction.USER_PURGED);
        assertThat(purged.detail()).doesNotContain("kim");
        OutboxMessage event = outbox(kim).get(outbox(kim).size() - 1);
        assertThat(event.kind()).isEqualTo(OutboxMessage.Kind.PURGED);
        assertThat(event.payload()).doesNotContainKey("userName");
        assertThat(event.payload().values()).noneMatch(v -> v.contains("kim"));
    }

    @Test
    void purgeWorksInBatchesUntilNothingIsDue() {
        for (int i = 0; i < 5; i++) {
            provision("user" + i, false);
        }
        UserView keep = provision("keep", true);
        clock.advance(RETENTION);

        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(5);
        assertThat(provisioning.queryUsers().query(tenant, UserQuery.all(PageRequest.first(10))).items())
                .extracting(v -> v.user().id()).containsExactly(keep.user().id());
    }
}
