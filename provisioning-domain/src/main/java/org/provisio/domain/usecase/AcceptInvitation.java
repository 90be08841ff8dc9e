package org.provisio.domain.usecase;

/**
 * {@code POST /invitations/{token}/accept}: the pending user becomes active and the invitation
 * is consumed. Refused with {@link Refusal.InvitationClosed}, whose standing says why (unknown,
 * already used, expired, revoked) so that the page can say so.
 */
public interface AcceptInvitation {
    /** The user, now active. */
    Outcome<UserView> accept(String token);
}
