package org.provisio.scim.filter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.ResolvedAttribute;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Compiles a {@link Filter} into a {@link Predicate} over resources, once, so that testing many
 * resources does not allocate: literals are converted (and folded) and paths resolved at compile time.
 * Only a non-ASCII value compared ignoring case is folded as it is tested.
 *
 * <pre>{@code
 * Predicate<ComplexValue> p = FilterEvaluator.compile(
 *         Filter.parse("emails[type eq \"work\"]"), ResourceSchema.user());
 * users.stream().filter(p)...
 * }</pre>
 *
 * <p>Semantics (RFC 7644 §3.4.2.2):
 * <ul>
 *   <li>Each path is resolved through the {@link ResourceSchema}; strings compare ignoring case, as
 *       {@link org.provisio.scim.text.CaseFolding} defines it ({@code "STRASSE"} finds {@code "straße"}),
 *       unless the attribute is {@code caseExact} ({@code id}, {@code externalId},
 *       {@code meta.version}, binary values...). The literal is folded once, at compile time.
 *       {@code gt}/{@code ge}/{@code lt}/{@code le} on strings are lexicographic (on the folds).</li>
 *   <li>{@code dateTime} attributes compare as instants; {@code integer} and {@code decimal} numerically;
 *       {@code boolean} only with {@code eq}/{@code ne} (a boolean stored as the string {@code "True"} is
 *       tolerated).</li>
 *   <li>An attribute no schema defines is not an error: it is compared by the type of the literal, strings
 *       ignoring case ({@code CaseFolding} again), against whatever the resource holds under that name.</li>
 *   <li>A multi-valued attribute matches if any of its values matches. A complex attribute compared without
 *       a sub-attribute ({@code emails co "example.com"}) is compared through its {@code value} sub-attribute.
 *       A value path ({@code emails[type eq "work" and value co "@example.com"]}) needs one element that
 *       satisfies the whole inner filter.</li>
 *   <li>{@code pr} is true for a value that is not {@code null}, not the empty string, not an empty list and
 *       not a complex value without a present sub-attribute.</li>
 *   <li>{@code ne} is the negation of {@code eq}, so it is true for a missing attribute, as in the UnboundID
 *       SCIM 2 SDK: RFC 7643 §2.5 treats an unassigned attribute as {@code null}, which is "not identical" to
 *       any value. For the same reason {@code eq null} is true exactly when the attribute is unassigned
 *       ({@code x eq null} is {@code not (x pr)}) and {@code ne null} is {@code x pr}.</li>
 *   <li>Comparisons the RFC forbids are {@code invalidFilter} errors at compile time: {@code gt}/{@code ge}/
 *       {@code lt}/{@code le} on {@code boolean} or {@code binary} attributes or with a {@code boolean} or
 *       {@code null} literal; any comparison of a {@code dateTime} with a literal that is not an
 *       {@code xsd:dateTime} string; {@code co}/{@code sw}/{@code ew} on numbers, booleans or dateTimes or with a
 *       non-string literal. Otherwise an {@code eq} whose literal cannot have the attribute's type (for example
 *       {@code userName eq 5}) simply never matches.</li>
 * </ul>
 */
public final class FilterEvaluator {
    private FilterEvaluator() {
    }

