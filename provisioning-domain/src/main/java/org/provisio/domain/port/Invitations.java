package org.provisio.domain.port;

import java.util.List;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/** Invitations, found by the hash of their token. */
public interface Invitations {
    void add(Invitation invitation);

    Optional<Invitation> find(InvitationId id);

    Optional<Invitation> findByTokenHash(SecretHash tokenHash);

    /**
     * The invitations of several token hashes, read together (one statement where the store can);
     * hashes without an invitation are absent.
     */
    default Map<SecretHash, Invitation> findByTokenHashes(Collection<SecretHash> tokenHashes) {
        Map<SecretHash, Invitation> found = new HashMap<>();
        for (SecretHash hash : tokenHashes) {
            findByTokenHash(hash).ifPresent(invitation -> found.put(hash, invitation));
        }
        return found;
    }

    /** Replaces a stored invitation (accepted, revoked); false if there is none with its id. */
    boolean update(Invitation invitation);

    /** The invitation issued last to a user, whatever its standing. */
    Optional<Invitation> latestFor(TenantId tenant, UserId user);

    /** Every invitation of a user, whatever its standing, oldest first. */
    List<Invitation> allFor(TenantId tenant, UserId user);

    /** Removes every invitation of a user; the number removed. */
    int deleteAllFor(TenantId tenant, UserId user);
}
