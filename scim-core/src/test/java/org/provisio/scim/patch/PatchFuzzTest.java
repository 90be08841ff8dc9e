package org.provisio.scim.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * Random and mutated PATCH requests against realistic users and groups: the outcome is a resource
 * that validates again, unchanged, against its schema, or a {@link ScimException}; never another
 * exception. A second property mutates valid request bodies byte by byte and sends them through
 * the JSON codec, {@link PatchRequest#from} and the engine.
 */
class PatchFuzzTest {
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";

    private static final ResourceSchema USER = ResourceSchema.user();
    private static final ResourceSchema GROUP = ResourceSchema.group();
    private static final PatchEngine USER_ENGINE = new PatchEngine(USER);
    private static final PatchEngine GROUP_ENGINE = new PatchEngine(GROUP);
    private static final SchemaValidator USER_VALIDATOR = new SchemaValidator(USER);
    private static final SchemaValidator GROUP_VALIDATOR = new SchemaValidator(GROUP);

    private static final List<ComplexValue> USERS = List.of(
            USER_VALIDATOR.validate(Json.obj("{'schemas':['" + CORE_USER + "','" + ENT + "'],"
                    + "'id':'2819c223','externalId':'bjensen','userName':'bjensen@example.com',"
                    + "'name':{'formatted':'Ms. Barbara J Jensen III','familyName':'Jensen','givenName':'Barbara'},"
                    + "'displayName':'Babs Jensen','title':'Tour Guide','active':true,"
                    + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                    + "{'value':'babs@jensen.org','type':'home'}],"
                    + "'phoneNumbers':[{'value':'555-555-5555','type':'work'},{'value':'555-555-4444','type':'mobile'}],"
                    + "'addresses':[{'type':'work','streetAddress':'100 Universal City Plaza','locality':'Hollywood',"
                    + "'postalCode':'91608','country':'USA','primary':true}],"
                    + "'x509Certificates':[{'value':'TUlJRERqQ0NBdmFnQXdJQkFnSUJBVEFOQmdrcWhraUc5dzBCQVFVRkFE'}],"
                    + "'meta':{'resourceType':'User','created':'2010-01-23T04:56:22Z'},"
                    + "'" + ENT + "':{'employeeNumber':'701984','costCenter':'4130','department':'Tour Operations',"
                    + "'manager':{'value':'26118915-6090-4610-87e4-49d8ca9f808d','displayName':'John Smith'}}}")),
            USER_VALIDATOR.validate(Json.obj("{'schemas':['" + CORE_USER + "'],'userName':'entra.user@contoso.com',"
                    + "'externalId':'0a21f0f2-8d2a-4f8e-bf98-7b2a0e0f2e6e','active':'True',"
                    + "'emails':[{'value':'entra.user@contoso.com','type':'work','primary':true}],"
                    + "'name':{'givenName':'Entra','familyName':'User'}}")),
            USER_VALIDATOR.validate(Json.obj("{'schemas':['" + CORE_USER + "'],'userName':'bare'}")));

    private static final List<ComplexValue> GROUPS = List.of(
            GROUP_VALIDATOR.validate(Json.obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                    + "'displayName':'Tour Guides','externalId':'g-1','members':["
                    + "{'value':'2819c223-7f76-453a-919d-413861904646','display':'Babs Jensen'},"
                    + "{'value':'902c246b-6245-4190-8e05-00816be7344a','type':'User'}]}")),
            GROUP_VALIDATOR.validate(Json.obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
                    + "'displayName':'Empty'}")));

    /** Paths real clients send, paths the RFC allows, and paths that are wrong in instructive ways. */
    private static final List<String> PATHS = List.of(
            "userName", "USERNAME", "displayName", "nickName", "title", "active", "externalId", "password",
            "locale", "timezone", "profileUrl", "preferredLanguage", "userType",
            "name", "name.givenName", "NAME.familyName", "name.formatted", "name.unknown",
            "emails", "emails.value", "emails.primary", "emails.type", "emails.display",
            "emails[type eq \"work\"]", "emails[type eq \"work\"].value", "emails[TYPE EQ \"work\"].Value",
            "emails[type eq \"work\" and value co \"@example.com\"]",
            "emails[type eq \"work\" and value co \"@example.com\"].primary",
            "emails[type eq \"home\" or primary eq true].display",
            "emails[not (type eq \"work\")]", "emails[value ew \".org\"].type", "emails[primary eq true]",
            "emails[value pr]", "emails[type eq null]", "emails[type gt 5]", "emails[type eq 1e999999999]",
            "emails[primary eq \"True\"].value", "emails[meta.created gt \"2011-05-13T04:42:34Z\"]",
            "emails[type eq \"work\"].unknown", "emails[type eq \"work\"].primary",
            "phoneNumbers[type eq \"mobile\"].value", "phoneNumbers[type eq \"fax\"]",
            "addresses[type eq \"work\"].streetAddress", "addresses[type eq \"work\" and primary eq true].locality",
            "addresses", "addresses.postalCode", "ims[type eq \"aim\"].value", "photos[type eq \"photo\"].value",
            "x509Certificates[type eq \"x\"].value", "x509Certificates.value", "entitlements", "roles",
            "roles[value eq \"admin\"]", "groups", "groups.value", "groups[value eq \"x\"].display",
            "id", "meta", "meta.created", "meta.lastModified", "schemas",
            CORE_USER + ":userName", CORE_USER + ":name.givenName", CORE_USER + ":emails[type eq \"work\"].value",
            ENT, ENT + ":manager", ENT + ":manager.value", ENT + ":manager.displayName", ENT + ":employeeNumber",
            ENT + ":costCenter", ENT + ":unknown", ENT + ":manager[value eq \"x\"]", "employeeNumber",
            "manager", "manager.value", "urn:foo:bar", "urn:foo:bar:baz", "urn:", "urn:ietf:params:scim:schemas",
            "members", "members.value", "members.display", "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
            "members[value eq \"nope\"]", "members[value eq \"nope\"].display", "members[type eq \"User\"].value",
            "members[not (value pr)]", "members[value sw \"9\" or value ew \"6\"].type",
            "", " ", "emails[", "emails[]", "emails[type eq]", "emails[type eq \"work\"", "emails]",
            "emails[type eq \"work\"]].value", "emails[type eq \"work\"].value.x", "emails[type eq \"work\"][x]",
            "emails[emails[type eq \"a\"]]", "a.b.c", ".", "..", "name.", ".name", "$ref", "emails.$ref",
            "x[y eq \"z\"]", "loginCount", "emails[type eq \"w\\\"o\"]", "emails[value eq \"\\u00e9\"]",
            "\u0000", "name\u0000.givenName", "emails[type eq \"work\"] ", "emails [type eq \"work\"]");

    private static final List<String> KEYS = List.of(
            "userName", "displayName", "active", "name", "name.givenName", "name.familyName", "emails",
            "emails[type eq \"work\"].value", "phoneNumbers", "title", "nickName", "password", "externalId",
            "id", "meta", "schemas", "groups", "members", "value", "type", "primary", "display", "$ref",
            "givenName", "familyName", "formatted", "employeeNumber", "manager",
            ENT, ENT + ":manager", ENT + ":employeeNumber", ENT + ":manager.value", CORE_USER + ":userName",
            "urn:foo:bar", "urn:foo:bar:baz", "", "a.b.c", "x", "emails.value", "name.", "NAME.GIVENNAME");

    private static final List<String> OPS = List.of(
            "add", "Add", "ADD", "aDd", "replace", "Replace", "REPLACE", "rEpLaCe", "remove", "Remove", "REMOVE");
    private static final List<String> BAD_OPS = List.of("delete", "", "move", "copy", "test", " add", "add ");

    // ---- generators --------------------------------------------------------------------------

    private static Arbitrary<String> mutated(List<String> pool) {
        Arbitrary<String> seed = Arbitraries.of(pool);
        Arbitrary<Character> ch = Arbitraries.of('[', ']', '.', ':', '"', '\\', ' ', '(', ')', 'a', 'e', 'q', '1',
                '\u00e9', '\u0001', '\ud83d');
        return Combinators.combine(seed, Arbitraries.integers().between(0, 500), ch,
                        Arbitraries.integers().between(0, 3))
                .as((s, at, c, kind) -> {
                    int i = s.isEmpty() ? 0 : at % (s.length() + 1);
                    switch (kind) {
                        case 0:
                            return s.substring(0, i) + c + s.substring(i);
                        case 1:
                            return i < s.length() ? s.substring(0, i) + s.substring(i + 1) : s;
                        case 2:
                            return i < s.length() ? s.substring(0, i) + c + s.substring(i + 1) : s + c;
                        default:
                            return s.substring(0, i);
                    }
                });
    }

    private static Arbitrary<String> paths() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(PATHS)),
                Tuple.of(2, mutated(PATHS)),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(20).excludeChars('\u0000')));
    }

    private static Arbitrary<String> keys() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(KEYS)),
                Tuple.of(2, Arbitraries.of(PATHS)),
                Tuple.of(1, mutated(KEYS)));
    }

    private static Arbitrary<Value> scalars() {
        return Arbitraries.oneOf(
                Arbitraries.just(NullValue.INSTANCE),
                Arbitraries.of(BooleanValue.TRUE, BooleanValue.FALSE),
                Arbitraries.of("True", "False", "true", " FALSE ", "yes", "", "work", "home", "bjensen@example.com",
                        "2011-05-13T04:42:34Z", "2011-05-13T04:42:34", "TUlJRERq", "not base64!", "42", "4.2",
                        "1e999999999", "-0", "26118915-6090-4610-87e4-49d8ca9f808d", "2819c223-7f76-453a-919d-413861904646",
                        "https://example.com/v2/Users/1", "\u0000", "\ud83d\ude00").map(StringValue::of),
                Arbitraries.strings().ofMaxLength(12).excludeChars('\u0000').map(StringValue::of),
                Arbitraries.longs().map(IntegerValue::of),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, 1L, -1L).map(IntegerValue::of),
                Arbitraries.of("0.0", "1.5", "-2.25", "1e400", "1E-400", "1e999999999", "-1e-999999999",
                                "123456789012345678901234567890", "0.000000000000000000001")
                        .map(s -> DecimalValue.of(new BigDecimal(s))));
    }

    private static Arbitrary<Value> values(int depth) {
        if (depth <= 0) {
            return scalars();
        }
        Arbitrary<Value> inner = Arbitraries.lazy(() -> values(depth - 1));
        Arbitrary<Value> object = Combinators.combine(
                        keys().list().ofMaxSize(5), inner.list().ofMaxSize(5))
                .as(PatchFuzzTest::object);
        Arbitrary<Value> array = inner.list().ofMaxSize(4).map(l -> (Value) new MultiValue(l));
        return Arbitraries.frequencyOf(Tuple.of(4, scalars()), Tuple.of(3, object), Tuple.of(2, array));
    }

    private static Value object(List<String> names, List<Value> values) {
        ComplexValue.Builder b = ComplexValue.builder();
        for (int i = 0; i < Math.min(names.size(), values.size()); i++) {
            b.putKeepingNull(names.get(i), values.get(i));
        }
        return b.build();
    }

    private static Arbitrary<Value> operation() {
        Arbitrary<String> op = Arbitraries.frequencyOf(
                Tuple.of(40, Arbitraries.of(OPS)), Tuple.of(1, Arbitraries.of(BAD_OPS)), Tuple.of(1, mutated(OPS)));
        // path: absent, JSON null, a string, or a non-string
        Arbitrary<Value> path = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just((Value) null)),
                Tuple.of(1, Arbitraries.just((Value) NullValue.INSTANCE)),
                Tuple.of(12, paths().map(s -> (Value) StringValue.of(s))),
                Tuple.of(1, scalars()));
        Arbitrary<Value> value = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just((Value) null)),
                Tuple.of(8, values(3)));
        return Combinators.combine(op, path, value).as((o, p, v) -> {
            ComplexValue.Builder b = ComplexValue.builder().put("op", o);
            if (p != null) {
                b.putKeepingNull("path", p);
            }
            if (v != null) {
                b.putKeepingNull("value", v);
            }
            return (Value) b.build();
        });
    }

    @Provide
    Arbitrary<ComplexValue> requests() {
        Arbitrary<Value> schemas = Arbitraries.frequencyOf(
                Tuple.of(30, Arbitraries.just((Value) MultiValue.of(StringValue.of(PatchRequest.SCHEMA)))),
                Tuple.of(8, Arbitraries.just((Value) null)),
                Tuple.of(1, Arbitraries.just((Value) MultiValue.of(StringValue.of("urn:wrong")))));
        Arbitrary<List<Value>> operations = Arbitraries.frequencyOf(
                Tuple.of(20, operation().list().ofSize(1)),
                Tuple.of(10, operation().list().ofMinSize(2).ofMaxSize(4)),
                Tuple.of(1, Arbitraries.just(List.<Value>of())));
        return Combinators.combine(schemas, operations)
                .as((s, ops) -> {
                    ComplexValue.Builder b = ComplexValue.builder();
                    if (s != null) {
                        b.put("schemas", s);
                    }
                    return b.put("Operations", new MultiValue(ops)).build();
                });
    }

    // ---- properties --------------------------------------------------------------------------

    // The pools above already hold the edge cases that matter; jqwik's own would drown the valid requests.
    @Property(tries = 4000, edgeCases = EdgeCasesMode.NONE)
    void randomRequestsOnUsersGiveAValidResourceOrAScimError(@ForAll("requests") ComplexValue request,
                                                            @ForAll("userIndex") int user) {
        Statistics.label("outcome").collect(check(USER_ENGINE, USER_VALIDATOR, USERS.get(user), request));
    }

    @Property(tries = 2000, edgeCases = EdgeCasesMode.NONE)
    void randomRequestsOnGroupsGiveAValidResourceOrAScimError(@ForAll("requests") ComplexValue request,
                                                             @ForAll("groupIndex") int group) {
        Statistics.label("outcome").collect(check(GROUP_ENGINE, GROUP_VALIDATOR, GROUPS.get(group), request));
    }

    @Provide
    Arbitrary<Integer> userIndex() {
        return Arbitraries.integers().between(0, USERS.size() - 1);
    }

    @Provide
    Arbitrary<Integer> groupIndex() {
        return Arbitraries.integers().between(0, GROUPS.size() - 1);
    }

    /** The generated request also goes through the JSON codec, as it would arrive over HTTP. */
    private static String check(PatchEngine engine, SchemaValidator validator, ComplexValue resource,
                                ComplexValue request) {
        String outcome = applyChecked(engine, validator, resource, request);
        ComplexValue decoded;
        try {
            decoded = ScimJson.readObject(ScimJson.write(request));
        } catch (ScimException e) {
            // A lone surrogate in a generated name is written as an escape the reader, rightly, refuses
            // (invalidSyntax); a generated U+0000 is refused by the reader as invalidValue.
            assertThat(e.type()).isIn(ScimErrorType.INVALID_SYNTAX, ScimErrorType.INVALID_VALUE);
            return outcome;
        }
        assertThat(applyChecked(engine, validator, resource, decoded)).isEqualTo(outcome);
        return outcome;
    }

    /** Applies the request; the outcome is {@code "patched"} or the error's {@code scimType}. */
    private static String applyChecked(PatchEngine engine, SchemaValidator validator, ComplexValue resource,
                                       ComplexValue request) {
        ComplexValue result;
        try {
            result = engine.apply(resource, PatchRequest.from(request));
        } catch (ScimException expected) {
            return expected.type().scimType().orElseThrow();
        }
        assertThat(validator.validate(result)).isEqualTo(result);
        String json = ScimJson.writeString(result);
        // a request built in memory can carry U+0000, which the JSON reader refuses by design
        if (!json.contains("\\u0000")) {
            // what was written reads back as the same resource
            assertThat(validator.validate(ScimJson.readObject(json))).isEqualTo(result);
        }
        return "patched";
    }

    // ---- byte-level mutation of valid bodies -------------------------------------------------

    private static final List<String> BODIES = List.of(
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                    + "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"new@contoso.com\"},"
                    + "{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Barbara\"},"
                    + "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                    + "{\"op\":\"replace\",\"value\":{\"displayName\":\"Babs\",\"name.familyName\":\"Jensen\","
                    + "\"" + ENT + ":employeeNumber\":\"42\",\"" + ENT + ":manager\":\"26118915\","
                    + "\"" + ENT + "\":{\"department\":\"Sales\"},\"active\":true,\"nickName\":null}}]}",
            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                    + "{\"op\":\"Add\",\"path\":\"members\",\"value\":[{\"value\":\"6c5bb468-14b2-4183-baf2-06d523e03bd3\"}]},"
                    + "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"902c246b-6245-4190-8e05-00816be7344a\"}]},"
                    + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"2819c223-7f76-453a-919d-413861904646\\\"]\"}]}",
            "{\"Operations\":[{\"op\":\"add\",\"path\":\"phoneNumbers[type eq \\\"mobile\\\"].value\",\"value\":\"+1 555\"},"
                    + "{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"x@y.org\",\"primary\":true}]},"
                    + "{\"op\":\"replace\",\"path\":\"" + ENT + ":manager\",\"value\":{\"value\":\"m-1\"}},"
                    + "{\"op\":\"remove\",\"path\":\"addresses[type eq \\\"work\\\"].locality\"},"
                    + "{\"op\":\"replace\",\"path\":\"x509Certificates[type eq \\\"x\\\"].value\",\"value\":\"TUlJ\"},"
                    + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":12.5e3}]}");

    private static final byte[] INTERESTING = "{}[]\",:\\0123456789.eE+-ntfu \u00e9".getBytes(StandardCharsets.UTF_8);

    @Provide
    Arbitrary<byte[]> mutatedBodies() {
        Arbitrary<byte[]> seed = Arbitraries.of(BODIES).map(s -> s.getBytes(StandardCharsets.UTF_8));
        Arbitrary<List<Tuple.Tuple3<Integer, Integer, Integer>>> edits = Combinators.combine(
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.integers().between(0, 100_000),
                        Arbitraries.integers().between(0, 255))
                .as(Tuple::of).list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(seed, edits).as(PatchFuzzTest::mutate);
    }

    private static byte[] mutate(byte[] seed, List<Tuple.Tuple3<Integer, Integer, Integer>> edits) {
        byte[] b = seed;
        for (Tuple.Tuple3<Integer, Integer, Integer> e : edits) {
            int at = b.length == 0 ? 0 : e.get2() % b.length;
            int r = e.get3();
            byte any = (byte) r;
            byte nice = INTERESTING[r % INTERESTING.length];
            switch (e.get1()) {
                case 0: // replace with any byte, invalid UTF-8 included
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] = any;
                    }
                    break;
                case 1: // replace with a JSON-significant byte
                    if (b.length > 0) {
                        b = b.clone();
                        b[at] = nice;
                    }
                    break;
                case 2: // insert
                    b = insert(b, at, new byte[] {nice});
                    break;
                case 3: // delete a run
                    b = concat(Arrays.copyOfRange(b, 0, at), Arrays.copyOfRange(b, Math.min(b.length, at + 1 + r % 8),
                            b.length));
                    break;
                case 4: // duplicate a run
                    b = insert(b, at, Arrays.copyOfRange(b, at, Math.min(b.length, at + 1 + r % 40)));
                    break;
                default: // truncate
                    b = Arrays.copyOf(b, at);
                    break;
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] piece) {
        return concat(concat(Arrays.copyOfRange(b, 0, at), piece), Arrays.copyOfRange(b, at, b.length));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Property(tries = 5000)
    void mutatedBodiesGiveAValidResourceOrAScimError(@ForAll("mutatedBodies") byte[] body) {
        ComplexValue request;
        try {
            request = ScimJson.readObject(body);
        } catch (ScimException expected) {
            Statistics.label("outcome").collect("json " + expected.type().scimType().orElseThrow());
            return;
        }
        for (ComplexValue user : USERS) {
            Statistics.label("outcome").collect(applyChecked(USER_ENGINE, USER_VALIDATOR, user, request));
        }
        for (ComplexValue group : GROUPS) {
            Statistics.label("outcome").collect(applyChecked(GROUP_ENGINE, GROUP_VALIDATOR, group, request));
        }
    }

    /** Found by the fuzzer: a 12-byte number once became a billion-character userName (toPlainString). */
    @Test
    @Timeout(5)
    void hugeExponentIsNotWrittenOutInFull() {
        ComplexValue result = USER_ENGINE.apply(USERS.get(2), PatchRequest.from(ScimJson.readObject(
                "{\"Operations\":[{\"op\":\"replace\",\"path\":\"userName\",\"value\":1e999999999},"
                        + "{\"op\":\"replace\",\"path\":\"nickName\",\"value\":-1e-999999999},"
                        + "{\"op\":\"replace\",\"path\":\"displayName\",\"value\":12.5e3}]}")));
        assertThat(result.getText("userName")).hasValue("1E+999999999");
        assertThat(result.getText("nickName")).hasValue("-1E-999999999");
        assertThat(result.getText("displayName")).hasValue("12500");
    }

    /** Found by the fuzzer: [null] for a single-valued string was a NullPointerException. */
    @Test
    void nullInsideAnArrayForASingleValuedAttributeIsInvalidValue() {
        for (String path : List.of("userName", "nickName", "active", "name.givenName", ENT + ":employeeNumber")) {
            ComplexValue request = ScimJson.readObject(
                    "{\"Operations\":[{\"op\":\"replace\",\"path\":\"" + path + "\",\"value\":[null]}]}");
            assertThatThrownBy(() -> USER_ENGINE.apply(USERS.get(0), PatchRequest.from(request)))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
        }
        assertThatThrownBy(() -> USER_VALIDATOR.validate(Json.obj("{'schemas':['" + CORE_USER + "'],'userName':[null]}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
    }

    /** The seeds themselves are realistic requests that succeed, so mutations start from a working body. */
    @Test
    void seedBodiesApply() {
        for (int i : List.of(0, 1, 3)) {
            ComplexValue result = USER_ENGINE.apply(USERS.get(0), PatchRequest.from(ScimJson.readObject(BODIES.get(i))));
            assertThat(USER_VALIDATOR.validate(result)).isEqualTo(result);
        }
        ComplexValue group = GROUP_ENGINE.apply(GROUPS.get(0), PatchRequest.from(ScimJson.readObject(BODIES.get(2))));
        assertThat(group.getMulti("members").values()).extracting(v -> ((ComplexValue) v).getText("value").orElseThrow())
                .containsExactly("6c5bb468-14b2-4183-baf2-06d523e03bd3");
    }
}
