package org.provisio.domain.usecase;

import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;

/**
 * Checks the bearer token of a SCIM request to {@code /scim/v2/{tenantId}}: it must be an
 * unrevoked credential of that very tenant. The hash comparison is constant-time; a success
 * records the credential's last use.
 */
public interface AuthenticateCredential {
    /** The authenticated actor, or empty for any kind of bad token (the edge answers 401 alike). */
    Optional<Actor.Credential> authenticate(TenantId tenantId, String bearerToken);
}
