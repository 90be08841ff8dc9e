package org.provisio.domain.port;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;

/** The SCIM credentials of all tenants, stored by the hash of their secret. */
public interface Credentials {
    void add(Credential credential);

    Optional<Credential> find(TokenId id);

    /** A tenant's credentials, revoked ones included, in creation order. */
    List<Credential> list(TenantId tenant);

    /**
     * Replaces a stored credential (revocation, last use); false if there is none with its id. A
     * stored revocation is kept even if {@code credential} was read before it: an authentication
     * recording its last use must never bring a revoked token back.
     */
    boolean update(Credential credential);
}
