package org.provisio.adapters.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Invitations;

final class JdbcInvitations implements Invitations {
    private static final String COLUMNS = "SELECT id, tenant_id, user_id, token_hash, issued_ns, expires_ns,"
            + " accepted_ns, revoked_ns FROM invitations";

    private final JdbcTransactions tx;

    JdbcInvitations(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Invitation invitation) {
        tx.call(c -> {
            JdbcTransactions.insertFresh(c, "invitation " + invitation.id(),
                    "INSERT INTO invitations (id, tenant_id, user_id, token_hash, issued_ns, expires_ns, accepted_ns,"
                            + " revoked_ns) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    invitation.id().value(), invitation.tenantId().value(), invitation.userId().value(),
                    invitation.tokenHash().value(), JdbcTime.nanos(invitation.issuedAt()),
                    JdbcTime.nanos(invitation.expiresAt()), JdbcTime.nanos(invitation.acceptedAt()),
                    JdbcTime.nanos(invitation.revokedAt()));
            return null;
        });
    }

    @Override
    public Optional<Invitation> find(InvitationId id) {
        return tx.call(c -> JdbcRows.one(c, COLUMNS + " WHERE id = ?", JdbcInvitations::invitation, id.value()));
    }

    @Override
    public Optional<Invitation> findByTokenHash(SecretHash tokenHash) {
        return tx.call(c -> JdbcRows.one(c, COLUMNS + " WHERE token_hash = ?", JdbcInvitations::invitation,
                tokenHash.value()));
    }

    @Override
    public Map<SecretHash, Invitation> findByTokenHashes(Collection<SecretHash> tokenHashes) {
        if (tokenHashes.isEmpty()) {
            return Map.of();
        }
        return tx.call(c -> {
            Map<SecretHash, Invitation> found = new HashMap<>();
            List<String> hashes = tokenHashes.stream().map(SecretHash::value).distinct().toList();
            for (List<String> chunk : JdbcGroups.chunks(hashes)) {
                for (Invitation invitation : JdbcRows.list(c, COLUMNS + " WHERE token_hash IN ("
                        + JdbcGroups.marks(chunk.size()) + ")", chunk, JdbcInvitations::invitation)) {
                    found.put(invitation.tokenHash(), invitation);
                }
            }
            return found;
        });
    }

    @Override
    public boolean update(Invitation invitation) {
        return tx.call(c -> {
            int changed = JdbcRows.update(c, "UPDATE invitations SET tenant_id = ?, user_id = ?, issued_ns = ?,"
                            + " expires_ns = ?, accepted_ns = ?, revoked_ns = ? WHERE id = ? AND token_hash = ?",
                    invitation.tenantId().value(), invitation.userId().value(), JdbcTime.nanos(invitation.issuedAt()),
                    JdbcTime.nanos(invitation.expiresAt()), JdbcTime.nanos(invitation.acceptedAt()),
                    JdbcTime.nanos(invitation.revokedAt()), invitation.id().value(), invitation.tokenHash().value());
            if (changed == 0 && JdbcRows.one(c, "SELECT 1 FROM invitations WHERE id = ?", rs -> 1,
                    invitation.id().value()).isPresent()) {
                throw new IllegalArgumentException("an invitation's token does not change");
            }
            return changed > 0;
        });
    }

    @Override
    public Optional<Invitation> latestFor(TenantId tenant, UserId user) {
        return tx.call(c -> JdbcRows.one(c, COLUMNS + " WHERE tenant_id = ? AND user_id = ?"
                + " ORDER BY issued_ns DESC FETCH FIRST 1 ROWS ONLY", JdbcInvitations::invitation, tenant.value(),
                user.value()));
    }

    @Override
    public List<Invitation> allFor(TenantId tenant, UserId user) {
        return tx.call(c -> JdbcRows.list(c, COLUMNS + " WHERE tenant_id = ? AND user_id = ? ORDER BY issued_ns, id",
                JdbcInvitations::invitation, tenant.value(), user.value()));
    }

    @Override
    public int deleteAllFor(TenantId tenant, UserId user) {
        return tx.call(c -> JdbcRows.update(c, "DELETE FROM invitations WHERE tenant_id = ? AND user_id = ?",
                tenant.value(), user.value()));
    }

    private static Invitation invitation(ResultSet row) throws SQLException {
        return new Invitation(InvitationId.of(row.getString("id")), TenantId.of(row.getString("tenant_id")),
                UserId.of(row.getString("user_id")), new SecretHash(row.getString("token_hash")),
                JdbcTime.instant(row.getLong("issued_ns")), JdbcTime.instant(row.getLong("expires_ns")),
                JdbcRows.instant(row, "accepted_ns"), JdbcRows.instant(row, "revoked_ns"));
    }
}
