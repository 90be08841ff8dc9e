package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.CredentialInfo;
import org.provisio.domain.model.IssuedCredential;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.port.CredentialCache;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.RevokeCredential;

/**
 * Tenants and SCIM credentials through the use cases: issue once, store the hash, authenticate
 * (noting the use, stored later by {@code RecordCredentialUses}), revoke.
 */
public abstract class CredentialScenarios extends StoreContract {
    private Provisioning provisioning;
    private IssuedCredential issued;

    @BeforeEach
    void issueOne() {
        provisioning = Provisioning.builder(store).clock(clock).build();
        issued = Outcomes.done(provisioning.issueCredential().issue(new IssueCredential.Command(tenant, Actor.admin())));
    }

    @Test
    void createsTenantsAndAuditsIt() {
        Tenant acme = provisioning.createTenant().create(new CreateTenant.Command(" Initech ", Actor.admin()));

        assertThat(acme.name()).isEqualTo("Initech");
        assertThat(acme.createdAt()).isEqualTo(T0);
        assertThat(provisioning.listTenants().find(acme.id())).contains(acme);
        assertThat(provisioning.listTenants().list()).endsWith(acme);
        assertThat(provisioning.readAuditLog().read(acme.id(), PageRequest.first(10)).items())
                .extracting(AuditEntry::action).containsExactly(AuditAction.TENANT_CREATED);
    }

    @Test
    void theSecretIsShownOnceAndOnlyItsHashIsStored() {
        assertThat(issued.secretToken()).startsWith("scim_" + issued.tokenId().value() + ".");
        assertThat(issued.secretToken().length()).isGreaterThan(("scim_" + issued.tokenId().value() + ".").length() + 40);

        SecretHash stored = store.credentials().find(issued.tokenId()).orElseThrow().secretHash();
        assertThat(stored.value()).doesNotContain(issued.secretToken().substring(issued.secretToken().indexOf('.') + 1));
        assertThat(stored.matches(issued.secretToken())).isTrue();
        assertThat(issued.toString()).doesNotContain(issued.secretToken());
    }

    @Test
    void everyIssueGivesADifferentSecret() {
        IssuedCredential second = Outcomes.done(provisioning.issueCredential()
                .issue(new IssueCredential.Command(tenant, Actor.admin())));

        assertThat(second.secretToken()).isNotEqualTo(issued.secretToken());
        assertThat(second.tokenId()).isNotEqualTo(issued.tokenId());
    }

    @Test
    void aValidTokenAuthenticatesAndItsUseIsListedAtOnce() {
        clock.advance(Duration.ofMinutes(5));

        assertThat(provisioning.authenticateCredential().authenticate(tenant, issued.secretToken()))
                .contains(new Actor.Credential(issued.tokenId()));

        List<CredentialInfo> listed = provisioning.listCredentials().list(tenant);
        assertThat(listed).singleElement().satisfies(info -> {
            assertThat(info.tokenId()).isEqualTo(issued.tokenId());
            assertThat(info.createdAt()).isEqualTo(T0);
            assertThat(info.lastUsedAt()).as("noted, not stored yet").contains(T0.plus(Duration.ofMinutes(5)));
            assertThat(info.revokedAt()).isEmpty();
        });
    }

    @Test
    void authenticationWritesNothingAndRecordingStoresTheNotedUses() {
        clock.advance(Duration.ofMinutes(5));
        provisioning.authenticateCredential().authenticate(tenant, issued.secretToken());

        assertThat(store.credentials().find(issued.tokenId()).orElseThrow().lastUsedAt())
                .as("authentication wrote nothing").isEmpty();
        assertThat(provisioning.recordCredentialUses().recordNoted()).isEqualTo(1);
        assertThat(store.credentials().find(issued.tokenId()).orElseThrow().lastUsedAt())
                .contains(T0.plus(Duration.ofMinutes(5)));
        assertThat(provisioning.recordCredentialUses().recordNoted()).as("nothing noted since").isZero();
    }

    @Test
    void usesAreNotedAtMostOnceAMinutePerCredential() {
        IssuedCredential other = Outcomes.done(provisioning.issueCredential()
                .issue(new IssueCredential.Command(tenant, Actor.admin())));
        provisioning.authenticateCredential().authenticate(tenant, issued.secretToken());
        assertThat(provisioning.recordCredentialUses().recordNoted()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(59));
        provisioning.authenticateCredential().authenticate(tenant, issued.secretToken());
        provisioning.authenticateCredential().authenticate(tenant, other.secretToken());
        assertThat(provisioning.recordCredentialUses().recordNoted()).as("only the other credential's first use")
                .isEqualTo(1);
        assertThat(store.credentials().find(issued.tokenId()).orElseThrow().lastUsedAt()).contains(T0);

        clock.advance(Duration.ofSeconds(1));
        provisioning.authenticateCredential().authenticate(tenant, issued.secretToken());
        assertThat(provisioning.recordCredentialUses().recordNoted()).isEqualTo(1);
        assertThat(store.credentials().find(issued.tokenId()).orElseThrow().lastUsedAt())
                .contains(T0.plus(Duration.ofMinutes(1)));
    }

