package org.provisio.domain.service;

import java.util.Optional;
import org.provisio.domain.usecase.GetUser;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.patch.PatchEngine;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.schema.ResourceSchema;

/**
 * PATCH as read, apply, replace-if-unchanged. A client without {@code If-Match} gets its patch
 * re-applied on top of a concurrent change (up to {@value #ATTEMPTS} times); a client with one
 * gets {@code preconditionFailed} as it asked.
 */
final class PatchService implements PatchUser {
    static final int ATTEMPTS = 5;

    private final GetUser get;
    private final ReplaceUser replace;
    private final PatchEngine engine;

    PatchService(GetUser get, ReplaceUser replace, ResourceSchema userSchema) {
        this.get = get;
        this.replace = replace;
        this.engine = new PatchEngine(userSchema);
    }

    @Override
    public UserView patch(Command c) {
        for (int attempt = 1; ; attempt++) {
            UserView current = get.get(c.tenantId(), c.userId())
                    .orElseThrow(() -> ScimException.notFound("User " + c.userId() + " not found"));
            if (c.ifMatch().isPresent() && !c.ifMatch().get().equals(current.user().version())) {
                throw ScimException.preconditionFailed("The user has changed; its version is now " + current.etag());
            }
            ScimResource patched = ScimResource.of(engine.apply(current.toScim(), c.request()));
            try {
                return replace.replace(new ReplaceUser.Command(c.tenantId(), c.userId(), c.actor(), patched,
                        Optional.of(current.user().version())));
            } catch (ScimException e) {
                if (e.type() != ScimErrorType.PRECONDITION_FAILED || c.ifMatch().isPresent() || attempt >= ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