    /** Compiles a filter into a predicate over whole resources of the given schema. */
    public static Predicate<ComplexValue> compile(Filter filter, ResourceSchema schema) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(schema, "schema");
        return new Compiler(schema, null).compile(filter);
    }

    /**
     * Compiles the filter of a value path ({@code emails[type eq "work"]}) into a predicate over one
     * element of the multi-valued attribute {@code attribute}; the filter's paths are relative to
     * the element ({@code type} means {@code emails.type}).
     */
    public static Predicate<ComplexValue> compileElementFilter(Filter filter, ResourceSchema schema,
                                                               AttributePath attribute) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(attribute, "attribute");
        return new Compiler(schema, attribute).compile(filter);
    }

    /** Turns the AST into {@link Node}s; {@code element} is set when paths are relative to an element. */
    private static final class Compiler implements Filter.Visitor<Node> {
        private final ResourceSchema schema;
        private final AttributePath element;

        Compiler(ResourceSchema schema, AttributePath element) {
            this.schema = schema;
            this.element = element;
        }

        Node compile(Filter filter) {
            return filter.accept(this);
        }

        /** Left-deep chains of the same combinator become one flat node: {@code a and b and c}. */
        @Override
        public Node visitAnd(Filter.And f) {
            return new AllOf(compileAll(Chains.operands(f, true)));
        }

        @Override
        public Node visitOr(Filter.Or f) {
            return new AnyOf(compileAll(Chains.operands(f, true)));
        }

        @Override
        public Node visitNot(Filter.Not f) {
            return new NoneOf(compile(f.inner()));
        }

        @Override
        public Node visitPresent(Filter.Present f) {
            return new Any(accessor(f.path()), ValueMatchers.PRESENT, false);
        }

        @Override
        public Node visitCompare(Filter.Compare f) {
            return compare(f);
        }

        @Override
        public Node visitValuePath(Filter.ValuePath f) {
            if (element != null) {
                throw ScimException.invalidFilter("value paths cannot be nested: " + f);
            }
            Node inner = new Compiler(schema, f.path().parent()).compile(f.filter());
            return new Any(accessor(f.path()), new ValueMatchers.ElementTest(inner), false);
        }

        private Node[] compileAll(List<Filter> operands) {
            Node[] nodes = new Node[operands.size()];
            for (int i = 0; i < nodes.length; i++) {
                nodes[i] = compile(operands.get(i));
            }
            return nodes;
        }

        private Node compare(Filter.Compare compare) {
            Accessor accessor = accessor(compare.path());
            Value literal = compare.value();
            CompareOperator op = compare.operator();
            if (literal == NullValue.INSTANCE) {
                return switch (op) {
                    case EQ -> new NoneOf(new Any(accessor, ValueMatchers.PRESENT, false));
                    case NE -> new Any(accessor, ValueMatchers.PRESENT, false);
                    default -> throw ScimException.invalidFilter("'" + op.keyword() + "' cannot compare with null: "
                            + compare);
                };
            }
            AttributeDefinition leaf = accessor.definition;
            if (leaf != null && leaf.isComplex()) {
                leaf = leaf.subAttribute("value").orElse(null);
            }
            if (op == CompareOperator.NE) {
                ValueMatchers.ValueTest equal = ValueMatchers.of(leaf, CompareOperator.EQ, literal, compare);
                return new NoneOf(new Any(accessor, equal, true));
            }
            return new Any(accessor, ValueMatchers.of(leaf, op, literal, compare), true);
        }

        /** Where a path leads: its container, names and definition ({@code null} when no schema defines it). */
        private Accessor accessor(AttributePath path) {
            if (element != null) {
                Optional<ResolvedAttribute> r = path.hasSchemaUrn() || path.hasSubAttribute()
                        ? Optional.empty()
                        : schema.resolve(element.withSubAttribute(path.attribute()));
                return new Accessor(null, path.attribute(), path.subAttribute(),
                        r.map(ResolvedAttribute::subAttribute).orElse(null));
            }
            Optional<ResolvedAttribute> r = schema.resolve(path);
            if (r.isPresent()) {
                ResolvedAttribute a = r.get();
                return new Accessor(a.extension() ? a.schema() : null, a.attribute().name(), path.subAttribute(),
                        a.leaf());
            }
            if (path.hasSubAttribute()) {
                // A known attribute with a sub-attribute no schema defines: look for it where the attribute lives.
                Optional<ResolvedAttribute> parent = schema.resolve(path.parent());
                if (parent.isPresent()) {
                    ResolvedAttribute a = parent.get();
                    return new Accessor(a.extension() ? a.schema() : null, a.attribute().name(), path.subAttribute(),
                            null);
                }
            }
            String urn = path.schemaUrn();
            boolean inExtension = urn != null && !urn.equalsIgnoreCase(schema.core().id());
            return new Accessor(inExtension ? urn : null, path.attribute(), path.subAttribute(), null);
        }
    }

    /**
     * Finds the values at a path without allocating: the attribute (in the extension object named
     * {@code container} when set), then the sub-attribute, flattening multi-valued attributes.
     */
    static final class Accessor {
        private static final String VALUE = "value";

        final String container;
        final String name;
        final String sub;
        final AttributeDefinition definition;

        Accessor(String container, String name, String sub, AttributeDefinition definition) {
            this.container = container;
            this.name = name;
            this.sub = sub;
            this.definition = definition;
        }

        /**
         * Whether {@code test} holds for any value at this path; with {@code implicitValue} a complex value is
         * tested through its {@code value} sub-attribute.
         */
        boolean any(ComplexValue root, ValueMatchers.ValueTest test, boolean implicitValue) {
            ComplexValue owner = root;
            if (container != null) {
                if (!(root.getOrNull(container) instanceof ComplexValue extension)) {
                    return false;
                }
                owner = extension;
            }
            Value value = owner.getOrNull(name);
            if (value == null) {
                return false;
            }
            return sub == null ? leaf(value, test, implicitValue) : sub(value, test, implicitValue);
        }

        private boolean sub(Value value, ValueMatchers.ValueTest test, boolean implicitValue) {
            if (value instanceof ComplexValue complex) {
                Value child = complex.getOrNull(sub);
                return child != null && leaf(child, test, implicitValue);
            }
            if (value instanceof MultiValue multi) {
                List<Value> values = multi.values();
                for (int i = 0, n = values.size(); i < n; i++) {
                    if (sub(values.get(i), test, implicitValue)) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean leaf(Value value, ValueMatchers.ValueTest test, boolean implicitValue) {
            if (value instanceof MultiValue multi) {
                List<Value> values = multi.values();
                for (int i = 0, n = values.size(); i < n; i++) {
                    if (leaf(values.get(i), test, implicitValue)) {
                        return true;
                    }
                }
                return false;
            }
            if (implicitValue && value instanceof ComplexValue complex) {
                Value v = complex.getOrNull(VALUE);
                return v != null && !(v instanceof ComplexValue) && leaf(v, test, false);
            }
            return test.test(value);
        }
    }

    /** A compiled filter. */
    abstract static class Node implements Predicate<ComplexValue> {
    }

    /** Some value at the path passes the test. */
    static final class Any extends Node {
        private final Accessor accessor;
        private final ValueMatchers.ValueTest test;
        private final boolean implicitValue;

        Any(Accessor accessor, ValueMatchers.ValueTest test, boolean implicitValue) {
            this.accessor = accessor;
            this.test = test;
            this.implicitValue = implicitValue;
        }

        @Override
        public boolean test(ComplexValue resource) {
            return accessor.any(resource, test, implicitValue);
        }
    }

    /** Every part matches. */
    static final class AllOf extends Node {
        private final Node[] parts;

        AllOf(Node[] parts) {
            this.parts = parts;
        }

        @Override
        public boolean test(ComplexValue resource) {
            for (Node part : parts) {
                if (!part.test(resource)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Some part matches. */
    static final class AnyOf extends Node {
        private final Node[] parts;

        AnyOf(Node[] parts) {
            this.parts = parts;
        }

        @Override
        public boolean test(ComplexValue resource) {
            for (Node part : parts) {
                if (part.test(resource)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The inner node does not match. */
    static final class NoneOf extends Node {
        private final Node inner;

        NoneOf(Node inner) {
            this.inner = inner;
        }

        @Override
        public boolean test(ComplexValue resource) {
            return !inner.test(resource);
        }
    }

    /** A simple element of a value path behaves as {@code {"value": element}}. */
    static ComplexValue asElement(Value value) {
        return value instanceof ComplexValue complex ? complex : ComplexValue.of("value", value);
    }
}
