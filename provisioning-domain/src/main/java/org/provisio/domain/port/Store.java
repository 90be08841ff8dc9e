package org.provisio.domain.port;

/**
 * The ports of one storage adapter together, so that their writes share its
 * {@link #unitOfWork()}. {@code InMemoryStore} and the JDBC store implement it.
 */
public interface Store {
    Tenants tenants();

    Credentials credentials();

    Users users();

    Groups groups();

    Invitations invitations();

    Outbox outbox();

    AuditLog auditLog();

    /** The tenants' client-deviation reports. */
    Deviations deviations();

    UnitOfWork unitOfWork();
}
