package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.resource.ScimResource;

/**
 * {@code POST /Users}: creates a user from the client's SCIM resource. With {@code active}
 * true or absent the user is Pending and an invitation email is queued; with {@code active}
 * false it is Suspended without ever being invited, and its retention clock starts.
 *
 * <p>Without a {@code userName} the input is invalid ({@code ScimException} {@code invalidValue}).
 * Refused with {@link Refusal.NotUnique} when the tenant already has the name ignoring case, and
 * {@link Refusal.NotFound} for an unknown tenant.
 */
public interface ProvisionUser {
    Outcome<UserView> provision(Command command);

    /**
     * The tenant, who asks and the SCIM resource as sent (id and meta are ignored), and the conformance the request
     * is held to: the tolerances of its validation and PATCH are asked of it.
     */
    record Command(TenantId tenantId, Actor actor, ScimResource resource, Conformance conformance) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(resource, "resource");
            Objects.requireNonNull(conformance, "conformance");
        }

        /** The same command, its requests held to no conformance profile ({@link Conformance#LENIENT}). */
        public Command(TenantId tenantId, Actor actor, ScimResource resource) {
            this(tenantId, actor, resource, Conformance.LENIENT);
        }
    }
}
