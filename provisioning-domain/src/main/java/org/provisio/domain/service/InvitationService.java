package org.provisio.domain.service;

import java.util.Optional;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.User;
import org.provisio.domain.usecase.InspectInvitation;

/** Reads an invitation for its landing page, with the same rules acceptance applies. */
final class InvitationService implements InspectInvitation {
    private final Kernel k;

    InvitationService(Kernel k) {
        this.k = k;
    }

    @Override
    public Outcome inspect(String token) {
        if (token == null || token.isEmpty()) {
            return new Closed(Reason.UNKNOWN);
        }
        return k.tx(() -> {
            Optional<Invitation> found = k.store.invitations().findByTokenHash(SecretHash.of(token));
            if (found.isEmpty()) {
                return new Closed(Reason.UNKNOWN);
            }
            Invitation invitation = found.get();
            if (invitation.acceptedAt().isPresent()) {
                return new Closed(Reason.ALREADY_USED);
            }
            if (invitation.revokedAt().isPresent()) {
                return new Closed(Reason.REVOKED);
            }
            if (invitation.expiredAt(k.now())) {
                return new Closed(Reason.EXPIRED);
            }
            Optional<User> owner = k.store.users().find(invitation.tenantId(), invitation.userId());
            if (owner.isEmpty()) {
                return new Closed(Reason.UNKNOWN);
            }
            User user = owner.get();
            if (!(user.state() instanceof Pending p) || !p.invitation().equals(invitation.id())) {
                return new Closed(Reason.REVOKED);
            }
            String organization = k.store.tenants().find(invitation.tenantId()).map(Tenant::name).orElse("");
            return new Open(organization, user.userName().value(), invitation.expiresAt());
        });
    }
}
