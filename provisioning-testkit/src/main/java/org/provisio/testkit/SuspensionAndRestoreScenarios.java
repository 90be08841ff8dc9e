package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.StringValue;

/**
 * Soft delete and restore through the use cases: {@code active=false} suspends a pending or active
 * user (by PUT and by PATCH, with Entra ID's string booleans), a restore leads back to where the
 * user was suspended from with all of its data, and every illegal transition is refused with the
 * exact {@link Refusal} and changes nothing.
 */
public abstract class SuspensionAndRestoreScenarios extends LifecycleFixture {

    /** Entra ID's PATCH of {@code active}, with the boolean as a string. */
    private static PatchRequest activePatch(boolean active) {
        return PatchRequest.from(ScimJson.readObject("{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"Replace\","
                + "\"path\":\"active\",\"value\":\"" + (active ? "True" : "False") + "\"}]}"));
    }

    private Outcome<UserView> patchActive(UserView view, boolean active) {
        return provisioning.patchUser().patch(new PatchUser.Command(tenant, view.user().id(), entra,
                activePatch(active), Optional.empty()));
    }

    @Test
    void suspendingAnActiveUserKeepsItFoundWithActiveFalse() {
        UserView kim = provision("kim", true);
        accept(latestToken(kim));
        clock.advance(Duration.ofDays(1));

        UserView suspended = setActive(kim, false);

        assertThat(suspended.user().state()).isEqualTo(new Suspended.FromActive(clock.instant(),
                clock.instant().plus(RETENTION)));
        assertThat(suspended.toScim().get("active")).contains(BooleanValue.FALSE);
        assertThat(auditFor(kim)).endsWith(AuditAction.USER_SUSPENDED);
        assertThat(outboxKinds(kim)).endsWith(OutboxMessage.Kind.SUSPENDED);
        assertThat(outbox(kim).get(outbox(kim).size() - 1).payload())
                .containsEntry("purgeAt", clock.instant().plus(RETENTION).toString())
                .containsEntry("userName", "kim");
    }

    @Test
    void aPatchOfActiveSuspendsAndRestoresAsAPutDoes() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        UserView suspended = Outcomes.done(patchActive(kim, false));
        assertThat(suspended.user().state()).isInstanceOf(Suspended.FromPending.class);
        assertThat(accept(token)).isEqualTo(Outcome.refused(new Refusal.InvitationClosed(InvitationStanding.REVOKED)));

