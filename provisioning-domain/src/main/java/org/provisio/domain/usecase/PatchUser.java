package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.patch.PatchRequest;

/**
 * {@code PATCH /Users/{id}} (RFC 7644 §3.5.2): the operations are applied to the user's current
 * SCIM view and the result replaces it, so {@code active} drives the lifecycle exactly as in a
 * PUT. Concurrent changes of one user are serialised by the store (the user is locked for the
 * read-modify-write), so a client without {@code If-Match} is never refused for a race and no
 * change is lost. PATCH errors are {@code ScimException}s; refused with {@link Refusal.NotFound},
 * {@link Refusal.NotUnique}, {@link Refusal.VersionMismatch} (a stale {@code If-Match}) and
 * {@link Refusal.RetentionElapsed}.
 */
public interface PatchUser {
    Outcome<UserView> patch(Command command);

    /**
     * Which user, the operations, who asks and the optional {@code If-Match} version, and the conformance the
     * request is held to: the tolerances of its validation and PATCH are asked of it.
     */
    record Command(TenantId tenantId, UserId userId, Actor actor, PatchRequest request, Optional<Version> ifMatch,
                   Conformance conformance) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(ifMatch, "ifMatch");
            Objects.requireNonNull(conformance, "conformance");
        }

        /** The same command, its requests held to no conformance profile ({@link Conformance#LENIENT}). */
        public Command(TenantId tenantId, UserId userId, Actor actor, PatchRequest request, Optional<Version> ifMatch) {
            this(tenantId, userId, actor, request, ifMatch, Conformance.LENIENT);
        }
    }
}
