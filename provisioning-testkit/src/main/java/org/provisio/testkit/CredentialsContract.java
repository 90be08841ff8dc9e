package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;

/**
 * The contract of {@link org.provisio.domain.port.Tenants} and {@link org.provisio.domain.port.Credentials}:
 * storage, sticky revocations and recorded uses that only move forward.
 */
public abstract class CredentialsContract extends StoreContract {

    @Test
    void tenantsAreFoundAndListedInCreationOrder() {
        Tenant third = new Tenant(TenantId.of("third"), "Initech", T0);
        store.tenants().add(third);

        assertThat(store.tenants().find(TenantId.of("third"))).contains(third);
        assertThat(store.tenants().find(TenantId.of("nope"))).isEmpty();
        assertThat(store.tenants().list()).extracting(Tenant::id).containsExactly(tenant, otherTenant, third.id());
    }

    @Test
    void credentialsAreStoredByIdAndListedPerTenant() {
        Credential first = Credential.issued(TokenId.of("t1"), tenant, SecretHash.of("s1"), T0);
        Credential second = Credential.issued(TokenId.of("t2"), tenant, SecretHash.of("s2"), T0.plusSeconds(1));
        Credential foreign = Credential.issued(TokenId.of("t3"), otherTenant, SecretHash.of("s3"), T0);
        store.credentials().add(first);
        store.credentials().add(second);
        store.credentials().add(foreign);

        assertThat(store.credentials().find(TokenId.of("t2"))).contains(second);
        assertThat(store.credentials().find(TokenId.of("t9"))).isEmpty();
        assertThat(store.credentials().list(tenant)).containsExactly(first, second);
        assertThat(store.credentials().list(TenantId.of("empty"))).isEmpty();
    }

    @Test
    void updatesRecordUseAndRevocation() {
        Credential credential = Credential.issued(TokenId.of("t1"), tenant, SecretHash.of("s1"), T0);
        store.credentials().add(credential);
        Instant used = T0.plusSeconds(5);
        Instant revoked = T0.plusSeconds(9);

        assertThat(store.credentials().update(credential.usedAt(used))).isTrue();
        assertThat(store.credentials().update(store.credentials().find(credential.id()).get().revoke(revoked)))
                .isTrue();
        assertThat(store.credentials().update(Credential.issued(TokenId.of("t9"), tenant, SecretHash.of("x"), T0)))
                .isFalse();

        Credential stored = store.credentials().find(credential.id()).get();
        assertThat(stored.lastUsedAt()).contains(used);
        assertThat(stored.revokedAt()).contains(revoked);
        assertThat(stored.secretHash()).isEqualTo(SecretHash.of("s1"));
    }

    @Test
    void aLastUseRecordedFromAStaleReadNeverUndoesARevocation() {
        Credential credential = Credential.issued(TokenId.of("t1"), tenant, SecretHash.of("s1"), T0);
        store.credentials().add(credential);
        Credential readByAnAuthentication = store.credentials().find(credential.id()).orElseThrow();
        store.credentials().update(readByAnAuthentication.revoke(T0.plusSeconds(1)));   // the admin revokes

        store.credentials().update(readByAnAuthentication.usedAt(T0.plusSeconds(2)));   // the late write

        Credential stored = store.credentials().find(credential.id()).orElseThrow();
        assertThat(stored.isRevoked()).isTrue();
        assertThat(stored.revokedAt()).contains(T0.plusSeconds(1));
    }

    @Test
    void recordedUsesOnlyEverMoveTheLastUseForward() {
        Credential one = Credential.issued(TokenId.of("t1"), tenant, SecretHash.of("s1"), T0);
        Credential two = Credential.issued(TokenId.of("t2"), otherTenant, SecretHash.of("s2"), T0);
        store.credentials().add(one);
        store.credentials().add(two);

        store.credentials().recordUses(Map.of(one.id(), T0.plusSeconds(60), two.id(), T0.plusSeconds(30),
                TokenId.of("unknown"), T0.plusSeconds(90)));
        assertThat(store.credentials().find(one.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(60));
        assertThat(store.credentials().find(two.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(30));
        assertThat(store.credentials().find(TokenId.of("unknown"))).isEmpty();

        store.credentials().recordUses(Map.of(one.id(), T0.plusSeconds(45), two.id(), T0.plusSeconds(120)));
        assertThat(store.credentials().find(one.id()).orElseThrow().lastUsedAt())
                .as("an older use recorded late never moves it back").contains(T0.plusSeconds(60));
        assertThat(store.credentials().find(two.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(120));

        store.credentials().recordUses(Map.of(one.id(), T0.plusSeconds(60)));
        assertThat(store.credentials().find(one.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(60));
        store.credentials().recordUses(Map.of());
    }

    @Test
    void aRecordedUseNeverUndoesARevocation() {
        Credential credential = Credential.issued(TokenId.of("t1"), tenant, SecretHash.of("s1"), T0);
        store.credentials().add(credential);
        store.credentials().update(credential.revoke(T0.plusSeconds(1)));

        store.unitOfWork().run(() -> store.credentials().recordUses(Map.of(credential.id(), T0.plusSeconds(2))));

        Credential stored = store.credentials().find(credential.id()).orElseThrow();
        assertThat(stored.revokedAt()).contains(T0.plusSeconds(1));
        assertThat(stored.lastUsedAt()).contains(T0.plusSeconds(2));
        assertThat(stored.secretHash()).isEqualTo(SecretHash.of("s1"));
    }
}
