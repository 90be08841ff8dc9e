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
        RecordCredentialUses {
    static final String PREFIX = "scim_";
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
        return ctx.write(() -> {
            if (ctx.tenant(command.tenantId()).isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("tenant", command.tenantId().value()));
            }
            TokenId id = TokenId.of(ctx.ids.next());
            String token = PREFIX + id.value() + "." + ctx.secret();
            Instant now = ctx.now();
            ctx.store.credentials().add(Credential.issued(id, command.tenantId(), SecretHash.of(token), now));
            recorder.audit(command.tenantId(), command.actor(), AuditAction.CREDENTIAL_ISSUED, "credential:" + id, now, "");
            return Outcome.done(new IssuedCredential(id, command.tenantId(), token));
        });
    }

    @Override
    public List<CredentialInfo> list(TenantId tenantId) {
        return ctx.read(() -> ctx.store.credentials().list(tenantId).stream().map(this::withNotedUse).toList());
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
        Outcome<CredentialInfo> outcome = ctx.write(() -> {
            Optional<Credential> found = ctx.store.credentials().find(command.tokenId())
                    .filter(c -> c.tenantId().equals(command.tenantId()));
            if (found.isEmpty()) {
                return Outcome.refused(new Refusal.NotFound("credential", command.tokenId().value()));
            }
            Credential credential = found.get();
            if (!credential.isRevoked()) {
                Instant now = ctx.now();
                credential = credential.revoke(now);
                ctx.store.credentials().update(credential);
                recorder.audit(command.tenantId(), command.actor(), AuditAction.CREDENTIAL_REVOKED,
                        "credential:" + command.tokenId(), now, "");
            }
            return Outcome.done(credential.info());
        });
        // after the commit: a reload that raced with it waits for the invalidation, then reads the revocation
        cache.invalidate(command.tokenId());
        return outcome;
    }

    @Override
    public Optional<Actor.Credential> authenticate(TenantId tenantId, String bearerToken) {
        Optional<TokenId> id = tokenIdOf(bearerToken);
        if (id.isEmpty()) {
            NO_CREDENTIAL.matches(bearerToken == null ? "" : bearerToken);
            return Optional.empty();
        }
        Optional<Credential> found = cache.get(id.get(), i -> ctx.store.credentials().find(i));
        // the hash is compared whatever else is wrong, so that timing tells nothing about which part was
        boolean matches = found.map(Credential::secretHash).orElse(NO_CREDENTIAL).matches(bearerToken);
        if (!matches || found.get().isRevoked() || !found.get().tenantId().equals(tenantId)) {
            return Optional.empty();
        }
        noteUse(id.get(), ctx.now());
        return Optional.of(new Actor.Credential(id.get()));
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
}
