package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.resource.ScimResource;

/**
 * {@code POST /Groups}: creates a group from the client's SCIM resource, e.g. Entra ID's
 * {@code {"schemas":[".../core:2.0:Group", "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group"],
 * "externalId":"8aa1a0c0", "displayName":"Sales", "members":[]}} (unknown schema URNs are ignored).
 *
 * <p>Invalid input is {@code ScimException} {@code invalidValue}: no {@code displayName}, or a
 * member that is not a user of the tenant (the detail names it; groups as members are refused).
 * Refused with {@link Refusal.NotUnique} when the tenant already has the name in any case, and
 * {@link Refusal.NotFound} for an unknown tenant.
 */
public interface CreateGroup {
    Outcome<GroupView> create(Command command);

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
