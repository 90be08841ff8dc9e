package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.Tenant;

/** Creates an organization ({@code POST /admin/v1/tenants {"name":"Acme"}}). */
public interface CreateTenant {
    Tenant create(Command command);

    /** The tenant's display name and who asks. */
    record Command(String name, Actor actor) {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
