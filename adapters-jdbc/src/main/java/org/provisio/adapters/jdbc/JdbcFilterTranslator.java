package org.provisio.adapters.jdbc;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.ResolvedAttribute;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.text.CaseFolding;

/**
 * Translates a SCIM filter over users into a {@link JdbcCondition} on the indexed columns, with
 * the semantics of scim-core's {@code FilterEvaluator}: {@code id}, {@code userName},
 * {@code externalId}, {@code active}, {@code displayName}, {@code name.givenName},
 * {@code name.familyName}, {@code meta.created}, {@code meta.lastModified}, {@code emails.value},
 * {@code emails.type}, {@code emails[...]} (over {@code value}, {@code type}, {@code primary}) and
 * {@code groups.value}. String ordering ({@code gt}...) and every other attribute are left to
 * the in-memory check. Values are always bound as parameters.
 *
 * <p>The filter has been compiled by {@code FilterEvaluator} first, so comparisons the RFC forbids
 * never get here.
 */
final class JdbcFilterTranslator {
    private static final ResourceSchema SCHEMA = ResourceSchema.user();

    /** A text column: its SQL, whether it may be null and whether it holds the text folded. */
    private record TextColumn(String sql, boolean nullable, boolean folded) {
    }

    private JdbcFilterTranslator() {
    }

    static JdbcCondition translate(Filter filter, String tenant) {
        return filter.accept(new JdbcFilterTranslator().new Top(tenant));
    }

    /** A filter over the whole user. */
    private final class Top implements Filter.Visitor<JdbcCondition> {
        private final String tenant;

        Top(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public JdbcCondition visitAnd(Filter.And f) {
            return f.left().accept(this).and(f.right().accept(this));
        }

        @Override
        public JdbcCondition visitOr(Filter.Or f) {
            return f.left().accept(this).or(f.right().accept(this));
        }

        @Override
        public JdbcCondition visitNot(Filter.Not f) {
            return f.inner().accept(this).not();
        }

        @Override
        public JdbcCondition visitPresent(Filter.Present f) {
            return attribute(f.path(), null, null, tenant);
        }

        @Override
        public JdbcCondition visitCompare(Filter.Compare f) {
            return attribute(f.path(), f.operator(), f.value(), tenant);
        }

        @Override
        public JdbcCondition visitValuePath(Filter.ValuePath f) {
            Optional<ResolvedAttribute> r = SCHEMA.resolve(f.path());
            if (r.isEmpty() || r.get().extension() || f.path().hasSubAttribute()
                    || !r.get().attribute().name().equalsIgnoreCase("emails")) {
                return JdbcCondition.UNKNOWN;
            }
            return inEmails(f.filter().accept(element), tenant);
        }
    }

    /** {@code op} null: {@code pr}. */
    private JdbcCondition attribute(AttributePath path, CompareOperator op, Value literal, String tenant) {
        Optional<ResolvedAttribute> resolved = SCHEMA.resolve(path);
        if (resolved.isEmpty() || resolved.get().extension()) {
            return JdbcCondition.UNKNOWN;
        }
        ResolvedAttribute r = resolved.get();
        AttributeDefinition leaf = r.leaf();
        String name = r.attribute().name().toLowerCase(Locale.ROOT);
        String sub = r.subAttribute() == null ? null : r.subAttribute().name().toLowerCase(Locale.ROOT);
        switch (name) {
            case "id":
                return sub == null ? text(new TextColumn("u.id", false, false), leaf, op, literal) : JdbcCondition.UNKNOWN;
            case "username":
                return sub == null ? text(new TextColumn("u.user_name_fold", false, true), leaf, op, literal)
                        : JdbcCondition.UNKNOWN;
            case "externalid":
                return sub == null ? text(new TextColumn("u.external_id", true, false), leaf, op, literal)
                        : JdbcCondition.UNKNOWN;
            case "displayname":
                return sub == null ? text(new TextColumn("u.display_name_fold", true, true), leaf, op, literal)
                        : JdbcCondition.UNKNOWN;
            case "name":
                if ("givenname".equals(sub)) {
                    return text(new TextColumn("u.given_name_fold", true, true), leaf, op, literal);
                }
                if ("familyname".equals(sub)) {
                    return text(new TextColumn("u.family_name_fold", true, true), leaf, op, literal);
                }
                return JdbcCondition.UNKNOWN;
            case "active":
                return sub == null ? active(op, literal) : JdbcCondition.UNKNOWN;
            case "meta":
                if ("created".equals(sub)) {
                    return instant("u.created_ns", op, literal);
                }
                if ("lastmodified".equals(sub)) {
                    return instant("u.last_modified_ns", op, literal);
                }
                return JdbcCondition.UNKNOWN;
            case "emails":
                if (sub == null && op == null) {
                    return JdbcCondition.UNKNOWN;
                }
                String element = sub == null ? "value" : sub;
                return some(o -> inEmails(emailElement(element, o, literal), tenant), op, literal);
            case "groups":
                return groups(sub, leaf, op, literal, tenant);
            default:
                return JdbcCondition.UNKNOWN;
        }
    }

