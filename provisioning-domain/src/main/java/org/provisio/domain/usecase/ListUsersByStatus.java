package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;

/** The admin's view of users by lifecycle status ({@code ?status=suspended}) with their purge dates. */
public interface ListUsersByStatus {
    Page<UserSummary> list(Command command);

    Optional<UserSummary> find(TenantId tenantId, UserId userId);

    /** Which tenant, an optional status and the page. */
    record Command(TenantId tenantId, Optional<UserStatus> status, PageRequest page) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(page, "page");
        }
    }
}
