package org.provisio.domain.model;

/** What an audit entry records. */
public enum AuditAction {
    TENANT_CREATED,
    TENANT_UPDATED,
    CREDENTIAL_ISSUED,
    CREDENTIAL_REVOKED,
    ADMIN_KEY_ISSUED,
    ADMIN_KEY_REVOKED,
    USER_PROVISIONED,
    USER_UPDATED,
    USER_ACTIVATED,
    USER_SUSPENDED,
    USER_RESTORED,
    USER_PURGED,
    USER_HARD_DELETED,
    INVITATION_ISSUED,
    INVITATION_REVOKED,
    /** An outbox message failed too often and was parked (target {@code user:<id>}). */
    OUTBOX_MESSAGE_PARKED,
    /** A parked outbox message was given another chance (target {@code user:<id>}). */
    OUTBOX_MESSAGE_REQUEUED,
    GROUP_CREATED,
    GROUP_UPDATED,
    GROUP_MEMBERS_CHANGED,
    GROUP_DELETED
}
