package org.provisio.domain.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.usecase.AuthenticateCredential;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.ListCredentials;
import org.provisio.domain.usecase.RevokeCredential;

/** SCIM credentials: tokens of the form {@code scim_<tokenId>.<32 random bytes, base64url>}. */
final class CredentialService implements IssueCredential, ListCredentials, RevokeCredential, AuthenticateCredential {
    static final String PREFIX = "scim_";

    private final Kernel k;

    CredentialService(Kernel k) {
        this.k = k;
    }

    @Override
    public Optional<IssuedCredential> issue(IssueCredential.Command command) {
        return k.tx(() -> {
            if (k.store.tenants().find(command.tenantId()).isEmpty()) {
                return Optional.empty();
            }
            TokenId id = TokenId.of(k.ids.next());
            String token = PREFIX + id.value() + "." + k.secret();
            Instant now = k.now();
            k.store.credentials().add(Credential.issued(id, command.tenantId(), SecretHash.of(token), now));
            audit(command.tenantId(), command.actor(), AuditAction.CREDENTIAL_ISSUED, id, now);
            return Optional.of(new IssuedCredential(id, command.tenantId(), token));
        });
    }

    @Override
    public List<CredentialInfo> list(TenantId tenantId) {
        return k.store.credentials().list(tenantId).stream().map(Credential::info).toList();
    }

    @Override
    public boolean revoke(RevokeCredential.Command command) {
        return k.tx(() -> {
            Optional<Credential> found = k.store.credentials().find(command.tokenId())
                    .filter(c -> c.tenantId().equals(command.tenantId()));
            if (found.isEmpty()) {
                return false;
            }
            if (!found.get().isRevoked()) {
                Instant now = k.now();
                k.store.credentials().update(found.get().revoke(now));
                audit(command.tenantId(), command.actor(), AuditAction.CREDENTIAL_REVOKED, command.tokenId(), now);
            }
            return true;
        });
    }

    @Override
    public Optional<Actor.Credential> authenticate(TenantId tenantId, String bearerToken) {
        Optional<TokenId> id = tokenIdOf(bearerToken);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        return k.tx(() -> {
            Optional<Credential> found = k.store.credentials().find(id.get());
            // hash compared even when the tenant is wrong, so that timing tells nothing
            boolean matches = found.map(c -> c.secretHash().matches(bearerToken)).orElse(false);
            if (!matches || found.get().isRevoked() || !found.get().tenantId().equals(tenantId)) {
                return Optional.empty();
            }
            k.store.credentials().update(found.get().usedAt(k.now()));
            return Optional.of(new Actor.Credential(id.get()));
        });
    }

    /** The token id of a well-formed token. */
    static Optional<TokenId> tokenIdOf(String token) {
        if (token == null || !token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.', PREFIX.length());
        if (dot < 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenId.of(token.substring(PREFIX.length(), dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void audit(TenantId tenant, Actor actor, AuditAction action, TokenId id, Instant at) {
        k.store.auditLog().append(new AuditEntry(k.ids.next(), tenant, actor, action, "credential:" + id, at, ""));
    }
}
