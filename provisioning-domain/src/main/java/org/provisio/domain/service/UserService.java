package org.provisio.domain.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserState;
import org.provisio.domain.model.Version;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.GetUser;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.QueryUsers;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.UserSummary;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.SchemaValidator;

/** The SCIM-facing user use cases and the admin's user listing. */
final class UserService implements ProvisionUser, ReplaceUser, GetUser, QueryUsers, DeleteUser, ListUsersByStatus {
    private final SchemaValidator validator;
    static final int MAX_EXTERNAL_ID = 1024;
    static final int MAX_EMAIL = 512;
    static final int MAX_EMAIL_TYPE = 128;

    private final Kernel k;

    UserService(Kernel k) {
        this.k = k;
        this.validator = new SchemaValidator(k.userSchema);
    }

    @Override
    public UserView provision(ProvisionUser.Command command) {
        ScimResource resource = validated(command.resource());
        UserName userName = userNameOf(resource);
        Optional<String> externalId = externalIdOf(resource);
        boolean active = activeOf(resource).orElse(true);
        return k.tx(() -> {
            if (k.store.tenants().find(command.tenantId()).isEmpty()) {
                throw ScimException.notFound("tenant " + command.tenantId() + " not found");
            }
            Instant now = k.now();
            UserId id = UserId.of(k.ids.next());
            UserState state = active ? new Pending(InvitationId.of(k.ids.next()))
                    : Suspended.NeverInvited.provisionedAt(now, k.retention);
            User user = User.create(id, command.tenantId(), userName, externalId, resource, state, now);
            if (k.store.users().add(user) != WriteOutcome.WRITTEN) {
                throw ScimException.uniqueness("userName " + userName + " is taken");
            }
            k.audit(user, command.actor(), AuditAction.USER_PROVISIONED, now, user.status().keyword());
            k.emit(user, OutboxMessage.Kind.PROVISIONED, now, Map.of("status", user.status().keyword()));
            if (state instanceof Pending p) {
                k.invite(user, p.invitation(), command.actor(), now);
            }
            return k.view(user);
        });
    }

    @Override
    public UserView replace(ReplaceUser.Command command) {
        ScimResource resource = validated(command.resource());
        UserName userName = userNameOf(resource);
        Optional<String> externalId = externalIdOf(resource);
        Optional<Boolean> active = activeOf(resource);
        return k.tx(() -> {
            User current = existing(command.tenantId(), command.userId(), command.ifMatch());
            validator.checkImmutable(current.toScim(List.of()), resource.attributes());
            Instant now = k.now();
            Actor actor = command.actor();
            User user = current;
            if (!current.hasAttributes(userName, externalId, resource)) {
                user = current.withAttributes(userName, externalId, resource, now);
                k.store(user, current.version());
                k.audit(user, actor, AuditAction.USER_UPDATED, now, user.userName().value());
            }
            if (active.isPresent() && active.get() != user.state().active()) {
                if (user.state() instanceof Suspended s) {
                    if (!s.restorableAt(now)) {
                        throw ScimException.of(ScimErrorType.CONFLICT,
                                "the retention period ended at " + s.purgeAt() + "; the user can no longer be restored");
                    }
                    user = k.restore(user, s, actor, now, user.version());
                } else {
                    User suspended = user.withState(k.suspend(user, actor, now), now);
                    k.store(suspended, user.version());
                    k.afterStateChange(user, suspended, actor, now);
                    user = suspended;
                }
            }
            return k.view(user);
        });
    }

    @Override
    public Optional<UserView> get(TenantId tenantId, UserId userId) {
        return k.tx(() -> k.store.users().find(tenantId, userId).map(k::view));
    }

    @Override
    public Page<UserView> query(TenantId tenantId, UserQuery query) {
        UserQuery typed = query.withSchema(k.userSchema);
        return k.tx(() -> k.store.users().query(tenantId, typed).map(k::view));
    }

    @Override
    public void delete(DeleteUser.Command command) {
        k.tx(() -> {
            User user = existing(command.tenantId(), command.userId(), command.ifMatch());
            k.remove(user, command.actor(), AuditAction.USER_HARD_DELETED, OutboxMessage.Kind.HARD_DELETED, k.now());
            return null;
        });
    }

    @Override
    public Page<UserSummary> list(ListUsersByStatus.Command command) {
        return k.store.users().listByStatus(command.tenantId(), command.status(), command.page())
                .map(UserSummary::of);
    }

    @Override
    public Optional<UserSummary> find(TenantId tenantId, UserId userId) {
        return k.store.users().find(tenantId, userId).map(UserSummary::of);
    }

    private User existing(TenantId tenantId, UserId userId, Optional<Version> ifMatch) {
        User user = k.store.users().find(tenantId, userId)
                .orElseThrow(() -> ScimException.notFound("user " + userId + " not found"));
        if (ifMatch.isPresent() && !ifMatch.get().equals(user.version())) {
            throw ScimException.preconditionFailed("user " + userId + " is at version " + user.version().etag());
        }
        return user;
    }

    /**
     * The resource checked against the User schema and given its schema types (RFC 7643), with
     * the sizes the stores index bounded and the cleartext {@code password} dropped: a user of
     * Provisio signs in through the product after accepting the invitation, so a password an
     * identity provider sends (Okta does) has no use, and keeping it would only be a liability.
     */
    ScimResource validated(ScimResource resource) {
        ComplexValue v = validator.validate(resource.attributes()).without("password");
        v.getText("externalId").ifPresent(e -> limit("externalId", e, MAX_EXTERNAL_ID));
        for (Value email : v.getMulti("emails").values()) {
            if (email instanceof ComplexValue e) {
                e.getText("value").ifPresent(x -> limit("emails.value", x, MAX_EMAIL));
                e.getText("type").ifPresent(x -> limit("emails.type", x, MAX_EMAIL_TYPE));
            }
        }
        return ScimResource.of(v);
    }

    private static void limit(String attribute, String value, int max) {
        if (value.length() > max) {
            throw ScimException.invalidValue("\"" + attribute + "\" must be at most " + max + " characters");
        }
    }

    static UserName userNameOf(ScimResource resource) {
        Value v = resource.get("userName").orElse(null);
        if (!(v instanceof StringValue s) || s.value().isBlank()) {
            throw ScimException.invalidValue("userName is required and must be a non-empty string");
        }
        try {
            return UserName.of(s.value());
        } catch (IllegalArgumentException e) {
            throw ScimException.invalidValue(e.getMessage());
        }
    }

    static Optional<String> externalIdOf(ScimResource resource) {
        return resource.externalId().filter(e -> !e.isBlank());
    }

    /** {@code active} as a boolean, also as the strings {@code "True"}/{@code "False"} that Entra ID sends. */
    static Optional<Boolean> activeOf(ScimResource resource) {
        Value v = resource.get("active").orElse(null);
        if (v == null || v.isUnassigned()) {
            return Optional.empty();
        }
        if (v instanceof BooleanValue b) {
            return Optional.of(b.value());
        }
        if (v instanceof StringValue s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s.value().toLowerCase(java.util.Locale.ROOT)));
        }
        throw ScimException.invalidValue("active must be a boolean");
    }
}
