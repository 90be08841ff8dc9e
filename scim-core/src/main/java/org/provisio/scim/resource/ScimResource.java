package org.provisio.scim.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A whole SCIM resource (a User, a Group, ...): its attributes as one {@link ComplexValue},
 * with accessors for the common attributes of RFC 7643 §3.1.
 *
 * <pre>{@code
 * ScimResource user = ScimResource.of(ComplexValue.builder()
 *     .put("schemas", MultiValue.of(StringValue.of("urn:ietf:params:scim:schemas:core:2.0:User")))
 *     .put("userName", "bjensen@example.com")
 *     .build());
 * }</pre>
 */
public record ScimResource(ComplexValue attributes) {
    public ScimResource {
        Objects.requireNonNull(attributes, "attributes");
    }

    public static ScimResource of(ComplexValue attributes) {
        return new ScimResource(attributes);
    }

    /** The {@code id}, if assigned. */
    public Optional<String> id() {
        return attributes.getText("id");
    }

    /** The {@code externalId}, if assigned. */
    public Optional<String> externalId() {
        return attributes.getText("externalId");
    }

    /** The schema URNs listed in {@code schemas}. */
    public List<String> schemas() {
        MultiValue m = attributes.getMulti("schemas");
        List<String> out = new ArrayList<>(m.size());
        for (Value v : m.values()) {
            if (v.asText() != null) {
                out.add(v.asText());
            }
        }
        return List.copyOf(out);
    }

    /** The {@code meta} complex attribute, if present. */
    public Optional<ComplexValue> meta() {
        return attributes.getComplex("meta");
    }

    /** The value of a top-level attribute, looked up case-insensitively. */
    public Optional<Value> get(String name) {
        return attributes.get(name);
    }

    /** A copy with a top-level attribute set ({@link NullValue} removes it). */
    public ScimResource with(String name, Value value) {
        return new ScimResource(attributes.with(name, value));
    }

    /** A copy without a top-level attribute. */
    public ScimResource without(String name) {
        return new ScimResource(attributes.without(name));
    }
}