        UserView restored = Outcomes.done(patchActive(kim, true));
        assertThat(restored.user().state()).isInstanceOf(Pending.class);
        assertThat(Outcomes.done(accept(latestToken(kim))).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void restoringANeverAcceptedUserIssuesAFreshInvitation() {
        UserView kim = provision("kim", true);
        String oldToken = latestToken(kim);
        setActive(kim, false);

        UserView restored = setActive(kim, true);

        assertThat(restored.user().state()).isInstanceOf(Pending.class);
        String freshToken = latestToken(kim);
        assertThat(freshToken).isNotEqualTo(oldToken);
        assertThat(accept(oldToken)).isEqualTo(Outcome.refused(new Refusal.InvitationClosed(InvitationStanding.REVOKED)));
        assertThat(Outcomes.done(accept(freshToken)).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void restoringAUserProvisionedInactiveInvitesItForTheFirstTime() {
        UserView kim = provision("kim", false);

        UserView restored = Outcomes.done(restore(kim));

        assertThat(restored.user().state()).isInstanceOf(Pending.class);
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.PENDING);
        assertThat(auditFor(kim)).containsExactly(AuditAction.USER_PROVISIONED, AuditAction.USER_RESTORED,
                AuditAction.INVITATION_ISSUED);
        assertThat(auditEntriesFor(kim).get(1).actor()).isEqualTo(Actor.admin());
        assertThat(Outcomes.done(accept(latestToken(kim))).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void theAdminRestoresASuspendedActiveUserToActive() {
        UserView kim = provision("kim", true);
        accept(latestToken(kim));
        setActive(kim, false);
        clock.advance(Duration.ofDays(3));

        UserView restored = Outcomes.done(restore(kim));

        assertThat(restored.user().state()).isEqualTo(new Active(clock.instant()));
        assertThat(outboxKinds(kim)).endsWith(OutboxMessage.Kind.RESTORED);
        assertThat(outbox(kim).get(outbox(kim).size() - 1).payload()).containsEntry("status", "active");
    }

    // ---- refused transitions --------------------------------------------------------------

    /** A user brought into a state, and what it takes to get there. */
    enum Start {
        PENDING, ACTIVE, SUSPENDED_FROM_PENDING, SUSPENDED_FROM_ACTIVE, NEVER_INVITED
    }

    private UserView bring(Start start) {
        UserView kim = provision("kim", start != Start.NEVER_INVITED);
        if (start == Start.ACTIVE || start == Start.SUSPENDED_FROM_ACTIVE) {
            accept(latestToken(kim));
        }
        if (start == Start.SUSPENDED_FROM_ACTIVE || start == Start.SUSPENDED_FROM_PENDING) {
            setActive(kim, false);
        }
        return current(kim);
    }

    static Stream<Arguments> refusals() {
        Function<SuspensionAndRestoreScenarios, Function<UserView, Outcome<?>>> restore = s -> v -> s.restore(v);
        Function<SuspensionAndRestoreScenarios, Function<UserView, Outcome<?>>> resend = s -> v -> s.provisioning
                .resendInvitation().resend(new ResendInvitation.Command(s.tenant, v.user().id(), Actor.admin()));
        return Stream.of(
                Arguments.of(Start.PENDING, "restore", restore,
                        new Refusal.WrongStatus(UserStatus.PENDING, UserStatus.SUSPENDED)),
                Arguments.of(Start.ACTIVE, "restore", restore,
                        new Refusal.WrongStatus(UserStatus.ACTIVE, UserStatus.SUSPENDED)),
                Arguments.of(Start.ACTIVE, "resend", resend,
                        new Refusal.WrongStatus(UserStatus.ACTIVE, UserStatus.PENDING)),
                Arguments.of(Start.SUSPENDED_FROM_ACTIVE, "resend", resend,
                        new Refusal.WrongStatus(UserStatus.SUSPENDED, UserStatus.PENDING)),
                Arguments.of(Start.SUSPENDED_FROM_PENDING, "resend", resend,
                        new Refusal.WrongStatus(UserStatus.SUSPENDED, UserStatus.PENDING)),
                Arguments.of(Start.NEVER_INVITED, "resend", resend,
                        new Refusal.WrongStatus(UserStatus.SUSPENDED, UserStatus.PENDING)));
    }

    @ParameterizedTest(name = "{0}: {1} is refused")
    @MethodSource("refusals")
    void illegalTransitionsAreRefusedAndChangeNothing(Start start, String action,
                                                      Function<SuspensionAndRestoreScenarios,
                                                              Function<UserView, Outcome<?>>> act,
                                                      Refusal expected) {
        UserView before = bring(start);
        long audits = auditCount();
        int messages = allOutboxMessages().size();

        assertThat(Outcomes.refusal(act.apply(this).apply(before))).isEqualTo(expected);
        assertThat(current(before).user()).isEqualTo(before.user());
        assertThat(auditCount()).isEqualTo(audits);
        assertThat(allOutboxMessages()).hasSize(messages);
    }

    @Test
    void repeatingTheCurrentActiveValueChangesNothing() {
        UserView pending = provision("pending", true);
        UserView suspended = provision("suspended", false);
        long audits = auditCount();

        assertThat(setActive(pending, true).user()).isEqualTo(pending.user());
        assertThat(setActive(suspended, BooleanValue.FALSE).user()).isEqualTo(suspended.user());
        assertThat(setActive(suspended, StringValue.of("False")).user()).isEqualTo(suspended.user());
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    void entraIdsStringBooleansDriveTheLifecycle() {
        UserView kim = provision("kim", true);

        assertThat(setActive(kim, StringValue.of("False")).user().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(setActive(kim, StringValue.of("True")).user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void missingUsersAreNotFound() {
        UserId ghost = UserId.of("ghost");
        Refusal notFound = new Refusal.NotFound("user", "ghost");

        assertThat(provisioning.restoreUser().restore(new RestoreUser.Command(tenant, ghost, Actor.admin())))
                .isEqualTo(Outcome.refused(notFound));
        assertThat(provisioning.resendInvitation().resend(new ResendInvitation.Command(tenant, ghost, Actor.admin())))
                .isEqualTo(Outcome.refused(notFound));
        assertThat(provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, ghost, entra,
                resource("ghost", Optional.empty()), Optional.empty()))).isEqualTo(Outcome.refused(notFound));
        assertThat(provisioning.patchUser().patch(new PatchUser.Command(tenant, ghost, entra, activePatch(false),
                Optional.empty()))).isEqualTo(Outcome.refused(notFound));
        assertThat(provisioning.deleteUser().delete(new DeleteUser.Command(tenant, ghost, entra,
                Optional.empty()))).isEqualTo(Outcome.refused(notFound));
        assertThat(provisioning.getUser().get(tenant, ghost)).isEmpty();
    }

    // ---- data kept ------------------------------------------------------------------------------

    @Test
    void aRestoredUserKeepsItsProfileAndMemberships() {
        UserView kim = provision("kim", true);
        accept(latestToken(kim));
        Group guides = GroupsContract.addGroup(store, tenant, "g1", "Guides", kim.user().id(), clock.instant());
        UserView before = current(kim);

        UserView suspended = setActive(kim, false);
        assertThat(suspended.groups()).extracting(GroupHeader::id).containsExactly(guides.id());
        assertThat(store.groups().find(tenant, guides.id()).get().members()).containsExactly(kim.user().id());

        UserView restored = setActive(kim, true);
        assertThat(restored.user().profile()).isEqualTo(before.user().profile());
        assertThat(restored.user().userName()).isEqualTo(before.user().userName());
        assertThat(restored.groups()).extracting(GroupHeader::id).containsExactly(guides.id());
        assertThat(restored.toScim().getMulti("groups").values()).hasSize(1);
    }

    @Test
    void aSuspendedUserIsStillFoundWithActiveFalse() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        assertThat(current(kim).toScim().get("active")).contains(BooleanValue.FALSE);
        assertThat(provisioning.queryUsers().query(tenant, UserQuery.all(PageRequest.first(10))).items())
                .extracting(v -> v.toScim().get("active").orElseThrow()).containsExactly(BooleanValue.FALSE);
    }
}
