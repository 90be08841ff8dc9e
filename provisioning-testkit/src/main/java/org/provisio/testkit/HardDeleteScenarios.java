package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.UserView;

/**
 * {@code DELETE /Users/{id}} and the admin's "delete now" through the use cases: immediate and
 * irreversible for a user in any state, memberships and invitations gone, an audit entry and an
 * event kept that do not name the person, and the name free again.
 */
public abstract class HardDeleteScenarios extends LifecycleFixture {

    private Outcome<UserId> delete(UserView view, Actor actor) {
        return provisioning.deleteUser().delete(new DeleteUser.Command(tenant, view.user().id(), actor,
                Optional.empty()));
    }

    @Test
    void hardDeleteRemovesAtOnceAndIrreversibly() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        GroupsContract.addGroup(store, tenant, "g1", "Guides", kim.user().id(), clock.instant());

        assertThat(Outcomes.done(delete(kim, entra))).isEqualTo(kim.user().id());

        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
        assertThat(store.groups().find(tenant, GroupId.of("g1")).get().members()).isEmpty();
        assertThat(store.groups().find(tenant, GroupId.of("g1")).get().version()).isEqualTo(Version.of(2));
        assertThat(accept(token)).isEqualTo(Outcome.refused(new Refusal.InvitationClosed(InvitationStanding.UNKNOWN)));
        assertThat(restore(kim)).isEqualTo(Outcome.refused(new Refusal.NotFound("user", kim.user().id().value())));
        assertThat(auditFor(kim)).endsWith(AuditAction.USER_HARD_DELETED);
        assertThat(outboxKinds(kim)).endsWith(OutboxMessage.Kind.HARD_DELETED);
        assertThat(delete(kim, entra))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("user", kim.user().id().value())));
    }

    @Test
    void aSuspendedUserCanBeHardDeletedToo() {
        UserView kim = provision("kim", false);

        assertThat(delete(kim, Actor.admin()).isDone()).isTrue();

        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        AuditEntry deleted = auditEntriesFor(kim).get(auditEntriesFor(kim).size() - 1);
        assertThat(deleted.actor()).isEqualTo(Actor.admin());
    }

    @Test
    void anActiveUserCanBeHardDeletedAndItsNameIsFreeAgain() {
        UserView kim = provision("kim", true);
        accept(latestToken(kim));

        assertThat(delete(kim, entra).isDone()).isTrue();

        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
        assertThat(provision("KIM", true).user().id()).isNotEqualTo(kim.user().id());
    }

    @Test
    void aHardDeleteIsRecordedWithoutNamingThePerson() {
        UserView kim = provision("kim.lee@example.com", true);

        delete(kim, entra);

        AuditEntry deleted = auditEntriesFor(kim).get(auditEntriesFor(kim).size() - 1);
        assertThat(deleted.action()).isEqualTo(AuditAction.USER_HARD_DELETED);
        assertThat(deleted.detail()).doesNotContain("kim");
        OutboxMessage event = outbox(kim).get(outbox(kim).size() - 1);
        assertThat(event.kind()).isEqualTo(OutboxMessage.Kind.HARD_DELETED);
        assertThat(event.payload()).doesNotContainKey("userName");
        assertThat(event.payload().values()).noneMatch(v -> v.contains("kim"));
    }
}
