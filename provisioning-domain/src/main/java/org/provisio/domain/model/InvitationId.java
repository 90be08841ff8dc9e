package org.provisio.domain.model;

/**
 * Identifies an invitation: 1 to 64 characters of {@code [A-Za-z0-9_-]}, typically a UUID.
 */
public record InvitationId(String value) {
    public InvitationId {
        Checks.id(value, "invitationId");
    }

    public static InvitationId of(String value) {
        return new InvitationId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
