package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.message.EntityTag;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;

/**
 * Provisioning through the domain's use cases: {@code POST /Users} with and without {@code active},
 * the SCIM view, userName uniqueness ignoring case (also for the non-ASCII names of the shared
 * fold, and under a race), invalid input, updates and versions, and the admin's views.
 */
public abstract class ProvisioningScenarios extends LifecycleFixture {

    @Test
    void provisioningAnActiveUserMakesItPendingAndQueuesTheInvitationEmail() {
        UserView kim = provision("kim", true);

        assertThat(kim.user().status()).isEqualTo(UserStatus.PENDING);
        assertThat(kim.toScim().get("active")).contains(BooleanValue.TRUE);
        assertThat(outboxKinds(kim)).containsExactly(OutboxMessage.Kind.PROVISIONED,
                OutboxMessage.Kind.INVITATION_EMAIL);
        OutboxMessage email = outbox(kim).get(1);
        assertThat(email.payload()).containsEntry("email", "kim.mail@example.com")
                .containsEntry("organization", "Acme")
                .containsEntry("expiresAt", T0.plus(TTL).toString())
                .containsKey("token");
        assertThat(auditFor(kim)).containsExactly(AuditAction.USER_PROVISIONED, AuditAction.INVITATION_ISSUED);
    }

