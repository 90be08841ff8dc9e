package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Invitations;

/**
 * Invitations with an index by token hash. Every write happens under the tenant's write lock (an
 * invitation changes with its user), and every read takes the tenant's read lock once it knows the
 * tenant, so no reader sees an invitation change that is later rolled back. The table's own
 * monitor only keeps the maps consistent.
 */
final class InMemoryInvitations implements Invitations {
    private final Guard guard;
    private final SeqMap<InvitationId, Invitation> invitations;
    private final KeyIndex<SecretHash, InvitationId> byHash;
    /** Each user's invitations in the order they were issued: a tenant's users to their ids. */
    private final Map<TenantId, KeyIndex<UserId, InvitationId[]>> byUser = new ConcurrentHashMap<>();

    InMemoryInvitations(Guard guard) {
        this.guard = guard;
        this.invitations = new SeqMap<>(guard);
        this.byHash = new KeyIndex<>(guard);
    }

    private KeyIndex<UserId, InvitationId[]> usersOf(TenantId tenant) {
        return byUser.computeIfAbsent(tenant, t -> new KeyIndex<>(guard));
    }

    /** The ids of the user's invitations in the order they were issued; a read creates nothing. */
    private InvitationId[] idsOf(TenantId tenant, UserId user) {
        KeyIndex<UserId, InvitationId[]> users = byUser.get(tenant);
        return users == null ? NONE : users.get(user).orElse(NONE);
    }

    private static final InvitationId[] NONE = new InvitationId[0];

    /** The user's invitations in the order they were issued. */
    private List<Invitation> issuedTo(TenantId tenant, UserId user) {
        InvitationId[] ids = idsOf(tenant, user);
        List<Invitation> mine = new ArrayList<>(ids.length);
        for (InvitationId id : ids) {
            invitations.get(id).ifPresent(mine::add);
        }
        return mine;
    }

    @Override
    public void add(Invitation invitation) {
        guard.write(invitation.tenantId(), () -> {
            synchronized (this) {
                if (invitations.contains(invitation.id()) || byHash.contains(invitation.tokenHash())) {
                    throw new IllegalArgumentException("invitation " + invitation.id() + " exists");
                }
                invitations.put(invitation.id(), invitation);
                byHash.put(invitation.tokenHash(), invitation.id());
                InvitationId[] before = idsOf(invitation.tenantId(), invitation.userId());
                InvitationId[] after = Arrays.copyOf(before, before.length + 1);
                after[before.length] = invitation.id();
                usersOf(invitation.tenantId()).put(invitation.userId(), after);
            }
            return null;
        });
    }

    @Override
    public Optional<Invitation> find(InvitationId id) {
        Optional<Invitation> seen = peek(id);
        return seen.flatMap(i -> guard.read(i.tenantId(), () -> peek(id)));
    }

    @Override
    public Optional<Invitation> findByTokenHash(SecretHash tokenHash) {
        Optional<InvitationId> id;
        synchronized (this) {
            id = byHash.get(tokenHash);
        }
        return id.flatMap(this::find);
    }

    private synchronized Optional<Invitation> peek(InvitationId id) {
        return invitations.get(id);
    }

    @Override
    public boolean update(Invitation invitation) {
        return guard.write(invitation.tenantId(), () -> {
            synchronized (this) {
                Invitation current = invitations.getOrNull(invitation.id());
                if (current == null) {
                    return false;
                }
                if (!current.tokenHash().equals(invitation.tokenHash())) {
                    throw new IllegalArgumentException("an invitation's token does not change");
                }
                invitations.put(invitation.id(), invitation);
                return true;
            }
        });
    }

    @Override
    public Optional<Invitation> latestFor(TenantId tenant, UserId user) {
        return guard.read(tenant, () -> {
            synchronized (this) {
                List<Invitation> mine = issuedTo(tenant, user);
                return mine.isEmpty() ? Optional.empty() : Optional.of(mine.get(mine.size() - 1));
            }
        });
    }

    @Override
    public List<Invitation> allFor(TenantId tenant, UserId user) {
        return guard.read(tenant, () -> {
            List<Invitation> mine;
            synchronized (this) {
                mine = issuedTo(tenant, user);
            }
            mine.sort(java.util.Comparator.comparing(Invitation::issuedAt).thenComparing(i -> i.id().value()));
            return List.copyOf(mine);
        });
    }

    @Override
    public int deleteAllFor(TenantId tenant, UserId user) {
        return guard.write(tenant, () -> {
            synchronized (this) {
                List<Invitation> doomed = issuedTo(tenant, user);
                for (Invitation i : doomed) {
                    invitations.remove(i.id());
                    byHash.remove(i.tokenHash());
                }
                Optional.ofNullable(byUser.get(tenant)).ifPresent(users -> users.remove(user));
                return doomed.size();
            }
        });
    }
}
