package org.provisio.domain.model;

import java.util.Objects;

/**
 * Who did something, as recorded in the audit log: the operator's admin token, a tenant's SCIM
 * credential, an organization admin key, the system itself (the purge job) or an invitee accepting
 * an invitation.
 * {@link #describe()} and {@link #parse(String)} give a stable text form for storage.
 */
public sealed interface Actor permits Actor.Admin, Actor.Credential, Actor.System, Actor.Invitee,
        Actor.OrganizationAdmin {

    /**
     * The stable text form: {@code admin}, {@code credential:<tokenId>}, {@code orgadmin:<keyId>},
     * {@code system}, {@code invitee:<userId>}.
     */
    String describe();

    /** The operator, through the admin API. */
    static Actor admin() {
        return new Admin();
    }

    /** The system itself, e.g. the purge job. */
    static Actor system() {
        return new System();
    }

    /** Parses {@link #describe()}'s form. */
    static Actor parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.equals("admin")) {
            return new Admin();
        }
        if (text.equals("system")) {
            return new System();
        }
        if (text.startsWith("credential:")) {
            return new Credential(TokenId.of(text.substring("credential:".length())));
        }
        if (text.startsWith("orgadmin:")) {
            return new OrganizationAdmin(TokenId.of(text.substring("orgadmin:".length())));
        }
        if (text.startsWith("invitee:")) {
            return new Invitee(UserId.of(text.substring("invitee:".length())));
        }
        throw new IllegalArgumentException("unknown actor: " + text);
    }

    /** The operator's admin token. */
    record Admin() implements Actor {
        @Override
        public String describe() {
            return "admin";
        }
    }

    /** A SCIM client authenticated with a tenant's credential. */
    record Credential(TokenId tokenId) implements Actor {
        public Credential {
            Objects.requireNonNull(tokenId, "tokenId");
        }

        @Override
        public String describe() {
            return "credential:" + tokenId.value();
        }
    }

    /** Provisio itself, e.g. the purge job. */
    record System() implements Actor {
        @Override
        public String describe() {
            return "system";
        }
    }

    /** An organization's administrator, through the admin API or the console with one of the tenant's admin keys. */
    record OrganizationAdmin(TokenId keyId) implements Actor {
        public OrganizationAdmin {
            Objects.requireNonNull(keyId, "keyId");
        }

        @Override
        public String describe() {
            return "orgadmin:" + keyId.value();
        }
    }

    /** The invited user accepting an invitation. */
    record Invitee(UserId userId) implements Actor {
        public Invitee {
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String describe() {
            return "invitee:" + userId.value();
        }
    }
}
