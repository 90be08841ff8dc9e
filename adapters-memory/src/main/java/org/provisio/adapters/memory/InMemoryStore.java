package org.provisio.adapters.memory;

import org.provisio.domain.port.AuditLog;
import org.provisio.domain.port.Credentials;
import org.provisio.domain.port.Deviations;
import org.provisio.domain.port.Groups;
import org.provisio.domain.port.Invitations;
import org.provisio.domain.port.Outbox;
import org.provisio.domain.port.Store;
import org.provisio.domain.port.Tenants;
import org.provisio.domain.port.UnitOfWork;
import org.provisio.domain.port.Users;

/**
 * All ports of the provisioning domain in memory. Thread-safe: a tenant's users, groups and
 * invitations are guarded by that tenant's read-write lock, so readers of a tenant proceed in
 * parallel and tenants never wait for each other; a unit of work holds the locks of the tenants it
 * touches and journals every write, so that an exception inside {@link UnitOfWork#inTransaction}
 * undoes them all before anyone can read them. The outbox and audit log take what a unit of work
 * appended when it commits.
 *
 * <pre>{@code
 * Provisioning provisioning = Provisioning.builder(InMemoryStore.create()).build();
 * }</pre>
 */
public final class InMemoryStore implements Store {
    private final Guard guard = new Guard();
    private final InMemoryTenants tenants = new InMemoryTenants(guard);
    private final InMemoryCredentials credentials = new InMemoryCredentials(guard);
    private final InMemoryGroups groups = new InMemoryGroups(guard);
    private final InMemoryUsers users = new InMemoryUsers(guard, groups);
    private final InMemoryInvitations invitations = new InMemoryInvitations(guard);
    private final InMemoryOutbox outbox = new InMemoryOutbox(guard);
    private final InMemoryAuditLog auditLog = new InMemoryAuditLog(guard);
    private final InMemoryDeviations deviations = new InMemoryDeviations(guard);

    private InMemoryStore() {
    }

    /** A new, empty store. */
    public static InMemoryStore create() {
        return new InMemoryStore();
    }

    @Override
    public Tenants tenants() {
        return tenants;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public Users users() {
        return users;
    }

    @Override
    public Groups groups() {
        return groups;
    }

    @Override
    public Invitations invitations() {
        return invitations;
    }

    @Override
    public Outbox outbox() {
        return outbox;
    }

    @Override
    public AuditLog auditLog() {
        return auditLog;
    }

    @Override
    public Deviations deviations() {
        return deviations;
    }

    @Override
    public UnitOfWork unitOfWork() {
        return guard;
    }
}
