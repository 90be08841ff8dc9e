package org.provisio.domain.port;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /**
     * Records when credentials were last used, coalesced by the domain (at most one write per
     * credential a minute); a stored time later than the given one is kept.
     */
    void recordUses(Map<TokenId, Instant> lastUses);
}
