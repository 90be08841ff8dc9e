package org.provisio.domain.service;

import java.util.Locale;
import java.util.Optional;
import org.provisio.domain.model.ResourceLimits;
import org.provisio.domain.model.UserName;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * A client's User resource read into what the domain keeps: checked against the User schema
 * (RFC 7643) with the sizes the stores index bounded, the cleartext {@code password} dropped (a
 * user of Provisio signs in through the product after accepting the invitation, so a password an
 * identity provider sends — Okta does — has no use, and keeping it would only be a liability),
 * and {@code userName}, {@code externalId} and {@code active} taken out.
 */
record UserInput(ScimResource resource, UserName userName, Optional<String> externalId, Optional<Boolean> active) {
    static final int MAX_EXTERNAL_ID = 1024;
    static final int MAX_EMAIL = 512;
    static final int MAX_EMAIL_TYPE = 128;

    /** Reads a resource; invalid input is a {@code ScimException}. */
    static UserInput of(SchemaValidator validator, ResourceLimits limits, ScimResource sent) {
        return of(validator, limits, sent, Conformance.LENIENT);
    }

    /** Reads a resource a client sent, its tolerances asked of {@code conformance}. */
    static UserInput of(SchemaValidator validator, ResourceLimits limits, ScimResource sent, Conformance conformance) {
        ComplexValue v = validator.validate(sent.attributes(), conformance).without("password");
        limits.check(v);
        v.getText("externalId").ifPresent(e -> limit("externalId", e, MAX_EXTERNAL_ID));
        for (Value email : v.getMulti("emails").values()) {
            if (email instanceof ComplexValue e) {
                e.getText("value").ifPresent(x -> limit("emails.value", x, MAX_EMAIL));
                e.getText("type").ifPresent(x -> limit("emails.type", x, MAX_EMAIL_TYPE));
            }
        }
        ScimResource resource = ScimResource.of(v);
        return new UserInput(resource, userNameOf(resource), resource.externalId().filter(e -> !e.isBlank()),
                activeOf(resource));
    }

    /** The validator of the User schema, an embedder's extensions included. */
    static SchemaValidator validator(ResourceSchema userSchema) {
        return new SchemaValidator(userSchema);
    }

    private static void limit(String attribute, String value, int max) {
        if (value.length() > max) {
            throw ScimException.invalidValue("\"" + attribute + "\" must be at most " + max + " characters");
        }
    }

    private static UserName userNameOf(ScimResource resource) {
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

    /** {@code active} as a boolean, also as the strings {@code "True"}/{@code "False"} that Entra ID sends. */
    private static Optional<Boolean> activeOf(ScimResource resource) {
        Value v = resource.get("active").orElse(null);
        if (v == null || v.isUnassigned()) {
            return Optional.empty();
        }
        if (v instanceof BooleanValue b) {
            return Optional.of(b.value());
        }
        if (v instanceof StringValue s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(s.value().toLowerCase(Locale.ROOT)));
        }
        throw ScimException.invalidValue("active must be a boolean");
    }
}
