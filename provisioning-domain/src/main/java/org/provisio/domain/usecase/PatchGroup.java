package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.Version;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.patch.PatchRequest;

/**
 * {@code PATCH /Groups/{id}} (RFC 7644 §3.5.2) in every form Entra ID and Okta send:
 * {@code {"op":"Add","path":"members","value":[{"value":"<id>"}, ...]}},
 * {@code {"op":"Remove","path":"members","value":[...]}}, {@code {"op":"remove","path":"members[value eq \"<id>\"]"}},
 * {@code {"op":"replace","path":"members","value":[...]}} and Okta's path-less
 * {@code {"op":"replace","value":{"id":"...","displayName":"..."}}}.
 *
 * <p>Operations on {@code members} become a membership delta: the group's other members are
 * neither read nor rewritten. Any other operation is applied to the group's SCIM view with
 * scim-core's PATCH engine (an operation that needs the members, e.g. a path-less value with
 * {@code members}, reads them). Concurrent changes of one group are serialised by the store (the
 * group is locked for the read-modify-write), so none is lost and a client without
 * {@code If-Match} is never refused for a race. The result holds the members only for
 * {@code withMembers}. Invalid input ({@code ScimException}): PATCH errors and {@code invalidValue}
 * (a member that is not a user of the tenant). Refused with {@link Refusal.NotFound},
 * {@link Refusal.NotUnique} and {@link Refusal.VersionMismatch} (a stale {@code If-Match}).
 */
public interface PatchGroup {
    Outcome<GroupView> patch(Command command);

    /**
     * Which group, the operations, who asks, the optional {@code If-Match} version and whether to return members,
     * and the conformance the request is held to: the tolerances of its validation and PATCH are asked of it.
     */
    record Command(TenantId tenantId, GroupId groupId, Actor actor, PatchRequest request, Optional<Version> ifMatch,
                   boolean withMembers, Conformance conformance) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(groupId, "groupId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(ifMatch, "ifMatch");
            Objects.requireNonNull(conformance, "conformance");
        }

        /** The same command, its requests held to no conformance profile ({@link Conformance#LENIENT}). */
        public Command(TenantId tenantId, GroupId groupId, Actor actor, PatchRequest request,
                       Optional<Version> ifMatch, boolean withMembers) {
            this(tenantId, groupId, actor, request, ifMatch, withMembers, Conformance.LENIENT);
        }
    }
}
