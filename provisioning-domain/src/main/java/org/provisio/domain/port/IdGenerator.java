package org.provisio.domain.port;

import java.util.UUID;

/** New identifiers for users, groups, tenants, credentials, invitations, messages and audit entries. */
@FunctionalInterface
public interface IdGenerator {
    /** A new unique id of 1 to 64 characters of {@code [A-Za-z0-9_-]}. */
    String next();

    /** Random UUIDs. */
    static IdGenerator uuids() {
        return () -> UUID.randomUUID().toString();
    }
}
