package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.Version;

/**
 * {@code DELETE /Groups/{id}}: the group and its memberships go; its users stay as they are.
 * Refused with {@link Refusal.NotFound} or, for a stale {@code If-Match}, {@link Refusal.VersionMismatch}.
 */
public interface DeleteGroup {
    /** The id of the group removed. */
    Outcome<GroupId> delete(Command command);

    /** Which group, who asks and the optional {@code If-Match} version. */
    record Command(TenantId tenantId, GroupId groupId, Actor actor, Optional<Version> ifMatch) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(ifMatch, "ifMatch");
        }
    }
}
