package org.provisio.domain.model;

import java.util.Objects;
import java.util.Set;

/**
 * How the audit entries that name a person are rewritten when the person is erased. The entries on
 * {@code target} are moved to {@code targetAs}; among them, those made by {@code actor} are
 * attributed to {@code actorAs}, and those whose action is one of {@code clearDetailOf} lose their
 * free-text detail (such text, e.g. a mail server's refusal, may quote an address). A person acts
 * only on themselves (an invitee accepting), so the entries on the target are all that name them.
 * The entries stay, in their order and with their times: who did what, when, without naming whom.
 */
public record AuditRewrite(String target, String targetAs, String actor, String actorAs,
                           Set<AuditAction> clearDetailOf) {
    /** The actions whose detail is free text that may quote a value of the person. */
    private static final Set<AuditAction> FREE_TEXT = Set.of(AuditAction.OUTBOX_MESSAGE_PARKED);

    public AuditRewrite {
        Checks.notBlank(target, "target");
        Checks.notBlank(targetAs, "targetAs");
        Checks.notBlank(actor, "actor");
        Checks.notBlank(actorAs, "actorAs");
        clearDetailOf = Set.copyOf(Objects.requireNonNull(clearDetailOf, "clearDetailOf"));
    }

    /**
     * The rewrite that erases {@code user}: its target {@code user:<id>} and its actor
     * {@code invitee:<id>} become {@code user:<pseudonym>} and {@code invitee:<pseudonym>}.
     */
    public static AuditRewrite erasing(UserId user, UserId pseudonym) {
        return new AuditRewrite(AuditEntry.targetOf(user), AuditEntry.targetOf(pseudonym),
                new Actor.Invitee(user).describe(), new Actor.Invitee(pseudonym).describe(), FREE_TEXT);
    }
}
