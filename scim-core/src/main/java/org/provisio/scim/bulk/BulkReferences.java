package org.provisio.scim.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/**
 * The {@code "bulkId:qwerty"} references of RFC 7644 §3.7.2: a string value that is exactly the
 * prefix and a bulkId, anywhere in an operation's data (a group's {@code members[].value}, the
 * enterprise {@code manager.value}, any extension), and the quoted filter literal
 * {@code "bulkId:qwerty"} inside a PATCH operation's {@code path}, such as
 * {@code members[value eq "bulkId:qwerty"]}. The prefix is case-exact, as the RFC spells it.
 */
final class BulkReferences {
    static final String PREFIX = "bulkId:";
    private static final Pattern QUOTED = Pattern.compile("\"" + PREFIX + "([^\"\\\\]+)\"");

    private BulkReferences() {
    }

    /** The bulkId a whole string references: {@code qwerty} for {@code bulkId:qwerty}. */
    static Optional<String> of(String text) {
        return text.startsWith(PREFIX) && text.length() > PREFIX.length()
                ? Optional.of(text.substring(PREFIX.length())) : Optional.empty();
    }

    /** The bulkIds referenced in a value, in the order they appear, with repeats. */
    static List<String> in(Value value) {
        List<String> out = new ArrayList<>();
        value.accept(new Substitution(text -> {
            of(text).ifPresent(out::add);
            return null;
        }));
        return out;
    }

    /** The bulkIds quoted in a PATCH path's filter, in order. */
    static List<String> inPatchPath(String path) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(path);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /**
     * The value with every reference replaced by what {@code ids} gives for its bulkId (the created
     * resource's id); a reference {@code ids} has no answer for ({@code null}) stays as it is. Values
     * without references are returned as they are, not copied.
     */
    static Value resolve(Value value, UnaryOperator<String> ids) {
        return value.accept(new Substitution(text -> of(text).map(ids).orElse(null)));
    }

    /** A PATCH path with its quoted references replaced. */
    static String resolvePatchPath(String path, UnaryOperator<String> ids) {
        Matcher m = QUOTED.matcher(path);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String id = ids.apply(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(id == null ? m.group() : "\"" + id + "\""));
        }
        return m.appendTail(out).toString();
    }

    /** Rewrites the text of string and reference values; {@code replacement} answers null for "keep". */
    private static final class Substitution implements Value.Visitor<Value> {
        private final UnaryOperator<String> replacement;

        Substitution(UnaryOperator<String> replacement) {
            this.replacement = replacement;
        }

        @Override
        public Value visitString(StringValue value) {
            String r = replacement.apply(value.value());
            return r == null ? value : StringValue.of(r);
        }

        @Override
        public Value visitReference(ReferenceValue value) {
            String r = replacement.apply(value.uri());
            return r == null ? value : new ReferenceValue(r);
        }

        @Override
        public Value visitComplex(ComplexValue value) {
            ComplexValue.Builder changed = null;
            for (int i = 0; i < value.size(); i++) {
                Value before = value.valueAt(i);
                Value after = before.accept(this);
                if (after != before) {
                    changed = changed == null ? value.toBuilder() : changed;
                    changed.putKeepingNull(value.nameAt(i), after);
                }
            }
            return changed == null ? value : changed.build();
        }

        @Override
        public Value visitMulti(MultiValue value) {
            List<Value> changed = null;
            for (int i = 0; i < value.size(); i++) {
                Value before = value.get(i);
                Value after = before.accept(this);
                if (after != before) {
                    changed = changed == null ? new ArrayList<>(value.values()) : changed;
                    changed.set(i, after);
                }
            }
            return changed == null ? value : new MultiValue(changed);
        }

        @Override
        public Value visitBoolean(BooleanValue value) {
            return value;
        }

        @Override
        public Value visitInteger(IntegerValue value) {
            return value;
        }

        @Override
        public Value visitDecimal(DecimalValue value) {
            return value;
        }

        @Override
        public Value visitDateTime(DateTimeValue value) {
            return value;
        }

        @Override
        public Value visitBinary(BinaryValue value) {
            return value;
        }

        @Override
        public Value visitNull(NullValue value) {
            return value;
        }
    }
}