    @Test
    void provisioningWithoutActiveMeansActive() {
        UserView kim = Outcomes.done(provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                resource("kim", Optional.empty()))));

        assertThat(kim.user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void provisioningAnInactiveUserSuspendsItUninvitedAndStartsTheRetentionClock() {
        UserView kim = provision("kim", false);

        assertThat(kim.user().state()).isEqualTo(new Suspended.NeverInvited(T0, T0.plus(RETENTION)));
        assertThat(kim.toScim().get("active")).contains(BooleanValue.FALSE);
        assertThat(outboxKinds(kim)).containsExactly(OutboxMessage.Kind.PROVISIONED);
        assertThat(auditFor(kim)).containsExactly(AuditAction.USER_PROVISIONED);
    }

    @Test
    void theScimViewCarriesIdentityProfileAndMeta() {
        UserView kim = provision("kim", true);
        ComplexValue scim = kim.toScim();

        assertThat(scim.getText("id")).contains(kim.user().id().value());
        assertThat(scim.getText("userName")).contains("kim");
        assertThat(scim.getComplex("name").flatMap(n -> n.getText("givenName"))).contains("Kim");
        assertThat(scim.getComplex("meta").flatMap(m -> m.getText("version"))).contains("W/\"1\"");
        assertThat(scim.getComplex("meta").flatMap(m -> m.getText("resourceType"))).contains("User");
        assertThat(kim.version()).isEqualTo(Version.of(1));
        assertThat(EntityTag.weak(kim.version().value())).isEqualTo("W/\"1\"");
    }

    @Test
    void aUserNameIsTakenInAnyCaseEvenBySuspendedUsers() {
        provision("Kim@Example.com", true);
        provision("suspended@example.com", false);

        assertThat(tryProvision("kim@example.COM", true))
                .isEqualTo(Outcome.refused(new Refusal.NotUnique("userName", "kim@example.COM")));
        assertThat(tryProvision("SUSPENDED@example.com", true))
                .isEqualTo(Outcome.refused(new Refusal.NotUnique("userName", "SUSPENDED@example.com")));
    }

    /**
     * The same userName ignoring case, by scim-core's one case fold, on every store: Greek final
     * sigma, German ß, Turkish dotless ı and precomposed against combining accents collide; the
     * dotted capital İ does not fold to i, and an accent is never dropped.
     */
    @ParameterizedTest(name = "{0} then {1}: taken {2}")
    @CsvSource({
            "ασ, ας, true",
            "ας, ΑΣ, true",
            "straße, STRASSE, true",
            "ınci, INCI, true",
            "José, Jose\u0301, true",
            "Jose\u0301, JOSÉ, true",
            "İpek, ipek, false",
            "José, Jose, false"
    })
    void theSameUserNameIgnoringCaseIsRefusedForNonAsciiNamesToo(String first, String second, boolean taken) {
        UserView existing = provision(first, true);

        Outcome<UserView> outcome = tryProvision(second, true);

        if (taken) {
            assertThat(outcome).isEqualTo(Outcome.refused(new Refusal.NotUnique("userName", second)));
            assertThat(provisioning.queryUsers().query(tenant, UserQuery.filtered(
                    Filter.parse("userName eq \"" + second + "\""), PageRequest.first(10))).items())
                    .extracting(v -> v.user().id()).containsExactly(existing.user().id());
        } else {
            assertThat(Outcomes.done(outcome).user().userName().value()).isEqualTo(second);
        }
    }

    @Test
    void provisioningFinalSigmaAfterSigmaIsRefusedAndTheNameFindsExactlyOneUser() {
        UserView first = provision("ασ", true);

        assertThat(tryProvision("ας", true)).isEqualTo(Outcome.refused(new Refusal.NotUnique("userName", "ας")));

        assertThat(provisioning.queryUsers().query(tenant, UserQuery.filtered(Filter.parse("userName eq \"ασ\""),
                PageRequest.first(10))).items()).extracting(v -> v.user().id()).containsExactly(first.user().id());
        assertThat(provisioning.queryUsers().query(tenant, UserQuery.all(PageRequest.first(10))).totalResults())
                .isEqualTo(1);
    }

    @Test
    void aRefusedProvisioningLeavesNoTrace() {
        provision("kim", true);
        int before = allOutboxMessages().size();
        long audits = auditCount();

        assertThat(tryProvision("KIM", true)).isEqualTo(Outcome.refused(new Refusal.NotUnique("userName", "KIM")));

        assertThat(allOutboxMessages()).hasSize(before);
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    void provisioningIntoAnUnknownTenantIsRefused() {
        TenantId nowhere = TenantId.of("nowhere");

        assertThat(provisioning.provisionUser().provision(new ProvisionUser.Command(nowhere, entra,
                resource("kim", Optional.empty()))))
                .isEqualTo(Outcome.refused(new Refusal.NotFound("tenant", "nowhere")));
        assertThat(allOutboxMessages()).isEmpty();
    }

    @Test
    void concurrentProvisioningOfOneUserNameLetsExactlyOneWin() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Outcome<UserView>>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = i % 2 == 0 ? "race@example.com" : "Race@Example.com";
                Callable<Outcome<UserView>> call = () -> {
                    start.await();
                    return tryProvision(name, true);
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<Outcome<UserView>> outcomes = new ArrayList<>();
            for (Future<Outcome<UserView>> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).filteredOn(Outcome::isDone).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.isDone())
                    .extracting(Outcomes::refusal)
                    .hasSize(threads - 1)
                    .allSatisfy(r -> assertThat(r).isInstanceOf(Refusal.NotUnique.class));
            assertThat(provisioning.queryUsers().query(tenant, UserQuery.all(PageRequest.first(10))).totalResults())
                    .isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aResourceWithoutUserNameOrWithANonBooleanActiveIsInvalid() {
        ScimResource noName = ScimResource.of(ComplexValue.of(
                "schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")),
                "displayName", StringValue.of("x")));
        ScimResource noSchemas = ScimResource.of(ComplexValue.of("userName", StringValue.of("kim")));
        ScimResource badActive = resource("kim", Optional.of(StringValue.of("maybe")));
        ScimResource hugeExternalId = ScimResource.of(resource("kim", Optional.empty()).attributes()
                .with("externalId", StringValue.of("x".repeat(1025))));

        assertThat(scimError(() -> provisioning.provisionUser().provision(
                new ProvisionUser.Command(tenant, entra, noName)))).isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(scimError(() -> provisioning.provisionUser().provision(
                new ProvisionUser.Command(tenant, entra, badActive)))).isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(scimError(() -> provisioning.provisionUser().provision(
                new ProvisionUser.Command(tenant, entra, noSchemas)))).isEqualTo(ScimErrorType.INVALID_SYNTAX);
        assertThat(scimError(() -> provisioning.provisionUser().provision(
                new ProvisionUser.Command(tenant, entra, hugeExternalId)))).isEqualTo(ScimErrorType.INVALID_VALUE);
        assertThat(store.users().query(tenant, UserQuery.all(PageRequest.first(10))).totalResults()).isZero();
    }

    @Test
    void aPasswordSentByTheIdentityProviderIsNeverStored() {
        ScimResource withPassword = ScimResource.of(resource("kim", Optional.of(BooleanValue.TRUE)).attributes()
                .with("password", StringValue.of("t1meMa$heen")));
        UserView kim = Outcomes.done(provisioning.provisionUser().provision(
                new ProvisionUser.Command(tenant, entra, withPassword)));
        assertThat(store.users().find(tenant, kim.user().id()).orElseThrow().toScim(List.of()).has("password")).isFalse();
    }

    // ---- updates and versions ----------------------------------------------------------------

    @Test
    void replaceUpdatesTheProfileAndMovesTheVersion() {
        UserView kim = provision("kim", true);
        ScimResource changed = ScimResource.of(kim.toScim().with("title", StringValue.of("Chief"))
                .with("userName", StringValue.of("kim.lee")));

        UserView updated = Outcomes.done(provisioning.replaceUser().replace(new ReplaceUser.Command(tenant,
                kim.user().id(), entra, changed, Optional.of(Version.of(1)))));

        assertThat(updated.user().version()).isEqualTo(Version.of(2));
        assertThat(updated.user().userName().value()).isEqualTo("kim.lee");
        assertThat(updated.toScim().getText("title")).contains("Chief");
        assertThat(updated.user().status()).isEqualTo(UserStatus.PENDING);
        assertThat(auditFor(kim)).endsWith(AuditAction.USER_UPDATED);
        assertThat(auditEntriesFor(kim).get(auditEntriesFor(kim).size() - 1).detail()).isEmpty();
    }

    @Test
    void replacingWithTheSameAttributesChangesNothing() {
        UserView kim = provision("kim", true);
        long audits = auditCount();

        UserView same = Outcomes.done(provisioning.replaceUser().replace(new ReplaceUser.Command(tenant,
                kim.user().id(), entra, ScimResource.of(kim.toScim()), Optional.empty())));

        assertThat(same.user()).isEqualTo(kim.user());
        assertThat(auditCount()).isEqualTo(audits);
    }

    @Test
    void aStaleIfMatchIsAVersionMismatchAndChangesNothing() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        assertThat(provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, kim.user().id(), entra,
                resource("kim", Optional.empty()), Optional.of(Version.of(1)))))
                .isEqualTo(Outcome.refused(new Refusal.VersionMismatch(Version.of(2))));
        assertThat(provisioning.deleteUser().delete(new DeleteUser.Command(tenant, kim.user().id(), entra,
                Optional.of(Version.of(1))))).isEqualTo(Outcome.refused(new Refusal.VersionMismatch(Version.of(2))));
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isPresent();
        assertThat(current(kim).user().version()).isEqualTo(Version.of(2));
    }

    @Test
    void renamingOntoATakenNameIsRefusedAndChangesNothing() {
        provision("alice", true);
        UserView bob = provision("bob", true);
        long audits = auditCount();
        int messages = allOutboxMessages().size();

        assertThat(provisioning.replaceUser().replace(new ReplaceUser.Command(tenant,
                bob.user().id(), entra, resource("ALICE", Optional.of(BooleanValue.FALSE)), Optional.empty())))
                .isEqualTo(Outcome.refused(new Refusal.NotUnique("userName", "ALICE")));
        assertThat(current(bob).user()).isEqualTo(bob.user());
        assertThat(auditCount()).as("neither the update nor the suspension is audited").isEqualTo(audits);
        assertThat(allOutboxMessages()).hasSize(messages);
    }

    // ---- admin views ---------------------------------------------------------------------------

    @Test
    void adminsListUsersByStatusWithPurgeDates() {
        provision("pending", true);
        UserView suspended = provision("suspended", false);

        var page = provisioning.listUsersByStatus().list(new ListUsersByStatus.Command(
                tenant, Optional.of(UserStatus.SUSPENDED), PageRequest.first(10)));

        assertThat(page.items()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(suspended.user().id());
            assertThat(s.suspendedAt()).contains(T0);
            assertThat(s.purgeAt()).contains(T0.plus(RETENTION));
        });
        assertThat(provisioning.listUsersByStatus().find(tenant, suspended.user().id()).get().status())
                .isEqualTo(UserStatus.SUSPENDED);
        assertThat(provisioning.listUsersByStatus().list(new ListUsersByStatus.Command(
                tenant, Optional.empty(), PageRequest.first(10))).totalResults()).isEqualTo(2);
    }

    @Test
    void theAuditLogReadsNewestFirst() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        List<AuditEntry> entries = provisioning.readAuditLog().read(tenant, PageRequest.first(2)).items();

        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly(AuditAction.USER_SUSPENDED, AuditAction.INVITATION_REVOKED);
        assertThat(entries.get(0).actor()).isEqualTo(entra);
        assertThat(entries.get(0).target()).isEqualTo("user:" + kim.user().id());
    }
}
