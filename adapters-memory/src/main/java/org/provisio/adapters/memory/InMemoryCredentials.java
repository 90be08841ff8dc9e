package org.provisio.adapters.memory;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.Credentials;

final class InMemoryCredentials implements Credentials {
    private final Guard guard;
    private final Table<TokenId, Credential> credentials;

    InMemoryCredentials(Guard guard) {
        this.guard = guard;
        this.credentials = new Table<>(guard);
    }

    @Override
    public void add(Credential credential) {
        guard.locked(() -> {
            if (credentials.contains(credential.id())) {
                throw new IllegalArgumentException("credential " + credential.id() + " exists");
            }
            credentials.put(credential.id(), credential);
            return null;
        });
    }

    @Override
    public Optional<Credential> find(TokenId id) {
        return guard.locked(() -> credentials.get(id));
    }

    @Override
    public List<Credential> list(TenantId tenant) {
        return guard.locked(() -> credentials.values().stream().filter(c -> c.tenantId().equals(tenant)).toList());
    }

    @Override
    public boolean update(Credential credential) {
        return guard.locked(() -> {
            Optional<Credential> stored = credentials.get(credential.id());
            if (stored.isEmpty()) {
                return false;
            }
            // a revocation is never undone by a write that read the credential before it
            Credential kept = stored.get().isRevoked() && !credential.isRevoked()
                    ? credential.revoke(stored.get().revokedAt().orElseThrow()) : credential;
            credentials.put(credential.id(), kept);
            return true;
        });
    }
}
