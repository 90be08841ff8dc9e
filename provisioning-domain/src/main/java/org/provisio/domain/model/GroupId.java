package org.provisio.domain.model;

/**
 * Identifies a group, the SCIM {@code id} of {@code /Groups/{id}}: 1 to 64 characters of {@code [A-Za-z0-9_-]}, typically a UUID.
 */
public record GroupId(String value) {
    public GroupId {
        Checks.id(value, "groupId");
    }

    public static GroupId of(String value) {
        return new GroupId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
