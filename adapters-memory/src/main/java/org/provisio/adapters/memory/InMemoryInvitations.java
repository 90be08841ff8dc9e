package org.provisio.adapters.memory;

import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Invitations;

final class InMemoryInvitations implements Invitations {
    private final Guard guard;
    private final Table<InvitationId, Invitation> invitations;
    private final Table<SecretHash, InvitationId> byHash;

    InMemoryInvitations(Guard guard) {
        this.guard = guard;
        this.invitations = new Table<>(guard);
        this.byHash = new Table<>(guard);
    }

    @Override
    public void add(Invitation invitation) {
        guard.locked(() -> {
            if (invitations.contains(invitation.id()) || byHash.contains(invitation.tokenHash())) {
                throw new IllegalArgumentException("invitation " + invitation.id() + " exists");
            }
            invitations.put(invitation.id(), invitation);
            byHash.put(invitation.tokenHash(), invitation.id());
            return null;
        });
    }

    @Override
    public Optional<Invitation> find(InvitationId id) {
        return guard.locked(() -> invitations.get(id));
    }

    @Override
    public Optional<Invitation> findByTokenHash(SecretHash tokenHash) {
        return guard.locked(() -> byHash.get(tokenHash).flatMap(invitations::get));
    }

    @Override
    public boolean update(Invitation invitation) {
        return guard.locked(() -> {
            Optional<Invitation> current = invitations.get(invitation.id());
            if (current.isEmpty()) {
                return false;
            }
            if (!current.get().tokenHash().equals(invitation.tokenHash())) {
                throw new IllegalArgumentException("an invitation's token does not change");
            }
            invitations.put(invitation.id(), invitation);
            return true;
        });
    }

    @Override
    public int deleteAllFor(TenantId tenant, UserId user) {
        return guard.locked(() -> {
            List<Invitation> doomed = invitations.values().stream()
                    .filter(i -> i.tenantId().equals(tenant) && i.userId().equals(user)).toList();
            for (Invitation i : doomed) {
                invitations.remove(i.id());
                byHash.remove(i.tokenHash());
            }
            return doomed.size();
        });
    }
}
