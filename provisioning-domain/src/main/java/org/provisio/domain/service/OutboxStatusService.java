package org.provisio.domain.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.OutboxStatus;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.RequeueParkedMessage;
import org.provisio.domain.usecase.RequestScope;

/** Reads the outbox's depth and parked messages for the operator. */
final class OutboxStatusService implements OutboxStatus, RequeueParkedMessage {
    private final Context ctx;

    OutboxStatusService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public OutboxDepth depth(Optional<TenantId> tenant) {
        return ctx.store.outbox().depth(tenant);
    }

    @Override
    public Outcome<OutboxMessage> requeue(RequeueParkedMessage.Command command) {
        return ctx.write(() -> {
            Optional<OutboxMessage> parked = ctx.store.outbox().list(Optional.of(command.tenantId()),
                    EnumSet.of(OutboxMessage.State.PARKED), Integer.MAX_VALUE).stream()
                    .filter(m -> m.id().equals(command.messageId())).findFirst();
            if (parked.isEmpty() || !ctx.store.outbox().requeue(command.messageId())) {
                return Outcome.refused(new Refusal.NotFound("parked message", command.messageId()));
            }
            OutboxMessage m = parked.get();
            ctx.store.auditLog().append(new AuditEntry(ctx.ids.next(), m.tenantId(), command.actor(),
                    AuditAction.OUTBOX_MESSAGE_REQUEUED, m.subject().auditTarget(), ctx.now(),
                    "message:" + m.id() + " " + m.kind().name().toLowerCase(java.util.Locale.ROOT),
                    RequestScope.current()));
            return Outcome.done(m);
        });
    }

    @Override
    public List<OutboxMessage> parked(Optional<TenantId> tenant, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return ctx.store.outbox().list(tenant, EnumSet.of(OutboxMessage.State.PARKED), max);
    }
}
