package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.InspectInvitation;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.UserView;

/**
 * Invitations through the use cases: single use, time to live to the millisecond, unknown and
 * revoked tokens, resending, and the landing page ({@code InspectInvitation}) deciding exactly as
 * acceptance decides, without changing anything.
 */
public abstract class InvitationScenarios extends LifecycleFixture {

    private static Outcome<UserView> closed(InvitationStanding standing) {
        return Outcome.refused(new Refusal.InvitationClosed(standing));
    }

    private Outcome<InspectInvitation.Open> inspect(String token) {
        return provisioning.inspectInvitation().inspect(token);
    }

    @Test
    void anInvitationIsSingleUse() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        UserView accepted = Outcomes.done(accept(token));
        assertThat(accepted.user().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(accept(token)).isEqualTo(closed(InvitationStanding.ALREADY_USED));
        assertThat(auditFor(kim)).contains(AuditAction.USER_ACTIVATED);
        AuditEntry activation = provisioning.readAuditLog().read(tenant, PageRequest.first(1)).items().get(0);
        assertThat(activation.action()).isEqualTo(AuditAction.USER_ACTIVATED);
        assertThat(activation.actor()).isEqualTo(new Actor.Invitee(kim.user().id()));
    }

    @Test
    void anInvitationExpiresAfterItsTimeToLive() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        clock.advance(TTL);

        assertThat(accept(token)).isEqualTo(closed(InvitationStanding.EXPIRED));
        assertThat(inspect(token)).isEqualTo(Outcome.refused(new Refusal.InvitationClosed(InvitationStanding.EXPIRED)));
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void anInvitationIsValidUntilTheLastMomentOfItsTimeToLive() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        clock.advance(TTL.minusMillis(1));

        assertThat(Outcomes.done(accept(token)).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void anUnknownTokenIsRefused() {
        provision("kim", true);

        assertThat(accept("not-a-token")).isEqualTo(closed(InvitationStanding.UNKNOWN));
        assertThat(accept("")).isEqualTo(closed(InvitationStanding.UNKNOWN));
        assertThat(accept(null)).isEqualTo(closed(InvitationStanding.UNKNOWN));
        assertThat(inspect("not-a-token"))
                .isEqualTo(Outcome.refused(new Refusal.InvitationClosed(InvitationStanding.UNKNOWN)));
    }

    @Test
    void aSuspendedPendingUsersInvitationIsRefused() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        setActive(kim, false);

        assertThat(current(kim).user().state()).isInstanceOf(Suspended.FromPending.class);
        assertThat(accept(token)).isEqualTo(closed(InvitationStanding.REVOKED));
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(auditFor(kim)).contains(AuditAction.INVITATION_REVOKED);
    }

    @Test
    void resendingInvalidatesThePreviousInvitation() {
        UserView kim = provision("kim", true);
        String first = latestToken(kim);

        ResendInvitation.Resent resent = Outcomes.done(provisioning.resendInvitation()
                .resend(new ResendInvitation.Command(tenant, kim.user().id(), Actor.admin())));

        assertThat(resent.expiresAt()).isEqualTo(T0.plus(TTL));
        assertThat(current(kim).user().state()).isEqualTo(new Pending(resent.invitationId()));
        String second = latestToken(kim);
        assertThat(second).isNotEqualTo(first);
        assertThat(accept(first)).isEqualTo(closed(InvitationStanding.REVOKED));
        assertThat(Outcomes.done(accept(second)).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void resendingToAMissingUserIsRefused() {
        assertThat(provisioning.resendInvitation().resend(new ResendInvitation.Command(tenant, UserId.of("ghost"),
                Actor.admin()))).isEqualTo(Outcome.refused(new Refusal.NotFound("user", "ghost")));
    }

    @Test
    void anActiveUsersOldInvitationCannotBeAcceptedAgain() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        accept(token);
        setActive(kim, false);
        setActive(kim, true);

        assertThat(accept(token)).isEqualTo(closed(InvitationStanding.ALREADY_USED));
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void theLandingPageShowsAnOpenInvitationAndChangesNothing() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        long audits = auditCount();

        InspectInvitation.Open open = Outcomes.done(inspect(token));

        assertThat(open).isEqualTo(new InspectInvitation.Open("Acme", "kim", T0.plus(TTL)));
        assertThat(current(kim).user()).isEqualTo(kim.user());
        assertThat(auditCount()).isEqualTo(audits);
        assertThat(Outcomes.done(accept(token)).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void theLandingPageDecidesAsAcceptanceDecides() {
        UserView used = provision("used", true);
        String usedToken = latestToken(used);
        accept(usedToken);
        UserView revoked = provision("revoked", true);
        String revokedToken = latestToken(revoked);
        setActive(revoked, false);
        UserView gone = provision("gone", true);
        String goneToken = latestToken(gone);
        provisioning.deleteUser().delete(new DeleteUser.Command(tenant, gone.user().id(),
                Actor.admin(), Optional.empty()));

        for (String token : new String[] {usedToken, revokedToken, goneToken, "nonsense"}) {
            Refusal shown = Outcomes.refusal(inspect(token));
            assertThat(Outcomes.refusal(accept(token))).as(token).isEqualTo(shown);
        }
        assertThat(Outcomes.refusal(inspect(usedToken)))
                .isEqualTo(new Refusal.InvitationClosed(InvitationStanding.ALREADY_USED));
        assertThat(Outcomes.refusal(inspect(revokedToken)))
                .isEqualTo(new Refusal.InvitationClosed(InvitationStanding.REVOKED));
        assertThat(Outcomes.refusal(inspect(goneToken)))
                .isEqualTo(new Refusal.InvitationClosed(InvitationStanding.UNKNOWN));
    }
}
