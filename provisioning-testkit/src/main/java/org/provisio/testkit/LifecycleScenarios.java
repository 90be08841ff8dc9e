package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Retention;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.model.Version;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * The lifecycle of DESIGN.md driven end to end through the domain's use cases over a store:
 * every transition, every refused one, the retention boundary to the minute, invitations, hard
 * delete and the audit and outbox records each change leaves.
 */
public abstract class LifecycleScenarios extends StoreContract {
    private static final Duration RETENTION = Duration.ofDays(30);
    private static final Duration TTL = Duration.ofDays(7);

    protected Provisioning provisioning;
    private final Actor entra = new Actor.Credential(TokenId.of("entra"));

    @BeforeEach
    void wireTheDomain() {
        provisioning = Provisioning.builder(store).clock(clock).purgeBatchSize(2).build();
    }

    // ---- helpers --------------------------------------------------------------------------

    private static ScimResource resource(String userName, Optional<Value> active) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
                .put("userName", userName)
                .put("name", ComplexValue.of("givenName", StringValue.of("Kim"), "familyName", StringValue.of("Lee")))
                .put("emails", MultiValue.of(ComplexValue.of("value", StringValue.of(userName + ".mail@example.com"),
                        "type", StringValue.of("work"), "primary", BooleanValue.TRUE)));
        active.ifPresent(a -> b.put("active", a));
        return ScimResource.of(b.build());
    }

    private UserView provision(String userName, boolean active) {
        return provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                resource(userName, Optional.of(BooleanValue.of(active)))));
    }

    private UserView current(UserView view) {
        return provisioning.getUser().get(tenant, view.user().id()).orElseThrow();
    }

    private UserView setActive(UserView view, Value active) {
        ScimResource sent = ScimResource.of(current(view).toScim().with("active", active));
        return provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, view.user().id(), entra, sent,
                Optional.empty()));
    }

    private UserView setActive(UserView view, boolean active) {
        return setActive(view, BooleanValue.of(active));
    }

    private List<OutboxMessage> allOutboxMessages() {
        return store.outbox().list(Optional.empty(), java.util.EnumSet.allOf(OutboxMessage.State.class), 1000);
    }

    private List<OutboxMessage> outbox(UserView view) {
        return allOutboxMessages().stream()
                .filter(m -> m.userId().equals(view.user().id())).toList();
    }

    private List<OutboxMessage.Kind> outboxKinds(UserView view) {
        return outbox(view).stream().map(OutboxMessage::kind).toList();
    }

    /** The token of the user's latest invitation email. */
    private String latestToken(UserView view) {
        List<OutboxMessage> emails = outbox(view).stream()
                .filter(m -> m.kind() == OutboxMessage.Kind.INVITATION_EMAIL).toList();
        assertThat(emails).isNotEmpty();
        return emails.get(emails.size() - 1).payload().get("token");
    }

    private List<AuditAction> auditFor(UserView view) {
        List<AuditAction> actions = new ArrayList<>();
        List<AuditEntry> newestFirst = provisioning.readAuditLog().read(tenant, PageRequest.first(1000)).items();
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (newestFirst.get(i).target().equals("user:" + view.user().id())) {
                actions.add(newestFirst.get(i).action());
            }
        }
        return actions;
    }

    private AcceptInvitation.Outcome accept(String token) {
        return provisioning.acceptInvitation().accept(token);
    }

    private RestoreUser.Outcome restore(UserView view) {
        return provisioning.restoreUser().restore(new RestoreUser.Command(tenant, view.user().id(), Actor.admin()));
    }

    private static ScimErrorType scimError(Runnable action) {
        try {
            action.run();
        } catch (ScimException e) {
            return e.type();
        }
        throw new AssertionError("expected a ScimException");
    }

    // ---- provisioning ---------------------------------------------------------------------

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
        UserView kim = provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                resource("kim", Optional.empty())));

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
        assertThat(kim.etag()).isEqualTo("W/\"1\"");
    }

    @Test
    void aUserNameIsTakenInAnyCaseEvenBySuspendedUsers() {
        provision("Kim@Example.com", true);
        provision("suspended@example.com", false);

        assertThat(scimError(() -> provision("kim@example.COM", true))).isEqualTo(ScimErrorType.UNIQUENESS);
        assertThat(scimError(() -> provision("SUSPENDED@example.com", true))).isEqualTo(ScimErrorType.UNIQUENESS);
    }

    @Test
    void aRefusedProvisioningLeavesNoTrace() {
        provision("kim", true);
        int before = allOutboxMessages().size();
        long audits = provisioning.readAuditLog().read(tenant, PageRequest.first(1)).totalResults();

        assertThat(scimError(() -> provision("KIM", true))).isEqualTo(ScimErrorType.UNIQUENESS);

        assertThat(allOutboxMessages()).hasSize(before);
        assertThat(provisioning.readAuditLog().read(tenant, PageRequest.first(1)).totalResults()).isEqualTo(audits);
    }

    @Test
    void concurrentProvisioningOfOneUserNameLetsExactlyOneWin() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = i % 2 == 0 ? "race@example.com" : "Race@Example.com";
                Callable<String> call = () -> {
                    start.await();
                    try {
                        provision(name, true);
                        return "created";
                    } catch (ScimException e) {
                        return e.type().name();
                    }
                };
                results.add(pool.submit(call));
            }
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : results) {
                outcomes.add(f.get(30, TimeUnit.SECONDS));
            }

            assertThat(outcomes).containsOnlyOnce("created");
            assertThat(outcomes).filteredOn("UNIQUENESS"::equals).hasSize(threads - 1);
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
        UserView kim = provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra, withPassword));
        assertThat(store.users().find(tenant, kim.user().id()).orElseThrow().toScim(List.of()).has("password")).isFalse();
    }

    // ---- the story ------------------------------------------------------------------------

    @Test
    void theWholeLifecycleFromProvisioningToPurge() {
        UserView kim = provision("kim", true);

        assertThat(accept(latestToken(kim))).isInstanceOf(AcceptInvitation.Accepted.class);
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.ACTIVE);

        clock.advance(Duration.ofDays(1));
        UserView suspended = setActive(kim, false);
        assertThat(suspended.user().state()).isInstanceOf(Suspended.FromActive.class);
        assertThat(suspended.toScim().get("active")).contains(BooleanValue.FALSE);

        clock.advance(Duration.ofDays(10));
        UserView restored = setActive(kim, true);
        assertThat(restored.user().status()).isEqualTo(UserStatus.ACTIVE);

        clock.advance(Duration.ofDays(1));
        setActive(kim, false);
        clock.advance(RETENTION.minusMinutes(1));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isPresent();

        clock.advance(Duration.ofMinutes(1));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();

        assertThat(auditFor(kim)).containsExactly(AuditAction.USER_PROVISIONED, AuditAction.INVITATION_ISSUED,
                AuditAction.USER_ACTIVATED, AuditAction.USER_SUSPENDED, AuditAction.USER_RESTORED,
                AuditAction.USER_SUSPENDED, AuditAction.USER_PURGED);
        assertThat(outboxKinds(kim)).containsExactly(OutboxMessage.Kind.PROVISIONED,
                OutboxMessage.Kind.INVITATION_EMAIL, OutboxMessage.Kind.ACTIVATED, OutboxMessage.Kind.SUSPENDED,
                OutboxMessage.Kind.RESTORED, OutboxMessage.Kind.SUSPENDED, OutboxMessage.Kind.PURGED);
    }

    @Test
    void theRetentionBoundaryIsExact() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        clock.advance(Duration.ofDays(29).plusHours(23).plusMinutes(59));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        assertThat(restore(kim)).isInstanceOf(RestoreUser.Restored.class);
        setActive(kim, false);

        clock.advance(Duration.ofDays(29).plusHours(23).plusMinutes(59));
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(restore(kim)).isEqualTo(new RestoreUser.RetentionElapsed(clock.instant()));
        assertThat(scimError(() -> setActive(kim, true))).isEqualTo(ScimErrorType.CONFLICT);
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
    }

    @Test
    void retentionIsConfigurable() {
        Provisioning shortRetention = Provisioning.builder(store).clock(clock)
                .retention(Retention.of(Duration.ofDays(1))).build();
        UserView kim = shortRetention.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                resource("kim", Optional.of(BooleanValue.FALSE))));

        clock.advance(Duration.ofDays(1));
        assertThat(shortRetention.purgeExpiredUsers().purgeExpired()).isEqualTo(1);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
    }

    @Test
    void purgeRemovesMembershipsAndInvitationsKeepsTheAuditAndFreesTheName() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        GroupsContract.addGroup(store, tenant, "g1", "Guides", kim.user().id(), clock.instant());
        setActive(kim, false);
        clock.advance(RETENTION);

        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);

        assertThat(store.groups().find(tenant, GroupId.of("g1")).get().members()).isEmpty();
        assertThat(accept(token)).isInstanceOf(AcceptInvitation.Unknown.class);
        AuditEntry last = provisioning.readAuditLog().read(tenant, PageRequest.first(1)).items().get(0);
        assertThat(last.action()).isEqualTo(AuditAction.USER_PURGED);
        assertThat(last.actor()).isEqualTo(Actor.system());
        assertThat(provision("KIM", true).user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void purgeWorksInBatchesUntilNothingIsDue() {
        for (int i = 0; i < 5; i++) {
            provision("user" + i, false);
        }
        UserView keep = provision("keep", true);
        clock.advance(RETENTION);

        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(5);
        assertThat(provisioning.queryUsers().query(tenant, UserQuery.all(PageRequest.first(10))).items())
                .extracting(v -> v.user().id()).containsExactly(keep.user().id());
    }

    // ---- invitations ----------------------------------------------------------------------

    @Test
    void anInvitationIsSingleUse() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        AcceptInvitation.Outcome first = accept(token);
        assertThat(first).asInstanceOf(type(AcceptInvitation.Accepted.class))
                .extracting(a -> a.user().user().status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(accept(token)).isInstanceOf(AcceptInvitation.AlreadyUsed.class);
        assertThat(auditFor(kim)).contains(AuditAction.USER_ACTIVATED);
        AuditEntry activation = provisioning.readAuditLog().read(tenant, PageRequest.first(1)).items().get(0);
        assertThat(activation.actor()).isEqualTo(new Actor.Invitee(kim.user().id()));
    }

    @Test
    void anInvitationExpiresAfterItsTimeToLive() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        clock.advance(TTL);

        assertThat(accept(token)).isEqualTo(new AcceptInvitation.Expired(T0.plus(TTL)));
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void anInvitationIsValidUntilTheLastMomentOfItsTimeToLive() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        clock.advance(TTL.minusMillis(1));

        assertThat(accept(token)).isInstanceOf(AcceptInvitation.Accepted.class);
    }

    @Test
    void anUnknownTokenIsRefused() {
        provision("kim", true);

        assertThat(accept("not-a-token")).isInstanceOf(AcceptInvitation.Unknown.class);
        assertThat(accept("")).isInstanceOf(AcceptInvitation.Unknown.class);
    }

    @Test
    void aSuspendedPendingUsersInvitationIsRefused() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);

        setActive(kim, false);

        assertThat(current(kim).user().state()).isInstanceOf(Suspended.FromPending.class);
        assertThat(accept(token)).isInstanceOf(AcceptInvitation.Revoked.class);
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(auditFor(kim)).contains(AuditAction.INVITATION_REVOKED);
    }

    @Test
    void restoringANeverAcceptedUserIssuesAFreshInvitation() {
        UserView kim = provision("kim", true);
        String oldToken = latestToken(kim);
        setActive(kim, false);

        UserView restored = setActive(kim, true);

        assertThat(restored.user().state()).isInstanceOf(Pending.class);
        String freshToken = latestToken(kim);
        assertThat(freshToken).isNotEqualTo(oldToken);
        assertThat(accept(oldToken)).isInstanceOf(AcceptInvitation.Revoked.class);
        assertThat(accept(freshToken)).isInstanceOf(AcceptInvitation.Accepted.class);
    }

    @Test
    void restoringAUserProvisionedInactiveInvitesItForTheFirstTime() {
        UserView kim = provision("kim", false);

        assertThat(restore(kim)).isInstanceOf(RestoreUser.Restored.class);

        assertThat(current(kim).user().status()).isEqualTo(UserStatus.PENDING);
        assertThat(accept(latestToken(kim))).isInstanceOf(AcceptInvitation.Accepted.class);
    }

    @Test
    void resendingInvalidatesThePreviousInvitation() {
        UserView kim = provision("kim", true);
        String first = latestToken(kim);

        ResendInvitation.Outcome outcome = provisioning.resendInvitation()
                .resend(new ResendInvitation.Command(tenant, kim.user().id(), Actor.admin()));

        assertThat(outcome).isInstanceOf(ResendInvitation.Resent.class);
        String second = latestToken(kim);
        assertThat(second).isNotEqualTo(first);
        assertThat(accept(first)).isInstanceOf(AcceptInvitation.Revoked.class);
        assertThat(accept(second)).isInstanceOf(AcceptInvitation.Accepted.class);
    }

    // ---- refused transitions --------------------------------------------------------------

    /** A user brought into a state, and what it takes to get there. */
    private enum Start {
        PENDING, ACTIVE, SUSPENDED_FROM_PENDING, SUSPENDED_FROM_ACTIVE, NEVER_INVITED
    }

    private UserView bring(Start start) {
        UserView kim = provision("kim", start != Start.NEVER_INVITED);
        if (start == Start.ACTIVE || start == Start.SUSPENDED_FROM_ACTIVE) {
            accept(latestToken(kim));
        }
        if (start == Start.SUSPENDED_FROM_ACTIVE || start == Start.SUSPENDED_FROM_PENDING) {
            setActive(kim, false);
        }
        return current(kim);
    }

    static Stream<Arguments> refusals() {
        Function<LifecycleScenarios, Function<UserView, Object>> restore = s -> v -> s.restore(v);
        Function<LifecycleScenarios, Function<UserView, Object>> resend = s -> v -> s.provisioning.resendInvitation()
                .resend(new ResendInvitation.Command(s.tenant, v.user().id(), Actor.admin()));
        return Stream.of(
                Arguments.of(Start.PENDING, "restore", restore, new RestoreUser.NotSuspended(UserStatus.PENDING)),
                Arguments.of(Start.ACTIVE, "restore", restore, new RestoreUser.NotSuspended(UserStatus.ACTIVE)),
                Arguments.of(Start.ACTIVE, "resend", resend, new ResendInvitation.NotPending(UserStatus.ACTIVE)),
                Arguments.of(Start.SUSPENDED_FROM_ACTIVE, "resend", resend,
                        new ResendInvitation.NotPending(UserStatus.SUSPENDED)),
                Arguments.of(Start.SUSPENDED_FROM_PENDING, "resend", resend,
                        new ResendInvitation.NotPending(UserStatus.SUSPENDED)),
                Arguments.of(Start.NEVER_INVITED, "resend", resend,
                        new ResendInvitation.NotPending(UserStatus.SUSPENDED)));
    }

    @ParameterizedTest(name = "{0}: {1} is refused")
    @MethodSource("refusals")
    void illegalTransitionsAreRefusedAndChangeNothing(Start start, String action,
                                                      Function<LifecycleScenarios, Function<UserView, Object>> act,
                                                      Object expected) {
        UserView before = bring(start);

        assertThat(act.apply(this).apply(before)).isEqualTo(expected);
        assertThat(current(before).user()).isEqualTo(before.user());
    }

    @Test
    void anActiveUsersOldInvitationCannotBeAcceptedAgain() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        accept(token);
        setActive(kim, false);
        setActive(kim, true);

        assertThat(accept(token)).isInstanceOf(AcceptInvitation.AlreadyUsed.class);
        assertThat(current(kim).user().status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void repeatingTheCurrentActiveValueChangesNothing() {
        UserView pending = provision("pending", true);
        UserView suspended = provision("suspended", false);

        assertThat(setActive(pending, true).user()).isEqualTo(pending.user());
        assertThat(setActive(suspended, BooleanValue.FALSE).user()).isEqualTo(suspended.user());
        assertThat(setActive(suspended, StringValue.of("False")).user()).isEqualTo(suspended.user());
    }

    @Test
    void entraIdsStringBooleansDriveTheLifecycle() {
        UserView kim = provision("kim", true);

        assertThat(setActive(kim, StringValue.of("False")).user().status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(setActive(kim, StringValue.of("True")).user().status()).isEqualTo(UserStatus.PENDING);
    }

    @Test
    void missingUsersAreNotFound() {
        UserId ghost = UserId.of("ghost");

        assertThat(provisioning.restoreUser().restore(new RestoreUser.Command(tenant, ghost, Actor.admin())))
                .isInstanceOf(RestoreUser.NotFound.class);
        assertThat(provisioning.resendInvitation().resend(new ResendInvitation.Command(tenant, ghost, Actor.admin())))
                .isInstanceOf(ResendInvitation.NotFound.class);
        assertThat(scimError(() -> provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, ghost, entra,
                resource("ghost", Optional.empty()), Optional.empty())))).isEqualTo(ScimErrorType.NOT_FOUND);
        assertThat(scimError(() -> provisioning.deleteUser().delete(new DeleteUser.Command(tenant, ghost, entra,
                Optional.empty())))).isEqualTo(ScimErrorType.NOT_FOUND);
        assertThat(provisioning.getUser().get(tenant, ghost)).isEmpty();
    }

    // ---- data kept, data gone ---------------------------------------------------------------

    @Test
    void aRestoredUserKeepsItsProfileAndMemberships() {
        UserView kim = provision("kim", true);
        accept(latestToken(kim));
        Group guides = GroupsContract.addGroup(store, tenant, "g1", "Guides", kim.user().id(), clock.instant());
        UserView before = current(kim);

        UserView suspended = setActive(kim, false);
        assertThat(suspended.groups()).extracting(GroupHeader::id).containsExactly(guides.id());
        assertThat(store.groups().find(tenant, guides.id()).get().members()).containsExactly(kim.user().id());

        UserView restored = setActive(kim, true);
        assertThat(restored.user().profile()).isEqualTo(before.user().profile());
        assertThat(restored.user().userName()).isEqualTo(before.user().userName());
        assertThat(restored.groups()).extracting(GroupHeader::id).containsExactly(guides.id());
        assertThat(restored.toScim().getMulti("groups").values()).hasSize(1);
    }

    @Test
    void aSuspendedUserIsStillFoundWithActiveFalse() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        assertThat(current(kim).toScim().get("active")).contains(BooleanValue.FALSE);
        assertThat(provisioning.queryUsers().query(tenant, UserQuery.all(PageRequest.first(10))).items())
                .extracting(v -> v.toScim().get("active").orElseThrow()).containsExactly(BooleanValue.FALSE);
    }

    @Test
    void hardDeleteRemovesAtOnceAndIrreversibly() {
        UserView kim = provision("kim", true);
        String token = latestToken(kim);
        GroupsContract.addGroup(store, tenant, "g1", "Guides", kim.user().id(), clock.instant());

        provisioning.deleteUser().delete(new DeleteUser.Command(tenant, kim.user().id(), entra, Optional.empty()));

        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
        assertThat(store.groups().find(tenant, GroupId.of("g1")).get().members()).isEmpty();
        assertThat(accept(token)).isInstanceOf(AcceptInvitation.Unknown.class);
        assertThat(restore(kim)).isInstanceOf(RestoreUser.NotFound.class);
        assertThat(auditFor(kim)).endsWith(AuditAction.USER_HARD_DELETED);
        assertThat(outboxKinds(kim)).endsWith(OutboxMessage.Kind.HARD_DELETED);
        assertThat(scimError(() -> provisioning.deleteUser().delete(
                new DeleteUser.Command(tenant, kim.user().id(), entra, Optional.empty()))))
                .isEqualTo(ScimErrorType.NOT_FOUND);
    }

    @Test
    void aSuspendedUserCanBeHardDeletedToo() {
        UserView kim = provision("kim", false);

        provisioning.deleteUser().delete(new DeleteUser.Command(tenant, kim.user().id(), Actor.admin(),
                Optional.empty()));

        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isEmpty();
        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isZero();
    }

    // ---- updates and versions ----------------------------------------------------------------

    @Test
    void replaceUpdatesTheProfileAndMovesTheVersion() {
        UserView kim = provision("kim", true);
        ScimResource changed = ScimResource.of(kim.toScim().with("title", StringValue.of("Chief"))
                .with("userName", StringValue.of("kim.lee")));

        UserView updated = provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, kim.user().id(), entra,
                changed, Optional.of(Version.of(1))));

        assertThat(updated.user().version()).isEqualTo(Version.of(2));
        assertThat(updated.user().userName().value()).isEqualTo("kim.lee");
        assertThat(updated.toScim().getText("title")).contains("Chief");
        assertThat(updated.user().status()).isEqualTo(UserStatus.PENDING);
        assertThat(auditFor(kim)).endsWith(AuditAction.USER_UPDATED);
    }

    @Test
    void aStaleIfMatchIsAPreconditionFailure() {
        UserView kim = provision("kim", true);
        setActive(kim, false);

        assertThat(scimError(() -> provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, kim.user().id(),
                entra, resource("kim", Optional.empty()), Optional.of(Version.of(1))))))
                .isEqualTo(ScimErrorType.PRECONDITION_FAILED);
        assertThat(scimError(() -> provisioning.deleteUser().delete(new DeleteUser.Command(tenant, kim.user().id(),
                entra, Optional.of(Version.of(1)))))).isEqualTo(ScimErrorType.PRECONDITION_FAILED);
        assertThat(provisioning.getUser().get(tenant, kim.user().id())).isPresent();
    }

    @Test
    void renamingOntoATakenNameIsRefusedAndChangesNothing() {
        provision("alice", true);
        UserView bob = provision("bob", true);

        assertThat(scimError(() -> provisioning.replaceUser().replace(new ReplaceUser.Command(tenant,
                bob.user().id(), entra, resource("ALICE", Optional.of(BooleanValue.FALSE)), Optional.empty()))))
                .isEqualTo(ScimErrorType.UNIQUENESS);
        assertThat(current(bob).user()).isEqualTo(bob.user());
    }

    // ---- admin views ---------------------------------------------------------------------------

    @Test
    void adminsListUsersByStatusWithPurgeDates() {
        provision("pending", true);
        UserView suspended = provision("suspended", false);

        var page = provisioning.listUsersByStatus().list(new org.provisio.domain.usecase.ListUsersByStatus.Command(
                tenant, Optional.of(UserStatus.SUSPENDED), PageRequest.first(10)));

        assertThat(page.items()).singleElement().satisfies(s -> {
            assertThat(s.id()).isEqualTo(suspended.user().id());
            assertThat(s.suspendedAt()).contains(T0);
            assertThat(s.purgeAt()).contains(T0.plus(RETENTION));
        });
        assertThat(provisioning.listUsersByStatus().find(tenant, suspended.user().id()).get().status())
                .isEqualTo(UserStatus.SUSPENDED);
        assertThat(provisioning.listUsersByStatus().list(new org.provisio.domain.usecase.ListUsersByStatus.Command(
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
