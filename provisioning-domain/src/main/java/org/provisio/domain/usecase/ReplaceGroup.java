package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.Version;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.resource.ScimResource;

/**
 * {@code PUT /Groups/{id}} (Okta's full membership push): the resource replaces the group's
 * {@code displayName}, {@code externalId} and {@code members}; the stored membership changes by
 * delta. A member that is not a user of the tenant is {@code ScimException} {@code invalidValue};
 * refused with {@link Refusal.NotFound}, {@link Refusal.VersionMismatch} and
 * {@link Refusal.NotUnique} (rename onto a taken name).
 */
public interface ReplaceGroup {
    Outcome<GroupView> replace(Command command);

    /**
     * Which group, who asks, the new resource and the optional {@code If-Match} version, and the conformance the
     * request is held to: the tolerances of its validation and PATCH are asked of it.
     */
    record Command(TenantId tenantId, GroupId groupId, Actor actor, ScimResource resource, Optional<Version> ifMatch,
                   Conformance conformance) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(ifMatch, "ifMatch");
            Objects.requireNonNull(conformance, "conformance");
        }

        /** The same command, its requests held to no conformance profile ({@link Conformance#LENIENT}). */
        public Command(TenantId tenantId, GroupId groupId, Actor actor, ScimResource resource,
                       Optional<Version> ifMatch) {
            this(tenantId, groupId, actor, resource, ifMatch, Conformance.LENIENT);
        }
    }
}
