package org.provisio.jaxrs.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.ExportUser;
import org.provisio.domain.usecase.UserSummary;
import org.provisio.scim.conformance.DeviationKind;
import org.provisio.scim.json.ScimJson;

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

    /**
     * One line of the audit log; {@code requestId} names the request that made it (its
     * {@code X-Request-Id}), null for what Provisio did on its own.
     */
    public record Entry(String id, String at, String actor, String action, String target, String detail,
                        String requestId) {
        static Entry of(AuditEntry e) {
            return new Entry(e.id(), e.at().toString(), e.actor().describe(),
                    e.action().name().toLowerCase(Locale.ROOT), e.target(), e.detail(),
                    e.requestId().map(RequestId::value).orElse(null));
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

    /**
     * A parked message, without its payload (which may hold an invitation token): {@code userId} for
     * a user's message, {@code groupId} for a group's event; the other is left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Parked(String id, String userId, String groupId, String kind, String createdAt, int attempts,
                         String parkedAt) {
        static Parked of(OutboxMessage m) {
            String user = m.subject() instanceof OutboxMessage.Subject.OfUser u ? u.id().value() : null;
            String group = m.subject() instanceof OutboxMessage.Subject.OfGroup g ? g.id().value() : null;
            return new Parked(m.id(), user, group, m.kind().name().toLowerCase(Locale.ROOT),
                    m.createdAt().toString(), m.attempts(), time(m.parkedAt()));
        }
    }

    /** A tenant's outbox: its depth and its parked messages. */
    public record TenantOutbox(long pending, long retrying, long parked, String oldestPendingAt,
                               List<Parked> parkedMessages) {
    }

    /**
     * {@code GET /admin/v1/tenants/{id}/users/{userId}/export}: everything held on one person — the
     * user as SCIM represents it (groups included), the lifecycle, the invitations, the messages
     * not yet delivered and the audit trail (newest first). No secret: neither an invitation's
     * token hash nor the token of an undelivered invitation email.
     */
    public record Export(String exportedAt, String tenantId, @JsonRawValue String user, User lifecycle,
                         List<ExportedInvitation> invitations, List<ExportedMessage> undeliveredMessages,
                         List<Entry> auditTrail) {
        static Export of(TenantId tenant, ExportUser.UserExport e) {
            return new Export(e.exportedAt().toString(), tenant.value(), ScimJson.writeString(e.user().toScim()),
                    User.of(UserSummary.of(e.user().user())),
                    e.invitations().stream().map(ExportedInvitation::of).toList(),
                    e.undeliveredMessages().stream().map(ExportedMessage::of).toList(),
                    e.auditTrail().stream().map(Entry::of).toList());
        }
    }

    /** An invitation issued to the person: when, until when, and whether it was used or revoked. */
    public record ExportedInvitation(String id, String issuedAt, String expiresAt, String acceptedAt, String revokedAt) {
        static ExportedInvitation of(org.provisio.domain.model.Invitation i) {
            return new ExportedInvitation(i.id().value(), i.issuedAt().toString(), i.expiresAt().toString(),
                    time(i.acceptedAt()), time(i.revokedAt()));
        }
    }

    /** A message about the person not yet delivered, with its payload. */
    public record ExportedMessage(String id, String kind, String createdAt, int attempts, String parkedAt,
                                  Map<String, String> payload) {
        static ExportedMessage of(OutboxMessage m) {
            return new ExportedMessage(m.id(), m.kind().name().toLowerCase(Locale.ROOT), m.createdAt().toString(),
                    m.attempts(), time(m.parkedAt()), new TreeMap<>(m.payload()));
        }
    }

    /**
     * {@code GET /admin/v1/tenants/{id}/deviations}: the tenant's profile and its client-deviation report, most
     * recently seen first.
     */
    public record DeviationReport(String tenantId, String profile, List<DeviationLine> deviations) {
        static DeviationReport of(Tenant t, List<Deviation> lines) {
            return new DeviationReport(t.id().value(), t.profile().keyword(),
                    lines.stream().map(DeviationLine::of).toList());
        }
    }

    /**
     * One kind of deviation: {@code kind} (a tolerance such as {@code boolean-as-string}, or a refusal such as
     * {@code invalidFilter}), whether it is a {@code tolerance} or a {@code refusal}, whether the requests were
     * {@code tolerated} or {@code refused}, how many, when first and last, a redacted example request line,
     * what the client did and the rule with its RFC section.
     */
    public record DeviationLine(String kind, String category, String outcome, long count, String firstSeen,
                                String lastSeen, String example, String description, String rule) {
        static DeviationLine of(Deviation d) {
            DeviationKind k = DeviationKind.byKey(d.kind());
            return new DeviationLine(d.kind(), k.tolerance() ? "tolerance" : "refusal", d.outcome().keyword(),
                    d.count(), d.firstSeen().toString(), d.lastSeen().toString(), d.example(), k.description(),
                    k.rule());
        }
    }

    static String time(Optional<Instant> t) {
        return t.map(Instant::toString).orElse(null);
    }
}
