package org.provisio.domain.usecase;

import java.time.Instant;
import java.util.Objects;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;

/**
 * Why a use case was refused, as a closed set of values. Each edge maps every kind with a
 * {@link Visitor}, so that adding a kind fails to compile until every edge says what it means;
 * the SCIM edge, for example, maps {@link VersionMismatch} to 412 and {@link NotUnique} to 409
 * {@code uniqueness}.
 */
public sealed interface Refusal permits Refusal.NotFound, Refusal.VersionMismatch, Refusal.NotUnique,
        Refusal.WrongStatus, Refusal.RetentionElapsed, Refusal.InvitationClosed {

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of refusal. */
    interface Visitor<R> {
        R notFound(NotFound refusal);

        R versionMismatch(VersionMismatch refusal);

        R notUnique(NotUnique refusal);

        R wrongStatus(WrongStatus refusal);

        R retentionElapsed(RetentionElapsed refusal);

        R invitationClosed(InvitationClosed refusal);
    }

    /** No {@code kind} ({@code "user"}, {@code "group"}, {@code "tenant"}, {@code "credential"}) with this id. */
    record NotFound(String kind, String id) implements Refusal {
        public NotFound {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(id, "id");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notFound(this);
        }
    }

    /** The client's {@code If-Match} named another version; {@code current} is the stored one. */
    record VersionMismatch(Version current) implements Refusal {
        public VersionMismatch {
            Objects.requireNonNull(current, "current");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.versionMismatch(this);
        }
    }

    /** {@code attribute} ({@code userName}, {@code displayName}) is taken, ignoring case, by another resource. */
    record NotUnique(String attribute, String value) implements Refusal {
        public NotUnique {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(value, "value");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.notUnique(this);
        }
    }

    /** The user is {@code status}, and the use case needs {@code required} (restore: suspended; resend: pending). */
    record WrongStatus(UserStatus status, UserStatus required) implements Refusal {
        public WrongStatus {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(required, "required");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.wrongStatus(this);
        }
    }

    /** The retention period of a suspended user ended at {@code purgeAt}: it can no longer be restored. */
    record RetentionElapsed(Instant purgeAt) implements Refusal {
        public RetentionElapsed {
            Objects.requireNonNull(purgeAt, "purgeAt");
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.retentionElapsed(this);
        }
    }

    /** The invitation link can no longer be accepted, and why (never {@link InvitationStanding#OPEN}). */
    record InvitationClosed(InvitationStanding standing) implements Refusal {
        public InvitationClosed {
            Objects.requireNonNull(standing, "standing");
            if (standing == InvitationStanding.OPEN) {
                throw new IllegalArgumentException("an open invitation is not a refusal");
            }
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.invitationClosed(this);
        }
    }
}
