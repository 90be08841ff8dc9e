package org.provisio.domain.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.CredentialCache;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.domain.usecase.AuthenticateCredential;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.ListCredentials;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.RecordCredentialUses;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.RevokeCredential;

/**
 * SCIM credentials: tokens of the form {@code scim_<tokenId>.<32 random bytes, base64url>}.
 * Authentication reads through the {@link CredentialCache} and writes nothing: the last use is
 * noted in memory at most once a {@linkplain #USE_RESOLUTION minute} per credential and stored by
 * {@link RecordCredentialUses}. A revocation invalidates the cache entry once it has committed.
 */
final class CredentialService implements IssueCredential, ListCredentials, RevokeCredential, AuthenticateCredential,
        RecordCredentialUses, AdminKeys {
    static final String PREFIX = "scim_";
    /** The prefix of organization admin keys. */
    static final String ADMIN_PREFIX = "orgadmin_";
    /** The finest resolution of {@code lastUsedAt}: one write per credential per this period at most. */
    static final Duration USE_RESOLUTION = Duration.ofMinutes(1);
    /** Compared against when a token names no credential, so that such a token costs what a wrong secret does. */
    private static final SecretHash NO_CREDENTIAL = SecretHash.of("no credential has this hash");

    private final Context ctx;
    private final EffectRecorder recorder;
    private final CredentialCache cache;
    /** Uses noted and not stored yet. */
    private final ConcurrentMap<TokenId, Instant> noted = new ConcurrentHashMap<>();
    /** The last use noted for each credential, to note at most one per {@link #USE_RESOLUTION}. */
    private final ConcurrentMap<TokenId, Instant> lastNoted = new ConcurrentHashMap<>();

    CredentialService(Context ctx, EffectRecorder recorder, CredentialCache cache) {
        this.ctx = ctx;
        this.recorder = recorder;
        this.cache = cache;
    }

    @Override
    public Outcome<IssuedCredential> issue(IssueCredential.Command command) {
        return issue(command.tenantId(), command.actor(), Credential.Kind.SCIM);
    }

    @Override
    public Outcome<IssuedCredential> issue(AdminKeys.Command command) {
        return issue(command.tenantId(), command.actor(), Credential.Kind.ORGANIZATION_ADMIN);
    }

    private Outcome<IssuedCredential> issue(TenantId tenant, Actor actor, Credential.Kind kind) {
        return ctx.write(() -> {
            if (ctx.tenant(tenant).isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("tenant", tenant.value()));
            }
            TokenId id = TokenId.of(ctx.ids.next());
            String token = prefix(kind) + id.value() + "." + ctx.secret();
            Instant now = ctx.now();
            ctx.store.credentials().add(Credential.issued(id, tenant, SecretHash.of(token), now, kind));
            recorder.audit(tenant, actor, kind == Credential.Kind.SCIM ? AuditAction.CREDENTIAL_ISSUED
                    : AuditAction.ADMIN_KEY_ISSUED, target(kind, id), now, "");
            return Outcome.done(new IssuedCredential(id, tenant, token));
        });
    }

    private static String prefix(Credential.Kind kind) {
        return kind == Credential.Kind.SCIM ? PREFIX : ADMIN_PREFIX;
    }

    private static String target(Credential.Kind kind, TokenId id) {
        return (kind == Credential.Kind.SCIM ? "credential:" : "adminkey:") + id;
    }

    @Override
    public List<CredentialInfo> list(TenantId tenantId) {
        return list(tenantId, Credential.Kind.SCIM);
    }

    private List<CredentialInfo> list(TenantId tenantId, Credential.Kind kind) {
        return ctx.read(() -> ctx.store.credentials().list(tenantId).stream().filter(c -> c.kind() == kind)
                .map(this::withNotedUse).toList());
    }

    @Override
    public List<CredentialInfo> list(TenantId tenantId, boolean adminKeys) {
        return list(tenantId, adminKeys ? Credential.Kind.ORGANIZATION_ADMIN : Credential.Kind.SCIM);
    }

    /** The stored credential's info, with a use noted and not yet stored. */
    private CredentialInfo withNotedUse(Credential c) {
        Instant pending = noted.get(c.id());
        if (pending != null && c.lastUsedAt().map(pending::isAfter).orElse(true)) {
            return c.usedAt(pending).info();
        }
        return c.info();
    }

    @Override
    public Outcome<CredentialInfo> revoke(RevokeCredential.Command command) {
        return revoke(command.tenantId(), command.tokenId(), command.actor(), Credential.Kind.SCIM);
    }

    @Override
    public Outcome<CredentialInfo> revoke(AdminKeys.Revoke command) {
        return revoke(command.tenantId(), command.keyId(), command.actor(), Credential.Kind.ORGANIZATION_ADMIN);
    }

    private Outcome<CredentialInfo> revoke(TenantId tenant, TokenId tokenId, Actor actor, Credential.Kind kind) {
        Outcome<CredentialInfo> outcome = ctx.write(() -> {
            Optional<Credential> found = ctx.store.credentials().find(tokenId)
                    .filter(c -> c.tenantId().equals(tenant) && c.kind() == kind);
            if (found.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound(kind == Credential.Kind.SCIM ? "credential" : "admin key",
                        tokenId.value()));
            }
            Credential credential = found.get();
            if (!credential.isRevoked()) {
                Instant now = ctx.now();
                credential = credential.revoke(now);
                ctx.store.credentials().update(credential);
                recorder.audit(tenant, actor, kind == Credential.Kind.SCIM ? AuditAction.CREDENTIAL_REVOKED
                        : AuditAction.ADMIN_KEY_REVOKED, target(kind, tokenId), now, "");
            }
            return Outcome.done(credential.info());
        });
        // after the commit: a reload that raced with it waits for the invalidation, then reads the revocation
        cache.invalidate(tokenId);
        return outcome;
    }

    @Override
    public Optional<Actor.Credential> authenticate(TenantId tenantId, String bearerToken) {
        return verified(bearerToken, PREFIX, Credential.Kind.SCIM)
                .filter(c -> c.tenantId().equals(tenantId))
                .map(c -> new Actor.Credential(c.id()));
    }

    @Override
    public Optional<Actor.OrganizationAdmin> authenticateFor(TenantId tenantId, String key) {
        return signIn(key).filter(s -> s.tenantId().equals(tenantId)).map(AdminKeys.SignedIn::admin);
    }

    @Override
    public Optional<AdminKeys.SignedIn> signIn(String key) {
        return verified(key, ADMIN_PREFIX, Credential.Kind.ORGANIZATION_ADMIN)
                .map(c -> new AdminKeys.SignedIn(c.tenantId(), new Actor.OrganizationAdmin(c.id())));
    }

    /**
     * The unrevoked credential of {@code kind} a token names, its use noted. The hash is compared
     * whatever else is wrong, so that timing tells nothing about which part of a token was.
     */
    private Optional<Credential> verified(String token, String prefix, Credential.Kind kind) {
        Optional<TokenId> id = tokenIdOf(token, prefix);
        if (id.isEmpty()) {
            NO_CREDENTIAL.matches(token == null ? "" : token);
            return Optional.empty();
        }
        Optional<Credential> found = cache.get(id.get(), i -> ctx.store.credentials().find(i));
        boolean matches = found.map(Credential::secretHash).orElse(NO_CREDENTIAL).matches(token);
        if (!matches || found.get().isRevoked() || found.get().kind() != kind) {
            return Optional.empty();
        }
        noteUse(id.get(), ctx.now());
        return found;
    }

    private void noteUse(TokenId id, Instant now) {
        Instant last = lastNoted.get(id);
        if (last != null && now.isBefore(last.plus(USE_RESOLUTION))) {
            return;
        }
        lastNoted.put(id, now);
        noted.merge(id, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    @Override
    public int recordNoted() {
        if (noted.isEmpty()) {
            return 0;
        }
        Map<TokenId, Instant> batch = new HashMap<>();
        for (TokenId id : noted.keySet()) {
            Instant at = noted.remove(id);
            if (at != null) {
                batch.put(id, at);
            }
        }
        try {
            ctx.store.unitOfWork().run(() -> ctx.store.credentials().recordUses(batch));
        } catch (RuntimeException e) {
            batch.forEach((id, at) -> noted.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
            throw e;
        }
        return batch.size();
    }

    /** The token id of a well-formed SCIM token. */
    static Optional<TokenId> tokenIdOf(String token) {
        return tokenIdOf(token, PREFIX);
    }

    private static Optional<TokenId> tokenIdOf(String token, String prefix) {
        if (token == null || !token.startsWith(prefix)) {
            return Optional.empty();
        }
        int dot = token.indexOf('.', prefix.length());
        if (dot < 0 || dot == token.length() - 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenId.of(token.substring(prefix.length(), dot)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
