package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.Tenant;

/**
 * Creates an organization ({@code POST /admin/v1/tenants {"name":"Acme"}}). The name is trimmed;
 * a blank one or one longer than {@value #MAX_NAME} characters is {@code ScimException}
 * {@code invalidValue}.
 */
public interface CreateTenant {
    /** The longest tenant name. */
    int MAX_NAME = 200;

    Tenant create(Command command);

    /** The tenant's display name and who asks. */
    record Command(String name, Actor actor) {
        public Command {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
