package org.provisio.scim.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.Json;
import org.provisio.scim.bulk.BulkRequest;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterConformance;
import org.provisio.scim.patch.PatchEngine;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.query.SearchRequest;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.AttributeType;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * Every {@link Tolerance} as a table: one request that departs from the RFC in exactly that way. Lenient, the
 * request is accepted and that tolerance, and no other, is reported; strict, it is refused with the
 * tolerance's {@code scimType}. RFC-conformant requests report nothing.
 */
class ConformanceTest {
    private static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    private static final String SEARCH = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String U = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";
    private static final String BJENSEN = "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara'},"
            + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true}],'active':true}";
    private static final String GROUP = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],"
            + "'displayName':'Tour Guides','members':[{'value':'2819c223'},{'value':'902c246b'}]}";

    private static final SchemaValidator USERS = new SchemaValidator(ResourceSchema.user());
    private static final SchemaValidator GROUPS = new SchemaValidator(ResourceSchema.group());

    /** Records the tolerances it is asked about and accepts them. */
    private static final class Recorder implements Conformance {
        final Set<Tolerance> seen = EnumSet.noneOf(Tolerance.class);
        final List<String> where = new ArrayList<>();

        @Override
        public void tolerate(Tolerance tolerance, String at) {
            seen.add(tolerance);
            where.add(at);
        }
    }

    private static Consumer<Conformance> user(String json) {
        return c -> USERS.validate(Json.obj(json), c);
    }

    private static Consumer<Conformance> patchUser(String operations) {
        return c -> new PatchEngine(ResourceSchema.user()).apply(USERS.validate(Json.obj(BJENSEN)),
                PatchRequest.from(Json.obj("{'schemas':['" + PATCH_OP + "'],'Operations':" + operations + "}"), c), c);
    }

    private static Consumer<Conformance> patchGroup(String operations) {
        return c -> new PatchEngine(ResourceSchema.group()).apply(GROUPS.validate(Json.obj(GROUP)),
                PatchRequest.from(Json.obj("{'schemas':['" + PATCH_OP + "'],'Operations':" + operations + "}"), c), c);
    }

    private static Consumer<Conformance> filter(String text) {
        return c -> FilterConformance.check(Filter.parse(text, c), ResourceSchema.user(), c);
    }

    static Stream<Arguments> tolerances() {
        Map<Tolerance, Consumer<Conformance>> cases = new java.util.LinkedHashMap<>();
        cases.put(Tolerance.OP_CASE, patchUser("[{'op':'Replace','path':'nickName','value':'Babs'}]"));
        cases.put(Tolerance.BOOLEAN_AS_STRING, patchUser("[{'op':'replace','path':'active','value':'False'}]"));
        cases.put(Tolerance.NUMBER_FOR_STRING, user("{" + U + ",'userName':'bjensen','nickName':7}"));
        cases.put(Tolerance.STRING_FOR_NUMBER, c -> SearchRequest.fromBody(
                Json.obj("{'schemas':['" + SEARCH + "'],'count':'10'}"), 100, 1000, c));
        cases.put(Tolerance.DECIMAL_FOR_INTEGER, c -> SchemaValidator.coerceSimple(
                AttributeDefinition.builder("loginCount", AttributeType.INTEGER).build(),
                DecimalValue.of(new java.math.BigDecimal("5.0")), "loginCount", c));
        cases.put(Tolerance.VALUE_FOR_COMPLEX, user("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENT
                + "'],'userName':'bjensen','" + ENT + "':{'manager':'26118915'}}"));
        cases.put(Tolerance.ARRAY_FOR_SINGULAR, user("{" + U + ",'userName':'bjensen','nickName':['Babs']}"));
        cases.put(Tolerance.SINGULAR_FOR_ARRAY, user("{" + U + ",'userName':'bjensen','emails':{'value':'b@example.com'}}"));
        cases.put(Tolerance.UNKNOWN_ATTRIBUTE, user("{" + U + ",'userName':'bjensen','favouriteColour':'blue'}"));
        cases.put(Tolerance.UNKNOWN_SCHEMA, c -> GROUPS.validate(Json.obj("{'schemas':["
                + "'urn:ietf:params:scim:schemas:core:2.0:Group',"
                + "'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],'displayName':'Sales'}"), c));
        cases.put(Tolerance.EXTENSION_NOT_IN_SCHEMAS, user("{" + U + ",'userName':'bjensen','" + ENT
                + "':{'employeeNumber':'7'}}"));
        cases.put(Tolerance.MESSAGE_SCHEMA_MISSING, c -> PatchRequest.from(Json.obj(
                "{'Operations':[{'op':'add','path':'nickName','value':'Babs'}]}"), c));
        cases.put(Tolerance.BLANK_PATH, patchUser("[{'op':'replace','path':'','value':{'nickName':'Babs'}}]"));
        cases.put(Tolerance.PATHLESS_VALUE_ARRAY, patchUser("[{'op':'replace','value':[{'nickName':'Babs'}]}]"));
        cases.put(Tolerance.PATH_KEY_IN_VALUE, patchUser("[{'op':'replace','value':{'name.familyName':'Jensen'}}]"));
        cases.put(Tolerance.READ_ONLY_IN_PATCH, patchGroup(
                "[{'op':'replace','value':{'id':'abf4dd94','displayName':'Renamed'}}]"));
        cases.put(Tolerance.UNQUALIFIED_EXTENSION, patchUser("[{'op':'add','path':'employeeNumber','value':'7'}]"));
        cases.put(Tolerance.FILTERED_REPLACE_CREATES, patchUser(
                "[{'op':'replace','path':'emails[type eq \\\"home\\\"].value','value':'babs@jensen.org'}]"));
        cases.put(Tolerance.REMOVE_WITH_VALUE, patchGroup("[{'op':'remove','path':'members','value':[{'value':'2819c223'}]}]"));
        cases.put(Tolerance.FILTER_VALUE_PATH_SUB_ATTRIBUTE, filter("emails[type eq \"work\"].value eq \"b@example.com\""));
        cases.put(Tolerance.FILTER_UNKNOWN_ATTRIBUTE, filter("favouriteColour eq \"blue\""));
        cases.put(Tolerance.FILTER_BOOLEAN_AS_STRING, filter("active eq \"true\""));
        cases.put(Tolerance.FILTER_UNQUALIFIED_EXTENSION, filter("employeeNumber eq \"7\""));
        cases.put(Tolerance.SORT_ORDER_CASE, c -> SearchRequest.fromParameters(
                Map.of("sortBy", "userName", "sortOrder", "Descending")::get, 100, 1000, c));
        cases.put(Tolerance.BULK_METHOD_CASE, c -> BulkRequest.parse(Json.obj("{'schemas':["
                + "'urn:ietf:params:scim:api:messages:2.0:BulkRequest'],'Operations':[{'method':'post','path':'/Users',"
                + "'bulkId':'q','data':{'userName':'a'}}]}"), 10, Set.of("Users", "Groups"), c));
        return cases.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerances")
    void lenientAcceptsAndReportsExactlyThatTolerance(Tolerance tolerance, Consumer<Conformance> request) {
        Recorder recorder = new Recorder();
        request.accept(recorder);
        assertThat(recorder.seen).containsExactly(tolerance);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tolerances")
    void strictRefusesWithTheRfcErrorNamingTheRule(Tolerance tolerance, Consumer<Conformance> request) {
        assertThatThrownBy(() -> request.accept(Conformance.STRICT))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(tolerance.error());
                    assertThat(e.detail()).contains("RFC 764").contains("§");
                });
    }

    @Test
    void everyToleranceHasACase() {
        assertThat(tolerances().map(a -> (Tolerance) a.get()[0])).containsExactlyInAnyOrder(Tolerance.values());
    }

    static Stream<Arguments> conformant() {
        return Stream.of(
                Arguments.of("RFC 7643 §8.2 minimal user", user("{" + U + ",'userName':'bjensen@example.com'}")),
                Arguments.of("user with enterprise extension", user("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',"
                        + "'" + ENT + "'],'userName':'bjensen','active':false,'" + ENT + "':{'employeeNumber':'7',"
                        + "'manager':{'value':'26118915'}},'meta':{'resourceType':'User'},'roles':[],'nickName':null}")),
                Arguments.of("RFC 7644 §3.5.2.1 add member", patchGroup(
                        "[{'op':'add','path':'members','value':[{'display':'Babs','value':'2819c299'}]}]")),
                Arguments.of("RFC 7644 §3.5.2.2 remove by filter", patchGroup(
                        "[{'op':'remove','path':'members[value eq \\\"2819c223\\\"]'}]")),
                Arguments.of("RFC 7644 §3.5.2.3 replace matching filter", patchUser(
                        "[{'op':'replace','path':'emails[type eq \\\"work\\\"].value','value':'b@example.org'}]")),
                Arguments.of("path-less replace of attributes", patchUser(
                        "[{'op':'replace','value':{'active':false,'name':{'familyName':'J'},'" + ENT
                                + "':{'employeeNumber':'7'}}}]")),
                Arguments.of("add on a value filter that matches nothing", patchUser(
                        "[{'op':'add','path':'emails[type eq \\\"home\\\"].value','value':'b@example.org'}]")),
                Arguments.of("RFC filters", filter("userName eq \"bjensen\" and emails[type eq \"work\" and value co"
                        + " \"@example.com\"] and active eq true and " + ENT + ":employeeNumber pr")),
                Arguments.of("search body", (Consumer<Conformance>) c -> SearchRequest.fromBody(Json.obj("{'schemas':['" + SEARCH + "'],"
                        + "'attributes':['userName'],'startIndex':1,'count':10,'sortOrder':'descending'}"), 100, 1000, c)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conformant")
    void conformantRequestsReportNothing(String name, Consumer<Conformance> request) {
        Recorder recorder = new Recorder();
        request.accept(recorder);
        assertThat(recorder.seen).isEmpty();
        request.accept(Conformance.STRICT);
    }

    @Test
    void entraPatchReportsEachOfItsDeviationsOnce() {
        Recorder recorder = new Recorder();
        patchUser("[{'op':'Replace','path':'active','value':'False'},"
                + "{'op':'replace','value':{'name.givenName':'Kim','" + ENT + ":employeeNumber':'7'}},"
                + "{'op':'Add','path':'" + ENT + ":manager','value':'26118915'}]").accept(recorder);
        assertThat(recorder.seen).containsExactlyInAnyOrder(Tolerance.OP_CASE, Tolerance.BOOLEAN_AS_STRING,
                Tolerance.PATH_KEY_IN_VALUE, Tolerance.VALUE_FOR_COMPLEX);
    }

    @Test
    void whereNamesTheAttributeAsTheSchemaSpellsItNeverAValue() {
        Recorder recorder = new Recorder();
        patchUser("[{'op':'replace','path':'ACTIVE','value':'False'}]").accept(recorder);
        assertThat(recorder.where).containsExactly("active");
        Recorder unknown = new Recorder();
        user("{" + U + ",'userName':'bjensen','jane.doe@example.com':'x'}").accept(unknown);
        assertThat(unknown.where).containsOnlyNulls();
    }

    @Test
    void everyKindHasAStableKeyAndADescriptionWithItsRule() {
        assertThat(DeviationKind.all()).extracting(DeviationKind::key).doesNotHaveDuplicates();
        for (DeviationKind k : DeviationKind.all()) {
            assertThat(DeviationKind.byKey(k.key())).isEqualTo(k);
            assertThat(k.rule()).contains("RFC");
        }
        assertThat(DeviationKind.byKey("invalidFilter").tolerance()).isFalse();
        assertThat(DeviationKind.byKey("boolean-as-string").tolerance()).isTrue();
        assertThat(DeviationKind.refusalKey(org.provisio.scim.error.ScimErrorType.UNAUTHORIZED)).isEqualTo("unauthorized");
    }
}
