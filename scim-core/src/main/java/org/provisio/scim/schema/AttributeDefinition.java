package org.provisio.scim.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One attribute of a schema with all of its characteristics (RFC 7643 §2.2 and §7).
 * Defaults follow RFC 7643 §2.2: not required, not case-exact, readWrite, returned by
 * default, no uniqueness. Build with {@link #builder(String, AttributeType)}.
 */
public record AttributeDefinition(
        String name,
        AttributeType type,
        boolean multiValued,
        String description,
        boolean required,
        boolean caseExact,
        Mutability mutability,
        Returned returned,
        Uniqueness uniqueness,
        List<String> canonicalValues,
        List<String> referenceTypes,
        List<AttributeDefinition> subAttributes) {

    public AttributeDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        Objects.requireNonNull(mutability, "mutability");
        Objects.requireNonNull(returned, "returned");
        Objects.requireNonNull(uniqueness, "uniqueness");
        canonicalValues = List.copyOf(canonicalValues);
        referenceTypes = List.copyOf(referenceTypes);
        subAttributes = List.copyOf(subAttributes);
        if (type != AttributeType.COMPLEX && !subAttributes.isEmpty()) {
            throw new IllegalArgumentException(name + ": only complex attributes have sub-attributes");
        }
    }

    public static Builder builder(String name, AttributeType type) {
        return new Builder(name, type);
    }

    /** A sub-attribute by name, case-insensitively. */
    public Optional<AttributeDefinition> subAttribute(String subName) {
        for (AttributeDefinition a : subAttributes) {
            if (a.name.equalsIgnoreCase(subName)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public boolean isComplex() {
        return type == AttributeType.COMPLEX;
    }

    /**
     * Builder with the RFC 7643 §2.2 defaults, except that a {@code binary} attribute starts
     * {@code caseExact}: RFC 7643 §2.3.6 says a binary value is case exact, and filters compare it so.
     */
    public static final class Builder {
        private final String name;
        private final AttributeType type;
        private boolean multiValued;
        private String description = "";
        private boolean required;
        private boolean caseExact;
        private Mutability mutability = Mutability.READ_WRITE;
        private Returned returned = Returned.DEFAULT;
        private Uniqueness uniqueness = Uniqueness.NONE;
        private List<String> canonicalValues = List.of();
        private List<String> referenceTypes = List.of();
        private List<AttributeDefinition> subAttributes = List.of();

        private Builder(String name, AttributeType type) {
            this.name = name;
            this.type = type;
            this.caseExact = type == AttributeType.BINARY;
        }

        public Builder multiValued() {
            this.multiValued = true;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder required() {
            this.required = true;
            return this;
        }

        public Builder caseExact() {
            this.caseExact = true;
            return this;
        }

        public Builder mutability(Mutability mutability) {
            this.mutability = mutability;
            return this;
        }

        public Builder returned(Returned returned) {
            this.returned = returned;
            return this;
        }

        public Builder uniqueness(Uniqueness uniqueness) {
            this.uniqueness = uniqueness;
            return this;
        }

        public Builder canonicalValues(String... values) {
            this.canonicalValues = List.of(values);
            return this;
        }

        public Builder referenceTypes(String... types) {
            this.referenceTypes = List.of(types);
            return this;
        }

        public Builder subAttributes(AttributeDefinition... subs) {
            this.subAttributes = List.of(subs);
            return this;
        }

        public AttributeDefinition build() {
            return new AttributeDefinition(name, type, multiValued, description, required, caseExact,
                    mutability, returned, uniqueness, canonicalValues, referenceTypes, subAttributes);
        }
    }
}
