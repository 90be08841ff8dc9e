package org.provisio.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.Path;
import com.unboundid.scim2.common.types.AttributeDefinition.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.ResolvedAttribute;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Provisio against the UnboundID SCIM 2 SDK (5.0.0): over the whole filter table both parsers accept and
 * reject the same strings, and both evaluators find the same sample users, except for the differences
 * listed here, each decided on RFC grounds.
 */
class UnboundIdInteropTest {
    private static final ResourceSchema USER = ResourceSchema.user();

    /** Filters Provisio rejects and UnboundID accepts. */
    private static final Set<String> STRICTER_THAN_UNBOUNDID = Set.of(
            // RFC 7643 §2.1 ATTRNAME = ALPHA *(nameChar): a name starts with a letter; "$ref" is the only
            // name with another character.
            "1abc pr", "_abc pr", "-abc pr", "urn:ietf:params:scim:schemas:core:2.0:User:1a pr", "$refs pr",
            // RFC 7644 §3.10 attrPath = [URI ":"] ATTRNAME *1subAttr: at most one sub-attribute.
            "a.b.c pr",
            // RFC 7644 §3.4.2.2 valuePath = attrPath "[" valFilter "]": UnboundID forgives the missing ']'.
            "emails[type eq \"work\"",
            // U+0000 is refused: no attribute holds it and PostgreSQL cannot store or compare it.
            "userName eq \"a\\u0000\"",
            // An unpaired UTF-16 surrogate is no Unicode scalar value (RFC 8259 §8.2): no stored value can hold it,
            // and PostgreSQL would store it as '?', making two different strings collide.
            "userName eq \"a\\ud800\"", "userName eq \"\\udc00\\ud800\"");

    /** Filters Provisio accepts and UnboundID rejects. */
    private static final Set<String> MORE_TOLERANT_THAN_UNBOUNDID = Set.of(
            // RFC 5234 §2.3: ABNF literal strings ("true", "false", "null") are case-insensitive.
            "active eq True", "active eq FALSE", "title EQ NULL", "title eq Null",
            // Microsoft Entra ID and its SCIM validator match users with valuePath.subAttr filters, outside
            // RFC 7644 §3.4.2.2's grammar; read as emails[type eq "work" and value eq "x"].
            "emails[type eq \"work\"].value eq \"x\"",
            "emails[type eq \"work\"].value eq \"user@contoso.com\"",
            "emails[TYPE eq \"work\"].Value co \"@example.com\"",
            "addresses[type eq \"work\"].postalCode pr");

