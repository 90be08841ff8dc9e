package org.provisio.domain.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.ResourceLimits;
import org.provisio.domain.model.Retention;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.IdGenerator;
import org.provisio.domain.port.Store;
import org.provisio.domain.usecase.KeptReads;
import org.provisio.domain.usecase.Outcome;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaRegistry;

/**
 * What the services share: the store, time, ids, settings, and the two ways a use case runs in a
 * unit of work — {@link #write} (a refused outcome rolls back) and {@link #read}.
 */
final class Context {
    final Store store;
    final Clock clock;
    final IdGenerator ids;
    final Retention retention;
    final InvitationTtl invitationTtl;
    final int purgeBatchSize;
    /** The schemas users and groups are validated against, an embedder's extensions included. */
    final SchemaRegistry schemas;
    final ResourceSchema userSchema;
    final ResourceSchema groupSchema;
    /** What one user may hold. */
    final ResourceLimits limits;
    private final SecureRandom random;
    /** Answers of SCIM reads kept while the store has committed nothing since; see {@link ReadCache}. */
    private final ReadCache kept;
    /**
     * How many answers {@link #kept} holds at most: one per 16 KiB of the heap's limit, 1,024 to
     * 65,536 (16,384 with the reference server's 256 MiB). An answer is a user view of a few KiB, so
     * a full cache takes a fifth of the heap at most.
     */
    static final int KEPT_READS =
            (int) Math.max(1024, Math.min(65_536, Runtime.getRuntime().maxMemory() / (16 * 1024)));
    /**
     * Tenants as last read: a tenant is never deleted and changes only its profile, so it is read
     * again at most every {@link #TENANT_REVALIDATION} (the delay within which another instance's
     * profile change applies here) and at once after a change made here.
     */
    private final ConcurrentMap<TenantId, Known> tenants = new ConcurrentHashMap<>();
    static final java.time.Duration TENANT_REVALIDATION = java.time.Duration.ofSeconds(5);

    private record Known(Tenant tenant, Instant readAt) {
    }

    Context(Store store, Clock clock, IdGenerator ids, Retention retention, InvitationTtl invitationTtl,
            int purgeBatchSize, SchemaRegistry schemas, ResourceLimits limits, SecureRandom random) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.retention = retention;
        this.invitationTtl = invitationTtl;
        this.purgeBatchSize = purgeBatchSize;
        this.schemas = schemas;
        this.userSchema = schemas.resourceSchema("User");
        this.groupSchema = schemas.resourceSchema("Group");
        this.limits = limits;
        this.random = random;
        // the unit of work is asked for on each read, not now: the reference server opens its store
        // while the domain is built and serves health probes meanwhile
        this.kept = new ReadCache(store::unitOfWork, KEPT_READS);
    }

    Instant now() {
        return clock.instant();
    }

    /** 32 random bytes, base64url. */
    String secret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The tenant, from memory when read less than {@link #TENANT_REVALIDATION} ago. */
    Optional<Tenant> tenant(TenantId id) {
        Instant now = now();
        Known known = tenants.get(id);
        if (known != null && now.isBefore(known.readAt().plus(TENANT_REVALIDATION))) {
            return Optional.of(known.tenant());
        }
        Optional<Tenant> found = store.tenants().find(id);
        found.ifPresent(t -> tenants.put(id, new Known(t, now)));
        return found;
    }

    /** Reads the tenant again next time. */
    void forgetTenant(TenantId id) {
        tenants.remove(id);
    }

    /**
     * Runs a use case in one unit of work. A refused outcome rolls back whatever the work wrote
     * before it decided, so that a refused use case has changed nothing.
     */
    <T> Outcome<T> write(Supplier<Outcome<T>> work) {
        try {
            return store.unitOfWork().inTransaction(() -> {
                Outcome<T> outcome = work.get();
                if (!outcome.isDone()) {
                    throw new RolledBack(outcome);
                }
                return outcome;
            });
        } catch (RolledBack r) {
            @SuppressWarnings("unchecked")
            Outcome<T> refused = (Outcome<T>) r.outcome;
            return refused;
        }
    }

    /** Runs reads in one read-only unit of work. */
    <T> T read(Supplier<T> work) {
        return store.unitOfWork().readOnly(work);
    }

    /**
     * {@link #read} whose answer is kept under {@code key} while the store commits nothing (only a
     * store that counts its changes, see {@link ReadCache}). {@code key} names everything the answer
     * depends on; the answer is immutable.
     */
    <T> T readKept(Object key, Supplier<T> work) {
        return kept.get(key, () -> read(work));
    }

    /** How the kept reads fare. */
    KeptReads keptReads() {
        return kept;
    }

    /** {@link #readKept(Object, Supplier)} keeping only answers that pass {@code worthKeeping}. */
    <T> T readKept(Object key, Supplier<T> work, Predicate<? super T> worthKeeping) {
        return kept.get(key, () -> read(work), worthKeeping);
    }

    /** Carries a refused outcome out of the unit of work it rolls back. */
    private static final class RolledBack extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Outcome<?> outcome;

        RolledBack(Outcome<?> outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }
}
