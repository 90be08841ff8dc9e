package org.provisio.domain.usecase;

import java.util.Objects;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;

/**
 * Gives a parked outbox message another chance (the console's "Retry"): it becomes due at once, its
 * failed attempts are kept and counted again from there, and the requeue is audited. Refused with
 * {@link Refusal.NotFound} unless the tenant has such a parked message.
 */
public interface RequeueParkedMessage {
    Outcome<OutboxMessage> requeue(Command command);

    /** Which message of which tenant, and who asks. */
    record Command(TenantId tenantId, String messageId, Actor actor) {
        public Command {
            Objects.requireNonNull(tenantId, "tenantId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(actor, "actor");
        }
    }
}