    /** A filter inside {@code emails[...]}, over the {@code user_emails e} row. */
    private final Filter.Visitor<JdbcCondition> element = new Filter.Visitor<>() {
        @Override
        public JdbcCondition visitAnd(Filter.And f) {
            return f.left().accept(this).and(f.right().accept(this));
        }

        @Override
        public JdbcCondition visitOr(Filter.Or f) {
            return f.left().accept(this).or(f.right().accept(this));
        }

        @Override
        public JdbcCondition visitNot(Filter.Not f) {
            return f.inner().accept(this).not();
        }

        @Override
        public JdbcCondition visitPresent(Filter.Present f) {
            return simple(f.path()) ? emailElement(f.path().attribute(), null, null) : JdbcCondition.UNKNOWN;
        }

        @Override
        public JdbcCondition visitCompare(Filter.Compare f) {
            return simple(f.path()) ? emailElement(f.path().attribute(), f.operator(), f.value())
                    : JdbcCondition.UNKNOWN;
        }

        @Override
        public JdbcCondition visitValuePath(Filter.ValuePath f) {
            return JdbcCondition.UNKNOWN;
        }
    };

    private static boolean simple(AttributePath path) {
        return !path.hasSchemaUrn() && !path.hasSubAttribute();
    }

    /** A condition on one email element ({@code sub} is value, type or primary). */
    private JdbcCondition emailElement(String sub, CompareOperator op, Value literal) {
        Optional<ResolvedAttribute> r = SCHEMA.resolve(AttributePath.of("emails", sub));
        if (r.isEmpty()) {
            return JdbcCondition.UNKNOWN;
        }
        AttributeDefinition leaf = r.get().leaf();
        switch (leaf.name().toLowerCase(Locale.ROOT)) {
            case "value":
                return text(new TextColumn("e.value_fold", true, true), leaf, op, literal);
            case "type":
                return text(new TextColumn("e.type_fold", true, true), leaf, op, literal);
            case "primary":
                return primary(op, literal);
            default:
                return JdbcCondition.UNKNOWN;
        }
    }

    private static JdbcCondition inEmails(JdbcCondition onElement, String tenant) {
        return onElement.in("u.id", "SELECT e.user_id FROM user_emails e WHERE e.tenant_id = ?", List.of(tenant));
    }

    private JdbcCondition groups(String sub, AttributeDefinition leaf, CompareOperator op, Value literal,
                                 String tenant) {
        if (sub != null && !sub.equals("value")) {
            return JdbcCondition.UNKNOWN;
        }
        if (op == null) {
            return inGroups(JdbcCondition.ALL, tenant);
        }
        AttributeDefinition value = leaf.isComplex() ? leaf.subAttribute("value").orElseThrow() : leaf;
        // group ids are ASCII, so LOWER folds them exactly as equalsIgnoreCase compares
        TextColumn column = new TextColumn(value.caseExact() ? "m.group_id" : "LOWER(m.group_id)", false,
                !value.caseExact());
        return some(o -> inGroups(o == null ? JdbcCondition.ALL : text(column, value, o, literal), tenant), op, literal);
    }

    private static JdbcCondition inGroups(JdbcCondition onMembership, String tenant) {
        return onMembership.in("u.id", "SELECT m.user_id FROM group_members m WHERE m.tenant_id = ?", List.of(tenant));
    }

    /**
     * A comparison on a multi-valued attribute: some value matches. {@code ne} is "no value is
     * equal" and {@code eq null} "no value is present", as the evaluator negates them;
     * {@code exists} builds "some value matches {@code op}" ({@code null}: is present).
     */
    private static JdbcCondition some(java.util.function.Function<CompareOperator, JdbcCondition> exists,
                                      CompareOperator op, Value literal) {
        if (literal == NullValue.INSTANCE) {
            JdbcCondition present = exists.apply(null);
            return op == CompareOperator.EQ ? present.not() : present;
        }
        if (op == CompareOperator.NE) {
            return exists.apply(CompareOperator.EQ).not();
        }
        return exists.apply(op);
    }

