package org.provisio.jaxrs.admin;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.usecase.UserSummary;

/**
 * The admin API's JSON, as records that Jackson writes ({@code AdminJsonProvider}); times are
 * ISO-8601 strings, absent ones {@code null}. Secrets appear in {@link IssuedCredential} only.
 */
public final class AdminJson {
    private AdminJson() {
    }

    /** {@code {"id","name","createdAt","profile"}}. */
    public record TenantBody(String id, String name, String createdAt, String profile) {
        static TenantBody of(Tenant t) {
            return new TenantBody(t.id().value(), t.name(), t.createdAt().toString(), t.profile().keyword());
        }
    }

    /** The body of {@code PATCH /admin/v1/tenants/{id}}: {@code {"profile":"strict"}}. */
    public record TenantPatch(String profile) {
    }

    /** An admin key just issued: {@code {"keyId","adminKey"}} — the only time the key is shown. */
    public record IssuedAdminKey(String keyId, String adminKey) {
        @Override
        public String toString() {
            return "IssuedAdminKey[keyId=" + keyId + ", adminKey=...]";
        }
    }

    /** {@code {"tenants":[...]}}. */
    public record Tenants(List<TenantBody> tenants) {
    }

    /** The body of {@code POST /admin/v1/tenants}: {@code {"name":"Acme"}}. */
    public record CreateTenant(String name) {
    }

    /** The one answer that holds a secret: {@code {"tokenId","tenantUrl","secretToken"}}. */
    public record IssuedCredential(String tokenId, String tenantUrl, String secretToken) {
        @Override
        public String toString() {
            return "IssuedCredential[tokenId=" + tokenId + ", tenantUrl=" + tenantUrl + ", secretToken=...]";
        }
    }

    /** A credential's metadata, never its secret. */
    public record Credential(String tokenId, String createdAt, String lastUsedAt, String revokedAt, boolean revoked) {
        static Credential of(CredentialInfo c) {
            return new Credential(c.tokenId().value(), c.createdAt().toString(), time(c.lastUsedAt()),
                    time(c.revokedAt()), c.revokedAt().isPresent());
        }
    }

    /** {@code {"credentials":[...]}}. */
    public record Credentials(List<Credential> credentials) {
    }

    /** A user as the admin sees it: status and, when suspended, the purge date. */
    public record User(String id, String userName, String status, String suspendedAt, String purgeAt,
                       String createdAt, String lastModifiedAt) {
        static User of(UserSummary u) {
            return new User(u.id().value(), u.userName(), u.status().keyword(), time(u.suspendedAt()),
                    time(u.purgeAt()), u.createdAt().toString(), u.lastModifiedAt().toString());
        }
    }

    /** A page of users. */
    public record Users(long totalResults, int startIndex, int itemsPerPage, List<User> users) {
        static Users of(Page<UserSummary> page) {
            return new Users(page.totalResults(), page.startIndex(), page.items().size(),
                    page.items().stream().map(User::of).toList());
        }
    }

    /** A fresh invitation: {@code {"invitationId","expiresAt"}}. */
    public record Invitation(String invitationId, String expiresAt) {
    }

    /** One line of the audit log. */
    public record Entry(String id, String at, String actor, String action, String target, String detail) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.at().toString(), e.actor().describe(),
                    e.action().name().toLowerCase(Locale.ROOT), e.target(), e.detail());
        }
    }

    /** A page of the audit log, newest first. */
    public record Audit(long totalResults, int startIndex, int itemsPerPage, List<Entry> entries) {
        static Audit of(Page<AuditEntry> page) {
            return new Audit(page.totalResults(), page.startIndex(), page.items().size(),
                    page.items().stream().map(Entry::of).toList());
        }
    }

    /** The outbox's depth: {@code {"pending","retrying","parked","oldestPendingAt"}}. */
    public record Depth(long pending, long retrying, long parked, String oldestPendingAt) {
        static Depth of(OutboxDepth d) {
            return new Depth(d.pending(), d.retrying(), d.parked(), time(d.oldestPendingAt()));
        }
    }

    /** A parked message, without its payload (which may hold an invitation token). */
    public record Parked(String id, String userId, String kind, String createdAt, int attempts, String parkedAt) {
        static Parked of(OutboxMessage m) {
            return new Parked(m.id(), m.userId().value(), m.kind().name().toLowerCase(Locale.ROOT),
                    m.createdAt().toString(), m.attempts(), time(m.parkedAt()));
        }
    }

    /** A tenant's outbox: its depth and its parked messages. */
    public record TenantOutbox(long pending, long retrying, long parked, String oldestPendingAt,
                               List<Parked> parkedMessages) {
    }

    static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
