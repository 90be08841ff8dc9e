package org.provisio.adapters.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.Credentials;

final class JdbcCredentials implements Credentials {
    private static final String COLUMNS =
            "SELECT id, tenant_id, secret_hash, created_ns, last_used_ns, revoked_ns, kind FROM credentials";

    private final JdbcTransactions tx;

    JdbcCredentials(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Credential credential) {
        tx.call(c -> {
            JdbcTransactions.insertFresh(c, "credential " + credential.id(),
                    "INSERT INTO credentials (id, tenant_id, secret_hash, created_ns, last_used_ns, revoked_ns, kind)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    credential.id().value(), credential.tenantId().value(), credential.secretHash().value(),
                    JdbcTime.nanos(credential.createdAt()), JdbcTime.nanos(credential.lastUsedAt()),
                    JdbcTime.nanos(credential.revokedAt()), credential.kind().name());
            return null;
        });
    }

    @Override
    public Optional<Credential> find(TokenId id) {
        return tx.call(c -> JdbcRows.one(c, COLUMNS + " WHERE id = ?", JdbcCredentials::credential, id.value()));
    }

    @Override
    public List<Credential> list(TenantId tenant) {
        return tx.call(c -> JdbcRows.list(c, COLUMNS + " WHERE tenant_id = ? ORDER BY seq",
                JdbcCredentials::credential, tenant.value()));
    }

    @Override
    public boolean update(Credential credential) {
        return tx.call(c -> JdbcRows.update(c,
                // COALESCE: a revocation is never undone by a write that read the row before it
                "UPDATE credentials SET tenant_id = ?, secret_hash = ?, created_ns = ?, last_used_ns = ?,"
                        + " revoked_ns = COALESCE(revoked_ns, ?) WHERE id = ?",
                credential.tenantId().value(), credential.secretHash().value(), JdbcTime.nanos(credential.createdAt()),
                JdbcTime.nanos(credential.lastUsedAt()), JdbcTime.nanos(credential.revokedAt()),
                credential.id().value()) > 0);
    }

    @Override
    public void recordUses(Map<TokenId, Instant> lastUses) {
        if (lastUses.isEmpty()) {
            return;
        }
        tx.call(c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE credentials SET last_used_ns = ?"
                    + " WHERE id = ? AND (last_used_ns IS NULL OR last_used_ns < ?)")) {
                for (Map.Entry<TokenId, Instant> use : lastUses.entrySet()) {
                    long at = JdbcTime.nanos(use.getValue());
                    JdbcRows.bind(s, List.of(at, use.getKey().value(), at));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    private static Credential credential(ResultSet row) throws SQLException {
        return new Credential(TokenId.of(row.getString("id")), TenantId.of(row.getString("tenant_id")),
                new SecretHash(row.getString("secret_hash")), JdbcTime.instant(row.getLong("created_ns")),
                JdbcRows.instant(row, "last_used_ns"), JdbcRows.instant(row, "revoked_ns"),
                Credential.Kind.valueOf(row.getString("kind")));
    }
}
