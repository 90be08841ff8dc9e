package org.provisio.scim.filter;

import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.AttributeType;
import org.provisio.scim.schema.ResolvedAttribute;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Asks a {@link Conformance} about what {@link FilterEvaluator} and the stores tolerate in a parsed filter: an
 * attribute no schema of the resource type defines ({@code nosuch eq "x"} simply matches nothing), an extension
 * attribute named without its URN ({@code employeeNumber eq "7"}) and a boolean compared with a string
 * ({@code active eq "true"}). What the parser itself tolerates it asks while parsing
 * ({@link Filter#parse(String, Conformance)}).
 *
 * <pre>{@code
 * Filter f = Filter.parse(text, conformance);
 * FilterConformance.check(f, ResourceSchema.user(), conformance);
 * }</pre>
 */
public final class FilterConformance {
    private FilterConformance() {
    }

    /** Walks {@code filter}, calling {@code conformance} for each tolerance it will be evaluated with. */
    public static void check(Filter filter, ResourceSchema schema, Conformance conformance) {
        Objects.requireNonNull(filter, "filter");
        if (conformance == Conformance.LENIENT) {
            return;
        }
        filter.accept(new Walker(Objects.requireNonNull(schema, "schema"), conformance, null));
    }

    /** Visits every comparison; {@code element} is the attribute of an enclosing value path. */
    private static final class Walker implements Filter.Visitor<Void> {
        private final ResourceSchema schema;
        private final Conformance conformance;
        private final AttributePath element;

        Walker(ResourceSchema schema, Conformance conformance, AttributePath element) {
            this.schema = schema;
            this.conformance = conformance;
            this.element = element;
        }

        @Override
        public Void visitAnd(Filter.And f) {
            f.left().accept(this);
            return f.right().accept(this);
        }

        @Override
        public Void visitOr(Filter.Or f) {
            f.left().accept(this);
            return f.right().accept(this);
        }

        @Override
        public Void visitNot(Filter.Not f) {
            return f.inner().accept(this);
        }

        @Override
        public Void visitPresent(Filter.Present f) {
            resolve(f.path());
            return null;
        }

        @Override
        public Void visitCompare(Filter.Compare f) {
            Optional<ResolvedAttribute> r = resolve(f.path());
            if (r.isPresent() && r.get().leaf().type() == AttributeType.BOOLEAN && f.value() instanceof StringValue) {
                conformance.tolerate(Tolerance.FILTER_BOOLEAN_AS_STRING, r.get().leaf().name());
            }
            return null;
        }

        @Override
        public Void visitValuePath(Filter.ValuePath f) {
            if (resolve(f.path()).isPresent() && element == null) {
                f.filter().accept(new Walker(schema, conformance, f.path().parent()));
            }
            return null;
        }

        /** The definition a path leads to; asks about an unknown or unqualified one. */
        private Optional<ResolvedAttribute> resolve(AttributePath path) {
            AttributePath full = element == null || path.hasSchemaUrn() || path.hasSubAttribute()
                    ? path : element.withSubAttribute(path.attribute());
            Optional<ResolvedAttribute> r = schema.resolve(full);
            if (r.isEmpty()) {
                conformance.tolerate(Tolerance.FILTER_UNKNOWN_ATTRIBUTE);
            } else if (r.get().extension() && !full.hasSchemaUrn()) {
                conformance.tolerate(Tolerance.FILTER_UNQUALIFIED_EXTENSION,
                        r.get().schema() + ":" + r.get().attribute().name());
            }
            return r;
        }
    }
}