    /**
     * A comparison on a text column, or {@code pr} when {@code op} is null. Missing values follow
     * SCIM: {@code ne} and {@code eq null} hold for them, every other operator does not.
     */
    private static JdbcCondition text(TextColumn column, AttributeDefinition leaf, CompareOperator op, Value literal) {
        String present = column.nullable()
                ? "(" + column.sql() + " IS NOT NULL AND " + column.sql() + " <> '')"
                : "(" + column.sql() + " <> '')";
        if (op == null) {
            return JdbcCondition.of(present);
        }
        if (literal == NullValue.INSTANCE) {
            JdbcCondition pr = JdbcCondition.of(present);
            return op == CompareOperator.EQ ? pr.not() : pr;
        }
        if (!(literal instanceof StringValue s)) {
            // the evaluator never matches eq with a literal of another type, so ne always holds
            return op == CompareOperator.NE ? JdbcCondition.ALL : JdbcCondition.NONE;
        }
        if (leaf.caseExact() == column.folded()) {
            return JdbcCondition.UNKNOWN;
        }
        String value = column.folded() ? CaseFolding.fold(s.value()) : s.value();
        String guard = column.nullable() ? column.sql() + " IS NOT NULL AND " : "";
        switch (op) {
            case EQ:
                return JdbcCondition.of("(" + guard + column.sql() + " = ?)", value);
            case NE:
                return JdbcCondition.of("(" + guard + column.sql() + " = ?)", value).not();
            case CO:
                return like(guard, column, "%" + escape(value) + "%");
            case SW:
                return like(guard, column, escape(value) + "%");
            case EW:
                return like(guard, column, "%" + escape(value));
            default:
                return JdbcCondition.UNKNOWN;
        }
    }

    private static JdbcCondition like(String guard, TextColumn column, String pattern) {
        return JdbcCondition.of("(" + guard + column.sql() + " LIKE ? ESCAPE '\\')", pattern);
    }

    /** Text for a {@code LIKE ... ESCAPE '\\'} pattern, its wildcards and escape character escaped. */
    static String likeEscaped(String text) {
        return escape(text);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** {@code active}: true for pending and active users, false for suspended ones. */
    private static JdbcCondition active(CompareOperator op, Value literal) {
        if (op == null) {
            return JdbcCondition.ALL;
        }
        if (literal == NullValue.INSTANCE) {
            return op == CompareOperator.EQ ? JdbcCondition.NONE : JdbcCondition.ALL;
        }
        Optional<Boolean> b = bool(literal);
        if (b.isEmpty()) {
            return op == CompareOperator.NE ? JdbcCondition.ALL : JdbcCondition.NONE;
        }
        JdbcCondition eq = b.get() ? JdbcCondition.of("(u.status <> 'SUSPENDED')")
                : JdbcCondition.of("(u.status = 'SUSPENDED')");
        return op == CompareOperator.NE ? eq.not() : op == CompareOperator.EQ ? eq : JdbcCondition.UNKNOWN;
    }

    private static JdbcCondition primary(CompareOperator op, Value literal) {
        if (op == null) {
            return JdbcCondition.of("(e.is_primary IS NOT NULL)");
        }
        if (literal == NullValue.INSTANCE) {
            JdbcCondition pr = JdbcCondition.of("(e.is_primary IS NOT NULL)");
            return op == CompareOperator.EQ ? pr.not() : pr;
        }
        Optional<Boolean> b = bool(literal);
        if (b.isEmpty()) {
            return op == CompareOperator.NE ? JdbcCondition.ALL : JdbcCondition.NONE;
        }
        JdbcCondition eq = JdbcCondition.of("(e.is_primary IS NOT NULL AND e.is_primary = ?)", b.get());
        return op == CompareOperator.NE ? eq.not() : op == CompareOperator.EQ ? eq : JdbcCondition.UNKNOWN;
    }

    private static Optional<Boolean> bool(Value literal) {
        if (literal instanceof BooleanValue b) {
            return Optional.of(b.value());
        }
        if (literal instanceof StringValue s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return Optional.of(s.value().equalsIgnoreCase("true"));
        }
        return Optional.empty();
    }

    /** {@code meta.created} and {@code meta.lastModified}: always present, compared as instants. */
    private static JdbcCondition instant(String column, CompareOperator op, Value literal) {
        if (op == null) {
            return JdbcCondition.ALL;
        }
        if (literal == NullValue.INSTANCE) {
            return op == CompareOperator.EQ ? JdbcCondition.NONE : JdbcCondition.ALL;
        }
        Instant at = literal instanceof StringValue s ? DateTimeValue.parseLenient(s.value()).orElse(null) : null;
        if (at == null) {
            return JdbcCondition.UNKNOWN;
        }
        long nanos = JdbcTime.nanos(at);
        if (nanos == Long.MIN_VALUE || nanos == Long.MAX_VALUE) {
            return JdbcCondition.UNKNOWN;
        }
        switch (op) {
            case EQ:
                return JdbcCondition.of("(" + column + " = ?)", nanos);
            case NE:
                return JdbcCondition.of("(" + column + " <> ?)", nanos);
            case GT:
                return JdbcCondition.of("(" + column + " > ?)", nanos);
            case GE:
                return JdbcCondition.of("(" + column + " >= ?)", nanos);
            case LT:
                return JdbcCondition.of("(" + column + " < ?)", nanos);
            case LE:
                return JdbcCondition.of("(" + column + " <= ?)", nanos);
            default:
                return JdbcCondition.UNKNOWN;
        }
    }
}