    static Stream<Arguments> badTokens() {
        return Stream.of(
                Arguments.of("empty", (TokenMangler) t -> ""),
                Arguments.of("no prefix", (TokenMangler) t -> t.substring("scim_".length())),
                Arguments.of("prefix only", (TokenMangler) t -> "scim_"),
                Arguments.of("no secret", (TokenMangler) t -> t.substring(0, t.indexOf('.') + 1)),
                Arguments.of("tampered secret", (TokenMangler) t -> t.substring(0, t.length() - 1)
                        + (t.endsWith("A") ? "B" : "A")),
                Arguments.of("unknown id", (TokenMangler) t -> "scim_unknown" + t.substring(t.indexOf('.'))),
                Arguments.of("bad id", (TokenMangler) t -> "scim_a/b" + t.substring(t.indexOf('.'))),
                Arguments.of("trailing space", (TokenMangler) t -> t + " "));
    }

    /** Turns a good token into a bad one. */
    @FunctionalInterface
    interface TokenMangler {
        String mangle(String token);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badTokens")
    void aBadTokenDoesNotAuthenticate(String why, TokenMangler mangler) {
        assertThat(provisioning.authenticateCredential().authenticate(tenant, mangler.mangle(issued.secretToken())))
                .isEmpty();
        assertThat(provisioning.listCredentials().list(tenant).get(0).lastUsedAt()).isEmpty();
        assertThat(provisioning.recordCredentialUses().recordNoted()).isZero();
    }

    @Test
    void aTokenOnlyAuthenticatesForItsOwnTenant() {
        assertThat(provisioning.authenticateCredential().authenticate(otherTenant, issued.secretToken())).isEmpty();
    }

    @Test
    void aRevokedTokenNoLongerAuthenticatesButStaysListed() {
        clock.advance(Duration.ofHours(1));

        CredentialInfo revoked = Outcomes.done(provisioning.revokeCredential().revoke(
                new RevokeCredential.Command(tenant, issued.tokenId(), Actor.admin())));
        assertThat(revoked.revokedAt()).contains(T0.plus(Duration.ofHours(1)));
        clock.advance(Duration.ofHours(1));
        assertThat(Outcomes.done(provisioning.revokeCredential().revoke(
                new RevokeCredential.Command(tenant, issued.tokenId(), Actor.admin()))).revokedAt())
                .as("revoking twice keeps the first revocation").contains(T0.plus(Duration.ofHours(1)));

        assertThat(provisioning.authenticateCredential().authenticate(tenant, issued.secretToken())).isEmpty();
        assertThat(provisioning.listCredentials().list(tenant).get(0).revokedAt()).contains(T0.plus(Duration.ofHours(1)));
        assertThat(provisioning.readAuditLog().read(tenant, PageRequest.first(10)).items())
                .extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREDENTIAL_REVOKED, AuditAction.CREDENTIAL_ISSUED);
    }

    @Test
    void aRevocationTakesEffectAtOnceThroughACredentialCache() {
        Provisioning cached = Provisioning.builder(store).clock(clock)
                .credentialCache(new RememberingCache()).build();
        assertThat(cached.authenticateCredential().authenticate(tenant, issued.secretToken())).isPresent();

        Outcomes.done(cached.revokeCredential().revoke(
                new RevokeCredential.Command(tenant, issued.tokenId(), Actor.admin())));

        assertThat(cached.authenticateCredential().authenticate(tenant, issued.secretToken())).isEmpty();
    }

    /** A cache that keeps what it loaded until it is invalidated. */
    private static final class RememberingCache implements CredentialCache {
        private final Map<TokenId, Optional<Credential>> entries = new ConcurrentHashMap<>();

        @Override
        public Optional<Credential> get(TokenId id, Function<TokenId, Optional<Credential>> loader) {
            return entries.computeIfAbsent(id, loader);
        }

        @Override
        public void invalidate(TokenId id) {
            entries.remove(id);
        }
    }

    @Test
    void revokingAnotherTenantsOrAnUnknownCredentialIsRefused() {
        assertThat(provisioning.revokeCredential().revoke(
                new RevokeCredential.Command(otherTenant, issued.tokenId(), Actor.admin())))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("credential", issued.tokenId().value())));
        assertThat(provisioning.revokeCredential().revoke(
                new RevokeCredential.Command(tenant, TokenId.of("unknown"), Actor.admin())))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("credential", "unknown")));
        assertThat(provisioning.authenticateCredential().authenticate(tenant, issued.secretToken())).isPresent();
        assertThat(provisioning.readAuditLog().read(tenant, PageRequest.first(10)).items())
                .extracting(AuditEntry::action).containsExactly(AuditAction.CREDENTIAL_ISSUED);
    }

    @Test
    void noCredentialIsIssuedForAnUnknownTenant() {
        assertThat(provisioning.issueCredential().issue(new IssueCredential.Command(TenantId.of("nope"),
                Actor.admin()))).isEqualTo(Outcome.refused(new Refusal.NotFound("tenant", "nope")));
        assertThat(provisioning.listCredentials().list(TenantId.of("nope"))).isEmpty();
    }
}
