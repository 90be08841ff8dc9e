package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;

/**
 * The admin's view of users by lifecycle status ({@code ?status=suspended}) with their purge dates,
 * optionally narrowed by a search text (part of the userName, the name or an email, ignoring case),
 * and one user's details: profile, groups, invitation.
 */
public interface ListUsersByStatus {
    Page<UserSummary> list(Command command);

    Optional<UserSummary> find(TenantId tenantId, UserId userId);

    /** A user with its SCIM view (profile and groups) and where its current invitation stands, if it has one. */
    Optional<Details> details(TenantId tenantId, UserId userId);

    /** Which tenant, an optional status, an optional search text and the page. */
    record Command(TenantId tenantId, Optional<UserStatus> status, Optional<String> search, PageRequest page) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(search, "search");
            Objects.requireNonNull(page, "page");
            search = search.map(String::strip).filter(s -> !s.isEmpty());
        }

        /** Without a search text. */
        public Command(TenantId tenantId, Optional<UserStatus> status, PageRequest page) {
            this(tenantId, status, Optional.empty(), page);
        }
    }

    /** One user as the console's user page shows it. */
    record Details(UserSummary summary, UserView view, Optional<InvitationState> invitation) {
        public Details {
            Objects.requireNonNull(summary, "summary");
            Objects.requireNonNull(view, "view");
            Objects.requireNonNull(invitation, "invitation");
        }
    }

    /** The user's latest invitation: when it was issued, until when it is valid, and where it stands. */
    record InvitationState(InvitationId id, Instant issuedAt, Instant expiresAt, InvitationStanding standing) {
        public InvitationState {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(issuedAt, "issuedAt");
            Objects.requireNonNull(expiresAt, "expiresAt");
            Objects.requireNonNull(standing, "standing");
        }
    }
}
