package org.provisio.server;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
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
 * A store that is still opening: start-up opens the database (and migrates it) while the HTTP
 * server starts, on the other core, and a request that arrives in between waits for the store
 * instead of failing. Every port is the opened store's own.
 */
final class DeferredStore implements Store, AutoCloseable {
    private final CompletableFuture<Store> opening;

    DeferredStore(CompletableFuture<Store> opening) {
        this.opening = opening;
    }

    /** The opened store; the failure to open it, unwrapped. */
    Store opened() {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Whether the store is open and usable. */
    boolean isOpen() {
        return opening.isDone() && !opening.isCompletedExceptionally();
    }

    @Override
    public Tenants tenants() {
        return opened().tenants();
    }

    @Override
    public Credentials credentials() {
        return opened().credentials();
    }

    @Override
    public Users users() {
        return opened().users();
    }

    @Override
    public Groups groups() {
        return opened().groups();
    }

    @Override
    public Invitations invitations() {
        return opened().invitations();
    }

    @Override
    public Outbox outbox() {
        return opened().outbox();
    }

    @Override
    public AuditLog auditLog() {
        return opened().auditLog();
    }

    @Override
    public Deviations deviations() {
        return opened().deviations();
    }

    @Override
    public UnitOfWork unitOfWork() {
        return opened().unitOfWork();
    }

    @Override
    public void close() {
        if (isOpen() && opening.join() instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Closing the store failed: " + e.getMessage(), e);
            }
        }
    }
}