    @Test
    void bothParsersAcceptTheValidTable() {
        List<String> disagreements = new ArrayList<>();
        List<FilterCases.Valid> valid = new ArrayList<>(FilterCases.valid());
        valid.addAll(FilterCases.caseInsensitiveLiterals());
        for (FilterCases.Valid c : valid) {
            boolean unboundId = unboundIdAccepts(c.filter());
            if (!unboundId && !MORE_TOLERANT_THAN_UNBOUNDID.contains(c.filter())) {
                disagreements.add("UnboundID rejects: " + c.filter());
            }
            if (unboundId && MORE_TOLERANT_THAN_UNBOUNDID.contains(c.filter())) {
                disagreements.add("UnboundID now accepts: " + c.filter());
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void bothParsersRejectTheInvalidTable() {
        List<String> disagreements = new ArrayList<>();
        for (FilterCases.Invalid c : FilterCases.invalid()) {
            if (FilterCases.limits().contains(c)) {
                // Hardening: UnboundID has no depth limit; both reject inputs longer than ours only by accident.
                continue;
            }
            boolean unboundId = unboundIdAccepts(c.filter());
            if (unboundId && !STRICTER_THAN_UNBOUNDID.contains(c.filter())) {
                disagreements.add("UnboundID accepts: " + c);
            }
            if (!unboundId && STRICTER_THAN_UNBOUNDID.contains(c.filter())) {
                disagreements.add("UnboundID now rejects: " + c);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void bothEvaluatorsFindTheSameUsers() {
        Map<String, String> disagreements = new TreeMap<>();
        for (FilterCases.Valid c : FilterCases.valid()) {
            if (c.filter().length() > 500) {
                continue;
            }
            com.unboundid.scim2.common.filters.Filter theirs;
            try {
                theirs = com.unboundid.scim2.common.filters.Filter.fromString(c.filter());
            } catch (Exception e) {
                continue;
            }
            String ours = outcomes(c.filter());
            String their = theirOutcomes(theirs);
            if (!ours.equals(their) && knownEvaluationDifference(c.filter()) == null) {
                disagreements.put(c.filter(), "provisio " + ours + " / unboundid " + their);
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void bothEvaluatorsAgreeOnTheEvaluatorTable() {
        Map<String, String> disagreements = new TreeMap<>();
        FilterEvaluatorTest.table().forEach(args -> {
            String filter = (String) args.get()[0];
            String ours = outcomes(filter);
            String their;
            try {
                their = theirOutcomes(com.unboundid.scim2.common.filters.Filter.fromString(filter));
            } catch (Exception e) {
                their = "unparseable";
            }
            if (!ours.equals(their) && knownEvaluationDifference(filter) == null) {
                disagreements.put(filter, "provisio " + ours + " / unboundid " + their);
            }
        });
        assertThat(disagreements).isEmpty();
    }

    /** Why the evaluators differ on a filter on purpose, or {@code null} when they must agree. */
    static String knownEvaluationDifference(String filter) {
        String lower = filter.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("meta.created ") && filter.endsWith("\"Smith\"")) {
            return "RFC 7644 §3.4.2.2 (invalidFilter: 'the specified attribute and filter comparison combination is"
                    + " not supported'): Provisio rejects comparing a dateTime with a literal that is not an"
                    + " xsd:dateTime, and co/sw/ew on a dateTime; UnboundID compares the text.";
        }
        if (lower.startsWith("emails co ") || lower.startsWith("usertype eq \"employee\" and (emails co")
                || lower.startsWith("emails eq ") || lower.startsWith("roles eq ")
                || lower.startsWith(FilterCases.ENTERPRISE.toLowerCase(java.util.Locale.ROOT) + ":manager eq ")) {
            return "RFC 7644 §3.4.2.2: a complex multi-valued attribute compared without a sub-attribute is compared"
                    + " through its 'value' sub-attribute; UnboundID compares the element object and never matches.";
        }
        if (lower.startsWith(FilterCases.CORE.toLowerCase(java.util.Locale.ROOT) + ":")) {
            return "RFC 7644 §3.10: an attribute qualified by the core schema URN is the top-level attribute;"
                    + " UnboundID looks for an object under the URN key, as for an extension.";
        }
        if (lower.equals("active eq \"true\"")) {
            return "Tolerance (Entra ID sends booleans as strings): Provisio compares a boolean attribute with the"
                    + " strings \"true\"/\"false\" in any case; UnboundID compares a boolean with text and never matches.";
        }
        if (lower.equals("employeenumber eq \"7\"")) {
            return "RFC 7644 §3.10 leaves unqualified names to the service provider: ResourceSchema resolves a name"
                    + " only one extension defines to that extension; UnboundID looks only at the top level.";
        }
        if (lower.contains("middlename") || lower.contains("streetaddress") || lower.contains("hometown")
                || lower.contains(":organization ")) {
            return "RFC 7643 §2.1 (caseExact false) beyond ASCII: Provisio compares CaseFolding folds (upper then"
                    + " lower case, then NFC), so ß matches SS, ı matches I and a combining accent its precomposed"
                    + " letter; UnboundID lower-cases only.";
        }
        if (lower.equals("meta.created gt \"2011-05-13t04:42:34\"")) {
            return "An xsd:dateTime without offset: Provisio reads it as UTC and compares instants; UnboundID compares"
                    + " the text, so 2011-05-13T04:42:34Z is 'greater' than the same instant without the Z.";
        }
        return null;
    }

    private static String outcomes(String filter) {
        Predicate<ComplexValue> p;
        try {
            p = FilterEvaluator.compile(Filter.parse(filter), USER);
        } catch (ScimException e) {
            return "invalidFilter";
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ComplexValue> user : SampleUsers.all().entrySet()) {
            if (p.test(user.getValue())) {
                sb.append(user.getKey()).append(' ');
            }
        }
        return sb.toString().trim();
    }

    private static String theirOutcomes(com.unboundid.scim2.common.filters.Filter filter) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, ComplexValue> user : SampleUsers.all().entrySet()) {
            try {
                if (filter.visit(new SchemaAwareEvaluator(), toJson(user.getValue()))) {
                    sb.append(user.getKey()).append(' ');
                }
            } catch (Exception e) {
                return "invalidFilter";
            }
        }
        return sb.toString().trim();
    }

    private static boolean unboundIdAccepts(String filter) {
        try {
            com.unboundid.scim2.common.filters.Filter.fromString(filter);
            return true;
        } catch (Exception | StackOverflowError e) {
            return false;
        }
    }

    /** The UnboundID evaluator, told about caseExact and types through our schema. */
    static final class SchemaAwareEvaluator extends com.unboundid.scim2.common.utils.FilterEvaluator {
        @Override
        protected com.unboundid.scim2.common.types.AttributeDefinition getAttributeDefinition(Path path) {
            AttributePath ours;
            try {
                ours = AttributePath.parse(path.toString());
            } catch (ScimException e) {
                return null;
            }
            Optional<ResolvedAttribute> r = USER.resolve(ours);
            if (r.isEmpty()) {
                return null;
            }
            AttributeDefinition leaf = r.get().leaf();
            return new com.unboundid.scim2.common.types.AttributeDefinition.Builder()
                    .setName(leaf.name())
                    .setType(leaf.type() == org.provisio.scim.schema.AttributeType.DATE_TIME ? Type.DATETIME
                            : Type.valueOf(leaf.type().name()))
                    .setCaseExact(leaf.caseExact())
                    .setMultiValued(leaf.multiValued())
                    .build();
        }
    }

    /** A resource as Jackson JSON with UnboundID's case-insensitive object nodes, as its own mapper reads it. */
    static JsonNode toJson(Value value) {
        JsonNodeFactory f = new com.unboundid.scim2.common.utils.ScimJsonNodeFactory();
        if (value instanceof ComplexValue c) {
            ObjectNode o = f.objectNode();
            for (int i = 0; i < c.size(); i++) {
                o.set(c.nameAt(i), toJson(c.valueAt(i)));
            }
            return o;
        }
        if (value instanceof MultiValue m) {
            ArrayNode a = f.arrayNode();
            m.values().forEach(v -> a.add(toJson(v)));
            return a;
        }
        if (value instanceof BooleanValue b) {
            return f.booleanNode(b.value());
        }
        if (value instanceof IntegerValue i) {
            return f.numberNode(i.value());
        }
        if (value instanceof DecimalValue d) {
            return f.numberNode(d.value());
        }
        if (value instanceof NullValue) {
            return f.nullNode();
        }
        if (value instanceof StringValue || value instanceof DateTimeValue || value instanceof ReferenceValue
                || value instanceof BinaryValue) {
            return f.textNode(value.asText());
        }
        throw new IllegalArgumentException(String.valueOf(value));
    }
}
