package org.provisio.domain.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.AuditRetention;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.usecase.ExportUser;
import org.provisio.domain.usecase.PurgeAuditLog;

/**
 * What Provisio owes the people it holds data on, beyond erasure (which {@link UserRecords#remove}
 * does with every removal): an export of everything held on one person, and the end of the audit
 * log's own retention.
 */
final class PersonalDataService implements ExportUser, PurgeAuditLog {
    /** The payload entry of an invitation email that is a secret, not personal data. */
    private static final String TOKEN = "token";
    private static final int AUDIT_PAGE = 500;

    private final Context ctx;
    private final UserRecords records;
    private final AuditRetention auditRetention;

    PersonalDataService(Context ctx, UserRecords records, AuditRetention auditRetention) {
        this.ctx = ctx;
        this.records = records;
        this.auditRetention = auditRetention;
    }

    @Override
    public Optional<UserExport> export(TenantId tenant, UserId id) {
        return ctx.read(() -> {
            Optional<User> user = ctx.store.users().find(tenant, id);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            List<OutboxMessage> messages = ctx.store.outbox().messagesOf(tenant, id).stream()
                    .map(PersonalDataService::withoutSecrets).toList();
            return Optional.of(new UserExport(ctx.now(), records.view(user.get()), ctx.store.invitations().allFor(tenant, id),
                    messages, auditTrail(tenant, id)));
        });
    }

    private List<AuditEntry> auditTrail(TenantId tenant, UserId id) {
        List<AuditEntry> trail = new ArrayList<>();
        String target = AuditEntry.targetOf(id);
        for (int start = 1; ; start += AUDIT_PAGE) {
            Page<AuditEntry> page = ctx.store.auditLog().read(tenant, target, new PageRequest(start, AUDIT_PAGE));
            trail.addAll(page.items());
            if (page.items().size() < AUDIT_PAGE) {
                return trail;
            }
        }
    }

    private static OutboxMessage withoutSecrets(OutboxMessage m) {
        if (!m.payload().containsKey(TOKEN)) {
            return m;
        }
        Map<String, String> payload = new LinkedHashMap<>(m.payload());
        payload.remove(TOKEN);
        return m.with(payload, m.attempts(), m.parkedAt());
    }

    /** In batches of the purge batch size, each its own unit of work, until none is due. */
    @Override
    public int purgeExpiredEntries() {
        Instant cutoff = auditRetention.cutoff(ctx.now());
        int removed = 0;
        while (true) {
            int n = ctx.store.unitOfWork().inTransaction(
                    () -> ctx.store.auditLog().purgeBefore(cutoff, ctx.purgeBatchSize * 10));
            removed += n;
            if (n < ctx.purgeBatchSize * 10) {
                return removed;
            }
        }
    }
}
