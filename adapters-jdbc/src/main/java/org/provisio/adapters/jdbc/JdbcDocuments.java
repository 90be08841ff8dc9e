package org.provisio.adapters.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.UserState;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * The JSON documents of the schema, written with scim-core's {@link ScimJson}.
 *
 * <p>A user's document is {@code {"state": {...}, "profile": {...}}}. The profile is the SCIM JSON
 * of the attributes, except that the value types JSON cannot tell apart from strings or integers
 * are tagged so that a profile reads back {@code equal} to what was written:
 * {@code {"@dateTime": "2024-03-01T09:00:00Z"}}, {@code {"@reference": ...}},
 * {@code {"@binary": ...}}, {@code {"@decimal": "1.50"}}. A genuine attribute name that starts
 * with {@code @} is written with one more {@code @}.
 */
final class JdbcDocuments {
    private static final String DATE_TIME = "@dateTime";
    private static final String REFERENCE = "@reference";
    private static final String BINARY = "@binary";
    private static final String DECIMAL = "@decimal";

    private JdbcDocuments() {
    }

    static String user(UserState state, ScimResource profile) {
        return ScimJson.writeString(ComplexValue.of("state", state(state), "profile", tag(profile.attributes())));
    }

    /** A user's state and profile as read back. */
    record UserDocument(UserState state, ScimResource profile) {
    }

    static UserDocument user(String document) {
        ComplexValue c = ScimJson.readObject(document);
        return new UserDocument(state(c.getComplex("state").orElseThrow()),
                ScimResource.of((ComplexValue) untag(c.getComplex("profile").orElse(ComplexValue.EMPTY))));
    }

    /** A string map (outbox payloads) as a JSON object. */
    static String map(Map<String, String> map) {
        ComplexValue.Builder b = ComplexValue.builder();
        map.forEach((k, v) -> b.putKeepingNull(k, StringValue.of(v)));
        return ScimJson.writeString(b.build());
    }

    static Map<String, String> map(String json) {
        ComplexValue c = ScimJson.readObject(json);
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < c.size(); i++) {
            out.put(c.nameAt(i), c.valueAt(i).asText());
        }
        return out;
    }

    private static ComplexValue state(UserState state) {
        if (state instanceof Pending p) {
            return ComplexValue.of("kind", StringValue.of("pending"), "invitation", StringValue.of(p.invitation().value()));
        }
        if (state instanceof Active a) {
            return ComplexValue.of("kind", StringValue.of("active"), "since", text(a.since()));
        }
        Suspended s = (Suspended) state;
        String kind = s instanceof Suspended.FromActive ? "suspendedFromActive"
                : s instanceof Suspended.FromPending ? "suspendedFromPending" : "neverInvited";
        return ComplexValue.of("kind", StringValue.of(kind), "suspendedAt", text(s.suspendedAt()),
                "purgeAt", text(s.purgeAt()));
    }

    private static UserState state(ComplexValue c) {
        String kind = c.getText("kind").orElseThrow();
        switch (kind) {
            case "pending":
                return new Pending(InvitationId.of(c.getText("invitation").orElseThrow()));
            case "active":
                return new Active(instant(c, "since"));
            case "suspendedFromActive":
                return new Suspended.FromActive(instant(c, "suspendedAt"), instant(c, "purgeAt"));
            case "suspendedFromPending":
                return new Suspended.FromPending(instant(c, "suspendedAt"), instant(c, "purgeAt"));
            case "neverInvited":
                return new Suspended.NeverInvited(instant(c, "suspendedAt"), instant(c, "purgeAt"));
            default:
                throw new IllegalStateException("unknown user state in the database: " + kind);
        }
    }

    private static StringValue text(Instant instant) {
        return StringValue.of(instant.toString());
    }

    private static Instant instant(ComplexValue c, String name) {
        return Instant.parse(c.getText(name).orElseThrow());
    }

    private static ComplexValue tag(ComplexValue value) {
        return (ComplexValue) value.accept(TAG);
    }

    private static final Value.Visitor<Value> TAG = new Value.Visitor<>() {
        @Override
        public Value visitString(StringValue value) {
            return value;
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
            return ComplexValue.of(DECIMAL, StringValue.of(value.value().toString()));
        }

        @Override
        public Value visitDateTime(DateTimeValue value) {
            return ComplexValue.of(DATE_TIME, StringValue.of(value.value().toString()));
        }

        @Override
        public Value visitBinary(BinaryValue value) {
            return ComplexValue.of(BINARY, StringValue.of(value.base64()));
        }

        @Override
        public Value visitReference(ReferenceValue value) {
            return ComplexValue.of(REFERENCE, StringValue.of(value.uri()));
        }

        @Override
        public Value visitComplex(ComplexValue value) {
            ComplexValue.Builder b = ComplexValue.builder();
            for (int i = 0; i < value.size(); i++) {
                String name = value.nameAt(i);
                b.putKeepingNull(name.startsWith("@") ? "@" + name : name, value.valueAt(i).accept(this));
            }
            return b.build();
        }

        @Override
        public Value visitMulti(MultiValue value) {
            return new MultiValue(value.values().stream().map(v -> v.accept(this)).toList());
        }

        @Override
        public Value visitNull(NullValue value) {
            return value;
        }
    };

    private static Value untag(Value value) {
        if (value instanceof MultiValue m) {
            List<Value> out = new ArrayList<>(m.size());
            for (Value v : m.values()) {
                out.add(untag(v));
            }
            return new MultiValue(out);
        }
        if (!(value instanceof ComplexValue c)) {
            return value;
        }
        if (c.size() == 1 && c.nameAt(0).startsWith("@") && !c.nameAt(0).startsWith("@@")) {
            String text = c.valueAt(0).asText();
            switch (c.nameAt(0)) {
                case DATE_TIME:
                    return DateTimeValue.of(Instant.parse(text));
                case REFERENCE:
                    return new ReferenceValue(text);
                case BINARY:
                    return new BinaryValue(text);
                case DECIMAL:
                    return DecimalValue.of(new BigDecimal(text));
                default:
                    throw new IllegalStateException("unknown tag in a stored document: " + c.nameAt(0));
            }
        }
        ComplexValue.Builder b = ComplexValue.builder();
        for (int i = 0; i < c.size(); i++) {
            String name = c.nameAt(i);
            b.putKeepingNull(name.startsWith("@") ? name.substring(1) : name, untag(c.valueAt(i)));
        }
        return b.build();
    }
}
