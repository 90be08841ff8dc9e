package org.provisio.domain.usecase;

import java.util.Objects;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.resource.ScimResource;

/**
 * {@code PUT /Users/{id}}, and {@code PATCH} once the edge has applied the operations to the
 * current representation: the resource replaces the user's attributes, and {@code active}
 * drives the lifecycle ({@code false} suspends a pending or active user, {@code true} restores a
 * suspended one within retention; absent changes nothing).
 *
 * <p>Attributes and the new state are written together, once. Invalid input is
 * {@code ScimException} {@code invalidValue}; refused with {@link Refusal.NotFound},
 * {@link Refusal.VersionMismatch} (stale {@code ifMatch}), {@link Refusal.NotUnique} (rename onto
 * a taken name) and {@link Refusal.RetentionElapsed} (restore after the retention period).
 */
public interface ReplaceUser {
    Outcome<UserView> replace(Command command);

    /**
     * Which user, who asks, the new resource and the optional {@code If-Match} version, and the conformance the
     * request is held to: the tolerances of its validation and PATCH are asked of it.
     */
    record Command(TenantId tenantId, UserId userId, Actor actor, ScimResource resource, Optional<Version> ifMatch,
                   Conformance conformance) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(ifMatch, "ifMatch");
            Objects.requireNonNull(conformance, "conformance");
        }

        /** The same command, its requests held to no conformance profile ({@link Conformance#LENIENT}). */
        public Command(TenantId tenantId, UserId userId, Actor actor, ScimResource resource,
                       Optional<Version> ifMatch) {
            this(tenantId, userId, actor, resource, ifMatch, Conformance.LENIENT);
        }
    }
}
