package org.provisio.domain.model;

import java.util.List;
import java.util.Map;

/**
 * How a user leaves for good, and what that implies: the retention purge of a suspended user, or a
 * hard delete ({@code DELETE /Users/{id}}, the admin's "delete now"). Either way the person is
 * erased at once: the record, memberships, invitations and undelivered messages go; the audit
 * entries stay under a pseudonym ({@link AuditRewrite}); the removal event, which names no one but
 * the id, tells the product to erase its own copy.
 */
public enum Removal {
    /** The retention period of a suspended user ended. */
    PURGE(AuditAction.USER_PURGED, LifecycleEvent.Type.PURGED),
    /** Deleted on request, immediately and irreversibly. */
    HARD_DELETE(AuditAction.USER_HARD_DELETED, LifecycleEvent.Type.HARD_DELETED);

    private final AuditAction action;
    private final LifecycleEvent.Type event;

    Removal(AuditAction action, LifecycleEvent.Type event) {
        this.action = action;
        this.event = event;
    }

    /** The audit entry and the event of the removal. */
    public List<Effect> effects() {
        return List.of(new Effect.Audited(action, ""), new Effect.Announced(event, Map.of()));
    }
}
