package org.provisio.domain.usecase;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;

/**
 * The outbox as an operator monitors it: its depth (pending, retrying and parked messages, the
 * oldest waiting one), of all tenants or of one, and the parked messages themselves.
 */
public interface OutboxStatus {
    /** The depth of the whole outbox ({@code tenant} empty) or of one tenant's messages. */
    OutboxDepth depth(Optional<TenantId> tenant);

    /** Up to {@code max} parked messages, oldest first, of all tenants or of one. */
    List<OutboxMessage> parked(Optional<TenantId> tenant, int max);
}
