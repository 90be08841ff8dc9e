package org.provisio.domain.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Map;
import java.util.Optional;

/**
 * The invitation email to send: to whom, from which organization, with which token (the link is
 * {@code {publicUrl}/invitations/{token}}) and until when it is valid. {@code id} is the outbox
 * message's id, an idempotency key for the mailer.
 */
public record InvitationEmail(String id, TenantId tenantId, UserId userId, String userName, String to,
                              String organization, String token, Instant expiresAt) {
    public InvitationEmail {
        Checks.notBlank(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(organization, "organization");
        Checks.notBlank(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** The email an outbox message carries; empty for lifecycle events. */
    public static Optional<InvitationEmail> of(OutboxMessage m) {
        if (m.kind() != OutboxMessage.Kind.INVITATION_EMAIL) {
            return Optional.empty();
        }
        Map<String, String> p = m.payload();
        return Optional.of(new InvitationEmail(m.id(), m.tenantId(), m.userId(), p.getOrDefault("userName", ""),
                p.getOrDefault("email", ""), p.getOrDefault("organization", ""), p.get("token"),
                Instant.parse(p.get("expiresAt"))));
    }

    /** Whether there is an address to send to (a user provisioned without email has none). */
    public boolean hasAddress() {
        return !to.isBlank();
    }

    @Override
    public String toString() {
        return "InvitationEmail[id=" + id + ", to=" + to + ", organization=" + organization + ", token=...]";
    }
}
