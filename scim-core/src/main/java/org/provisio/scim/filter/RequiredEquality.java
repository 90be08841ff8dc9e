package org.provisio.scim.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.resource.StringValue;

/**
 * The value an attribute must equal for a filter to match, when the filter says so plainly: a
 * store can then look that one value up in an index instead of testing every resource, and still
 * apply the whole filter to what it finds. Entra ID's and Okta's lookups are the case in point:
 * for {@code userName eq "bjensen" and active eq true},
 * {@code RequiredEquality.of(filter, "userName", CoreSchemas.USER_URN)} is {@code "bjensen"}.
 *
 * <p>The comparison is found at the top of the filter or by descending through {@code and} only,
 * left operand first; {@code or}, {@code not} and value paths are not entered, since under them the
 * comparison need not hold. It counts when its operator is {@code eq}, its path names the attribute
 * (ignoring ASCII case) without a sub-attribute and either without a schema URN or with exactly the
 * core schema's URN (ignoring case), and its literal is a string. The value is returned as written;
 * whether it is compared ignoring case is the attribute's {@code caseExact}, the caller's business.
 */
public final class RequiredEquality {
    private RequiredEquality() {
    }

    /** The string literal of the first {@code attribute eq "..."} the filter requires, or empty. */
    public static Optional<String> of(Filter filter, String attribute, String coreSchemaUrn) {
        Objects.requireNonNull(filter, "filter");
        return filter.accept(new Finder(Objects.requireNonNull(attribute, "attribute"),
                Objects.requireNonNull(coreSchemaUrn, "coreSchemaUrn")));
    }

    /** Looks at the top and through {@code and}; every other node requires nothing. */
    private static final class Finder implements Filter.Visitor<Optional<String>> {
        private final String attribute;
        private final String coreSchemaUrn;

        Finder(String attribute, String coreSchemaUrn) {
            this.attribute = attribute;
            this.coreSchemaUrn = coreSchemaUrn;
        }

        @Override
        public Optional<String> visitAnd(Filter.And f) {
            List<Filter> operands = Chains.operands(f, true);
            for (Filter operand : operands) {
                Optional<String> found = operand.accept(this);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> visitCompare(Filter.Compare f) {
            if (f.operator() == CompareOperator.EQ
                    && f.path().attribute().equalsIgnoreCase(attribute)
                    && !f.path().hasSubAttribute()
                    && (!f.path().hasSchemaUrn() || f.path().schemaUrn().equalsIgnoreCase(coreSchemaUrn))
                    && f.value() instanceof StringValue literal) {
                return Optional.of(literal.value());
            }
            return Optional.empty();
        }

        @Override
        public Optional<String> visitOr(Filter.Or f) {
            return Optional.empty();
        }

        @Override
        public Optional<String> visitNot(Filter.Not f) {
            return Optional.empty();
        }

        @Override
        public Optional<String> visitPresent(Filter.Present f) {
            return Optional.empty();
        }

        @Override
        public Optional<String> visitValuePath(Filter.ValuePath f) {
            return Optional.empty();
        }
    }
}
