package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserStatus;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;

/**
 * What the admin API and the console read and change beyond SCIM, on every store: a tenant's
 * profile, the audit trail of one target, users found by a search text, a parked message given
 * another chance, a user's latest invitation, and the kind of a credential.
 */
public abstract class AdministrationContract extends StoreContract {
    @Test
    void aTenantsProfileChangesAndReadsBack() {
        Tenant acme = store.tenants().find(tenant).orElseThrow();
        assertThat(acme.profile()).isEqualTo(ConformanceProfile.LENIENT);
        assertThat(store.tenants().update(acme.withProfile(ConformanceProfile.STRICT))).isTrue();
        assertThat(store.tenants().find(tenant).orElseThrow().profile()).isEqualTo(ConformanceProfile.STRICT);
        assertThat(store.tenants().find(otherTenant).orElseThrow().profile()).isEqualTo(ConformanceProfile.LENIENT);
        assertThat(store.tenants().update(new Tenant(org.provisio.domain.model.TenantId.of("nobody"), "N", T0)))
                .isFalse();
    }

    @Test
    void theAuditTrailOfOneTargetNewestFirst() {
        for (int i = 0; i < 5; i++) {
            store.auditLog().append(new AuditEntry(nextId("a"), tenant, Actor.admin(), AuditAction.USER_UPDATED,
                    i % 2 == 0 ? "user:u1" : "user:u2", T0.plusSeconds(i), "#" + i));
        }
        store.auditLog().append(new AuditEntry(nextId("a"), otherTenant, Actor.admin(), AuditAction.USER_UPDATED,
                "user:u1", T0, "other"));
        var trail = store.auditLog().read(tenant, "user:u1", PageRequest.first(10));
        assertThat(trail.totalResults()).isEqualTo(3);
        assertThat(trail.items()).extracting(AuditEntry::detail).containsExactly("#4", "#2", "#0");
        assertThat(store.auditLog().read(tenant, "user:u1", PageRequest.of(2, 1)).items())
                .extracting(AuditEntry::detail).containsExactly("#2");
    }

    @Test
    void usersAreFoundByAPartOfTheirNameOrEmailIgnoringCase() {
        User kim = store(user(tenant, "kim.lee@example.com", pending(), profile("Kim", "Straße", "kim.work@acme.example")));
        User ola = store(user(tenant, "ola@example.com", new org.provisio.domain.model.Active(T0),
                profile("Ola", "Nordmann", "o.n@acme.example")));
        store(user(otherTenant, "kim.other@example.com", pending(), profile("Kim", "Other", "kim@globex.example")));
        assertThat(search("KIM", Optional.empty())).containsExactly(kim.id());
        assertThat(search("strasse", Optional.empty())).containsExactly(kim.id());
        assertThat(search("ACME.EXAMPLE", Optional.empty())).containsExactly(kim.id(), ola.id());
        assertThat(search("acme.example", Optional.of(UserStatus.ACTIVE))).containsExactly(ola.id());
        assertThat(search("%", Optional.empty())).isEmpty();
        assertThat(search("_", Optional.empty())).isEmpty();
        assertThat(store.users().listByStatus(tenant, Optional.empty(), Optional.of("example"), PageRequest.of(2, 1))
                .totalResults()).isEqualTo(2);
    }

    private List<UserId> search(String text, Optional<UserStatus> status) {
        return store.users().listByStatus(tenant, status, Optional.of(text), PageRequest.first(10)).items().stream()
                .map(User::id).toList();
    }

    private User store(User u) {
        store.users().add(u);
        return u;
    }

    private static ComplexValue profile(String given, String family, String email) {
        return ComplexValue.of("name", ComplexValue.of("givenName", StringValue.of(given), "familyName",
                        StringValue.of(family)),
                "emails", MultiValue.of(ComplexValue.of("value", StringValue.of(email), "primary", BooleanValue.TRUE)));
    }

    @Test
    void aParkedMessageRequeuedIsDueAtOnceWithItsAttemptsKept() {
        OutboxMessage m = new OutboxMessage(nextId("m"), tenant, UserId.of("u1"), OutboxMessage.Kind.SUSPENDED, T0,
                Map.of());
        store.outbox().append(m);
        assertThat(store.outbox().claim(10, 5, T0, Duration.ofMinutes(5))).hasSize(1);
        assertThat(store.outbox().markParked(m.id(), T0)).isTrue();
        assertThat(store.outbox().claim(10, 5, T0.plusSeconds(1), Duration.ofMinutes(5))).isEmpty();
        assertThat(store.outbox().requeue(m.id())).isTrue();
        assertThat(store.outbox().requeue(m.id())).as("no longer parked").isFalse();
        assertThat(store.outbox().list(Optional.of(tenant), EnumSet.of(OutboxMessage.State.PARKED), 10)).isEmpty();
        List<OutboxMessage> due = store.outbox().claim(10, 5, T0.plusSeconds(2), Duration.ofMinutes(5));
        assertThat(due).extracting(OutboxMessage::id).containsExactly(m.id());
        assertThat(due.get(0).attempts()).isEqualTo(1);
        assertThat(store.outbox().requeue("nothing")).isFalse();
    }

    @Test
    void aUsersLatestInvitation() {
        UserId u = UserId.of("u1");
        assertThat(store.invitations().latestFor(tenant, u)).isEmpty();
        Invitation first = Invitation.issue(InvitationId.of("i1"), tenant, u, SecretHash.of("t1"), T0,
                InvitationTtl.DEFAULT);
        Invitation second = Invitation.issue(InvitationId.of("i2"), tenant, u, SecretHash.of("t2"), T0.plusSeconds(60),
                InvitationTtl.DEFAULT);
        store.invitations().add(first);
        store.invitations().add(second);
        store.invitations().add(Invitation.issue(InvitationId.of("i3"), otherTenant, u, SecretHash.of("t3"),
                T0.plusSeconds(120), InvitationTtl.DEFAULT));
        assertThat(store.invitations().latestFor(tenant, u)).contains(second);
    }

    @Test
    void aCredentialKeepsItsKind() {
        store.credentials().add(Credential.issued(TokenId.of("scim1"), tenant, SecretHash.of("s"), T0));
        store.credentials().add(Credential.issued(TokenId.of("adm1"), tenant, SecretHash.of("a"), T0,
                Credential.Kind.ORGANIZATION_ADMIN));
        assertThat(store.credentials().find(TokenId.of("scim1")).orElseThrow().kind()).isEqualTo(Credential.Kind.SCIM);
        assertThat(store.credentials().find(TokenId.of("adm1")).orElseThrow().kind())
                .isEqualTo(Credential.Kind.ORGANIZATION_ADMIN);
        assertThat(store.credentials().list(tenant)).extracting(Credential::kind)
                .containsExactly(Credential.Kind.SCIM, Credential.Kind.ORGANIZATION_ADMIN);
    }
}
