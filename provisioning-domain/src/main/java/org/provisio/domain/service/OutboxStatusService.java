package org.provisio.domain.service;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.OutboxStatus;

/** Reads the outbox's depth and parked messages for the operator. */
final class OutboxStatusService implements OutboxStatus {
    private final Context ctx;

    OutboxStatusService(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public OutboxDepth depth(Optional<TenantId> tenant) {
        return ctx.store.outbox().depth(tenant);
    }

    @Override
    public List<OutboxMessage> parked(Optional<TenantId> tenant, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return ctx.store.outbox().list(tenant, EnumSet.of(OutboxMessage.State.PARKED), max);
    }
}
