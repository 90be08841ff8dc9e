package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.ReplaceUser;
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
 * What the lifecycle scenarios share: the domain wired over the store under test with a
 * {@link MutableClock}, Entra ID as the SCIM client, and helpers that provision users, drive
 * {@code active}, and read back the audit entries and outbox messages a user's changes left.
 */
public abstract class LifecycleFixture extends StoreContract {
    /** The retention period of {@link #provisioning}: the default. */
    protected static final Duration RETENTION = Duration.ofDays(30);
    /** The invitation time to live of {@link #provisioning}: the default. */
    protected static final Duration TTL = Duration.ofDays(7);

    protected Provisioning provisioning;
    /** The id of each provisioned user's first audit entry, which keeps its id through erasure. */
    private final Map<UserId, String> firstEntries = new HashMap<>();
    protected final Actor entra = new Actor.Credential(TokenId.of("entra"));

    @BeforeEach
    void wireTheDomain() {
        provisioning = Provisioning.builder(store).clock(clock).purgeBatchSize(2).build();
    }

    /** A User resource as Entra ID sends it: a name, a primary work email and, optionally, {@code active}. */
    protected static ScimResource resource(String userName, Optional<Value> active) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
                .put("userName", userName)
                .put("name", ComplexValue.of("givenName", StringValue.of("Kim"), "familyName", StringValue.of("Lee")))
                .put("emails", MultiValue.of(ComplexValue.of("value", StringValue.of(userName + ".mail@example.com"),
                        "type", StringValue.of("work"), "primary", BooleanValue.TRUE)));
        active.ifPresent(a -> b.put("active", a));
        return ScimResource.of(b.build());
    }

    /** Provisions a user, as the use case answers. */
    protected Outcome<UserView> tryProvision(String userName, boolean active) {
        Outcome<UserView> outcome = provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                resource(userName, Optional.of(BooleanValue.of(active)))));
        if (outcome instanceof Outcome.Done<UserView> done) {
            List<AuditEntry> entries = provisioning.readAuditLog().read(tenant,
                    Optional.of("user:" + done.value().user().id()), PageRequest.first(1)).items();
            entries.forEach(first -> firstEntries.put(done.value().user().id(), first.id()));
        }
        return outcome;
    }

    /** Provisions a user that must be created. */
    protected UserView provision(String userName, boolean active) {
        return Outcomes.done(tryProvision(userName, active));
    }

    /** The user as stored now. */
    protected UserView current(UserView view) {
        return provisioning.getUser().get(tenant, view.user().id()).orElseThrow();
    }

    /** {@code PUT} of the user's current view with {@code active} set, as the use case answers. */
    protected Outcome<UserView> trySetActive(UserView view, Value active) {
        ScimResource sent = ScimResource.of(current(view).toScim().with("active", active));
        return provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, view.user().id(), entra, sent,
                Optional.empty()));
    }

    /** {@code PUT} with {@code active} set, which must succeed. */
    protected UserView setActive(UserView view, Value active) {
        return Outcomes.done(trySetActive(view, active));
    }

    protected UserView setActive(UserView view, boolean active) {
        return setActive(view, BooleanValue.of(active));
    }

    protected List<OutboxMessage> allOutboxMessages() {
        return store.outbox().list(Optional.empty(), EnumSet.allOf(OutboxMessage.State.class), 1000);
    }

    /** The user's undelivered outbox messages in append order. */
    protected List<OutboxMessage> outbox(UserView view) {
        return store.outbox().messagesOf(tenant, view.user().id());
    }

    protected List<OutboxMessage.Kind> outboxKinds(UserView view) {
        return outbox(view).stream().map(OutboxMessage::kind).toList();
    }

    /** The token of the user's latest invitation email. */
    protected String latestToken(UserView view) {
        List<OutboxMessage> emails = outbox(view).stream()
                .filter(m -> m.kind() == OutboxMessage.Kind.INVITATION_EMAIL).toList();
        assertThat(emails).isNotEmpty();
        return emails.get(emails.size() - 1).payload().get("token");
    }

    /**
     * The audit entries on the user, oldest first; once the user is erased, those on its pseudonym
     * (found by the entry of its provisioning, for users provisioned with {@link #tryProvision}).
     */
    protected List<AuditEntry> auditEntriesFor(UserView view) {
        List<AuditEntry> out = new ArrayList<>();
        List<AuditEntry> newestFirst = provisioning.readAuditLog().read(tenant, PageRequest.first(1000)).items();
        String first = firstEntries.get(view.user().id());
        String target = newestFirst.stream().filter(e -> e.id().equals(first)).map(AuditEntry::target).findFirst()
                .orElse("user:" + view.user().id());
        for (int i = newestFirst.size() - 1; i >= 0; i--) {
            if (newestFirst.get(i).target().equals(target)) {
                out.add(newestFirst.get(i));
            }
        }
        return out;
    }

    /** The actions of the audit entries on the user, oldest first. */
    protected List<AuditAction> auditFor(UserView view) {
        return auditEntriesFor(view).stream().map(AuditEntry::action).toList();
    }

    protected long auditCount() {
        return provisioning.readAuditLog().read(tenant, PageRequest.first(0)).totalResults();
    }

    protected Outcome<UserView> accept(String token) {
        return provisioning.acceptInvitation().accept(token);
    }

    protected Outcome<UserView> restore(UserView view) {
        return provisioning.restoreUser().restore(new RestoreUser.Command(tenant, view.user().id(), Actor.admin()));
    }

    /** The {@code scimType} of the {@link ScimException} that {@code action} must throw. */
    protected static ScimErrorType scimError(Runnable action) {
        try {
            action.run();
        } catch (ScimException e) {
            return e.type();
        }
        throw new AssertionError("expected a ScimException");
    }
}
