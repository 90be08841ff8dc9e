package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/**
 * Everything Provisio holds about one person, for an access request (GDPR art. 15): the user as
 * stored, with groups and lifecycle state; the invitations issued to them; the messages about
 * them not yet delivered; and the audit entries on them. Read in one unit of work, so that the
 * parts agree. Secrets are not personal data and stay out: an invitation's token hash, and the
 * token inside an undelivered invitation email.
 */
public interface ExportUser {
    /** Empty if the tenant holds no such user. */
    Optional<UserExport> export(TenantId tenant, UserId user);

    /** What is held about one user at {@code exportedAt}; the audit trail newest first. */
    record UserExport(Instant exportedAt, UserView user, List<Invitation> invitations,
                      List<OutboxMessage> undeliveredMessages, List<AuditEntry> auditTrail) {
        public UserExport {
            Objects.requireNonNull(exportedAt, "exportedAt");
            Objects.requireNonNull(user, "user");
            invitations = List.copyOf(invitations);
            undeliveredMessages = List.copyOf(undeliveredMessages);
            auditTrail = List.copyOf(auditTrail);
        }
    }
}
