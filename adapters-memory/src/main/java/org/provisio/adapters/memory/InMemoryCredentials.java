package org.provisio.adapters.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.Credentials;

/** The credentials of all tenants, found by token id; behind its own monitor. */
final class InMemoryCredentials implements Credentials {
    private final SeqMap<TokenId, Credential> credentials;

    InMemoryCredentials(Guard guard) {
        this.credentials = new SeqMap<>(guard);
    }

    @Override
    public synchronized void add(Credential credential) {
        if (credentials.contains(credential.id())) {
            throw new IllegalArgumentException("credential " + credential.id() + " exists");
        }
        credentials.put(credential.id(), credential);
    }

    @Override
    public synchronized Optional<Credential> find(TokenId id) {
        return credentials.get(id);
    }

    @Override
    public synchronized List<Credential> list(TenantId tenant) {
        List<Credential> out = new ArrayList<>();
        for (Credential c : credentials.valueList()) {
            if (c.tenantId().equals(tenant)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public synchronized boolean update(Credential credential) {
        Credential stored = credentials.getOrNull(credential.id());
        if (stored == null) {
            return false;
        }
        // a revocation is never undone by a write that read the credential before it
        Credential kept = stored.isRevoked() && !credential.isRevoked()
                ? credential.revoke(stored.revokedAt().orElseThrow()) : credential;
        credentials.put(credential.id(), kept);
        return true;
    }

    @Override
    public synchronized void recordUses(Map<TokenId, Instant> lastUses) {
        lastUses.forEach((id, at) -> {
            Credential stored = credentials.getOrNull(id);
            if (stored != null && stored.lastUsedAt().map(at::isAfter).orElse(true)) {
                credentials.put(id, stored.usedAt(at));
            }
        });
    }
}
