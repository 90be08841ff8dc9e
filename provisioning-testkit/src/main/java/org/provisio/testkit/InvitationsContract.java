package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;

/** The contract of {@link org.provisio.domain.port.Invitations}: lookup by token hash, state changes, removal. */
public abstract class InvitationsContract extends StoreContract {

    private Invitation invitation(TenantId owner, String user, String token) {
        return Invitation.issue(InvitationId.of(nextId("inv")), owner, UserId.of(user), SecretHash.of(token), T0,
                InvitationTtl.DEFAULT);
    }

    @Test
    void findsAnInvitationByIdAndByTheHashOfItsToken() {
        Invitation invitation = invitation(tenant, "alice", "token-a");
        store.invitations().add(invitation);

        assertThat(store.invitations().find(invitation.id())).contains(invitation);
        assertThat(store.invitations().findByTokenHash(SecretHash.of("token-a"))).contains(invitation);
        assertThat(store.invitations().findByTokenHash(SecretHash.of("token-b"))).isEmpty();
        assertThat(store.invitations().find(InvitationId.of("unknown"))).isEmpty();
    }

    @Test
    void updatesRecordAcceptanceAndRevocation() {
        Invitation a = invitation(tenant, "alice", "token-a");
        Invitation b = invitation(tenant, "bob", "token-b");
        store.invitations().add(a);
        store.invitations().add(b);
        Instant later = T0.plusSeconds(60);

        assertThat(store.invitations().update(a.accept(later))).isTrue();
        assertThat(store.invitations().update(b.revoke(later))).isTrue();
        assertThat(store.invitations().update(invitation(tenant, "carol", "token-c"))).isFalse();

        assertThat(store.invitations().findByTokenHash(SecretHash.of("token-a")).get().acceptedAt()).contains(later);
        assertThat(store.invitations().find(b.id()).get().revokedAt()).contains(later);
    }

    @Test
    void deletesEveryInvitationOfOneUserOnly() {
        store.invitations().add(invitation(tenant, "alice", "a1"));
        store.invitations().add(invitation(tenant, "alice", "a2"));
        Invitation bob = invitation(tenant, "bob", "b1");
        store.invitations().add(bob);
        Invitation elsewhere = invitation(otherTenant, "alice", "x1");
        store.invitations().add(elsewhere);

        assertThat(store.invitations().deleteAllFor(tenant, UserId.of("alice"))).isEqualTo(2);

        assertThat(store.invitations().findByTokenHash(SecretHash.of("a1"))).isEmpty();
        assertThat(store.invitations().findByTokenHash(SecretHash.of("a2"))).isEmpty();
        assertThat(store.invitations().find(bob.id())).contains(bob);
        assertThat(store.invitations().find(elsewhere.id())).contains(elsewhere);
    }

    @Test
    void listsEveryInvitationOfOneUserOldestFirst() {
        Invitation first = invitation(tenant, "alice", "a1");
        Invitation second = Invitation.issue(InvitationId.of(nextId("inv")), tenant, UserId.of("alice"),
                SecretHash.of("a2"), T0.plusSeconds(5), InvitationTtl.DEFAULT).revoke(T0.plusSeconds(9));
        store.invitations().add(second);
        store.invitations().add(first);
        store.invitations().add(invitation(tenant, "bob", "b1"));
        store.invitations().add(invitation(otherTenant, "alice", "x1"));

        assertThat(store.invitations().allFor(tenant, UserId.of("alice"))).containsExactly(first, second);
        assertThat(store.invitations().allFor(tenant, UserId.of("carol"))).isEmpty();
    }
}
