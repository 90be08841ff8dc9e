package org.provisio.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;

/** Reading a Bulk request (RFC 7644 §3.7): valid requests to operations, invalid ones to their scimType. */
class BulkRequestTest {
    static final Set<String> ENDPOINTS = Set.of("Users", "Groups");
    static final String SCHEMAS = "'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest']";

    static BulkRequest parse(String singleQuoted) {
        return BulkRequest.parse(Json.obj(singleQuoted), 1_000, ENDPOINTS);
    }

    static String ops(String... operations) {
        return "{" + SCHEMAS + ",'Operations':[" + String.join(",", operations) + "]}";
    }

    /**
     * RFC 7644 §3.7.3's "add, update, and remove a user" request. The RFC's PATCH data, {@code {[...]}},
     * is not JSON; it is written here as the PATCH message it stands for.
     */
    @Test
    void rfc7644_3_7_3_exampleRequestIsReadInOrder() {
        BulkRequest bulk = parse("{" + SCHEMAS + ",'failOnErrors':1,'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'qwerty',"
                + " 'data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:User'],'userName':'Alice'}},"
                + "{'method':'PUT','path':'/Users/b7c14771-226c-4d05-8860-134711653041',"
                + " 'version':'W/\\\"3694e05e9dff591\\\"','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],"
                + "  'id':'b7c14771-226c-4d05-8860-134711653041','userName':'Bob'}},"
                + "{'method':'PATCH','path':'/Users/5d8d29d3-342c-4b5f-8683-a3cb6763ffcc','version':'W/\\\"edac3253e2c0ef2\\\"',"
                + " 'data':{'Operations':[{'op':'remove','path':'nickName'},{'op':'add','path':'userName','value':'Dave'}]}},"
                + "{'method':'DELETE','path':'/Users/e9025315-6bea-44e1-899c-1e07454e468b','version':'W/\\\"0ee8add0a938e1a\\\"'}"
                + "]}");

        assertThat(bulk.failOnErrors()).hasValue(1);
        assertThat(bulk.operations()).extracting(BulkOperation::method)
                .containsExactly(BulkMethod.POST, BulkMethod.PUT, BulkMethod.PATCH, BulkMethod.DELETE);
        assertThat(bulk.operations()).extracting(BulkOperation::index).containsExactly(0, 1, 2, 3);
        BulkOperation post = bulk.operations().get(0);
        assertThat(post.bulkId()).hasValue("qwerty");
        assertThat(post.path()).isEqualTo(new BulkPath("Users", Optional.empty()));
        assertThat(post.data().orElseThrow().getText("userName")).hasValue("Alice");
        assertThat(bulk.operations().get(1).version()).hasValue("W/\"3694e05e9dff591\"");
        assertThat(bulk.operations().get(1).path().id()).hasValue("b7c14771-226c-4d05-8860-134711653041");
        assertThat(bulk.operations().get(3).data()).isEmpty();
        assertThat(bulk.operations().get(3).bulkId()).isEmpty();
    }

    @Test
    void methodIsReadInAnyCaseAndFailOnErrorsIsOptional() {
        BulkRequest bulk = parse(ops("{'method':'post','path':'/Groups','bulkId':'g','data':{'displayName':'x'}}",
                "{'method':'Delete','path':'/Groups/1','data':null,'version':null}"));

        assertThat(bulk.failOnErrors()).isEmpty();
        assertThat(bulk.operations()).extracting(BulkOperation::method).containsExactly(BulkMethod.POST, BulkMethod.DELETE);
        assertThat(bulk.stopsAfter(1_000)).isFalse();
        assertThat(parse(ops()).operations()).isEmpty();
    }

    @Test
    void failOnErrorsStopsAfterThatManyErrorsAndZeroMeansNoLimit() {
        BulkRequest two = parse("{" + SCHEMAS + ",'failOnErrors':2,'Operations':[]}");
        assertThat(two.stopsAfter(1)).isFalse();
        assertThat(two.stopsAfter(2)).isTrue();
        assertThat(parse("{" + SCHEMAS + ",'failOnErrors':0,'Operations':[]}").stopsAfter(1_000)).isFalse();
    }

    static Stream<Arguments> invalid() {
        String post = "'method':'POST','path':'/Users','bulkId':'a','data':{'userName':'a'}";
        return Stream.of(
                Arguments.of("no schemas", "{'Operations':[]}", ScimErrorType.INVALID_SYNTAX),
                Arguments.of("another schema", "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],"
                        + "'Operations':[]}", ScimErrorType.INVALID_SYNTAX),
                Arguments.of("no Operations", "{" + SCHEMAS + "}", ScimErrorType.INVALID_SYNTAX),
                Arguments.of("Operations an object", "{" + SCHEMAS + ",'Operations':{}}", ScimErrorType.INVALID_SYNTAX),
                Arguments.of("operation not an object", ops("'x'"), ScimErrorType.INVALID_SYNTAX),
                Arguments.of("no method", ops("{'path':'/Users/1'}"), ScimErrorType.INVALID_SYNTAX),
                Arguments.of("method a number", ops("{'method':7,'path':'/Users/1'}"), ScimErrorType.INVALID_SYNTAX),
                Arguments.of("method GET", ops("{'method':'GET','path':'/Users/1'}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("no path", ops("{'method':'DELETE'}"), ScimErrorType.INVALID_SYNTAX),
                Arguments.of("path an object", ops("{'method':'DELETE','path':{}}"), ScimErrorType.INVALID_SYNTAX),
                Arguments.of("unknown endpoint", ops("{'method':'DELETE','path':'/Things/1'}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("endpoint in another case", ops("{'method':'DELETE','path':'/users/1'}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("no leading slash", ops("{'method':'DELETE','path':'Users/1'}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("empty id", ops("{'method':'DELETE','path':'/Users/'}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("sub-path", ops("{'method':'DELETE','path':'/Users/1/x'}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("query string as a path", ops("{'method':'DELETE','path':'/Users?filter=x'}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("absolute URL", ops("{'method':'DELETE','path':'https://example.com/v2/Users/1'}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("POST to a resource", ops("{'method':'POST','path':'/Users/1','bulkId':'a','data':{}}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("PUT to an endpoint", ops("{'method':'PUT','path':'/Users','data':{}}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("DELETE of an endpoint", ops("{'method':'DELETE','path':'/Groups'}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("POST without bulkId", ops("{'method':'POST','path':'/Users','data':{}}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("POST with an empty bulkId", ops("{'method':'POST','path':'/Users','bulkId':' ','data':{}}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("bulkId a number", ops("{'method':'POST','path':'/Users','bulkId':1,'data':{}}"),
                        ScimErrorType.INVALID_SYNTAX),
                Arguments.of("POST without data", ops("{'method':'POST','path':'/Users','bulkId':'a'}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("PUT without data", ops("{'method':'PUT','path':'/Users/1'}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("PATCH with null data", ops("{'method':'PATCH','path':'/Users/1','data':null}"),
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("data not an object", ops("{'method':'PATCH','path':'/Users/1','data':[]}"),
                        ScimErrorType.INVALID_SYNTAX),
                Arguments.of("version not a string", ops("{'method':'DELETE','path':'/Users/1','version':3}"),
                        ScimErrorType.INVALID_SYNTAX),
                Arguments.of("the same bulkId twice (§3.7: unique within a request)", ops("{" + post + "}",
                        "{'method':'POST','path':'/Groups','bulkId':'a','data':{}}"), ScimErrorType.INVALID_VALUE),
                Arguments.of("negative failOnErrors", "{" + SCHEMAS + ",'failOnErrors':-1,'Operations':[]}",
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("failOnErrors a string", "{" + SCHEMAS + ",'failOnErrors':'1','Operations':[]}",
                        ScimErrorType.INVALID_VALUE),
                Arguments.of("failOnErrors a fraction", "{" + SCHEMAS + ",'failOnErrors':1.5,'Operations':[]}",
                        ScimErrorType.INVALID_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalidRequestsAreRefusedWhole(String name, String json, ScimErrorType expected) {
        ScimException e = catchThrowableOfType(ScimException.class, () -> parse(json));
        assertThat(e).as(name).isNotNull();
        assertThat(e.type()).as(name + ": " + e.detail()).isEqualTo(expected);
    }

    @Test
    void rfc7644_3_7_4_moreOperationsThanMaxOperationsIs413TooManyNamingTheLimit() {
        String three = ops("{'method':'DELETE','path':'/Users/1'}", "{'method':'DELETE','path':'/Users/2'}",
                "{'method':'DELETE','path':'/Users/3'}");

        ScimException e = catchThrowableOfType(ScimException.class,
                () -> BulkRequest.parse(Json.obj(three), 2, ENDPOINTS));
        assertThat(e.type()).isEqualTo(ScimErrorType.TOO_MANY_OPERATIONS);
        assertThat(e.type().status()).isEqualTo(413);
        assertThat(e.type().scimType()).hasValue("tooMany");
        assertThat(e.detail()).contains("maxOperations (2)");
        assertThat(BulkRequest.parse(Json.obj(three), 3, ENDPOINTS).operations()).hasSize(3);
    }

    @Test
    void theLimitIsCheckedBeforeTheOperations() {
        ScimException e = catchThrowableOfType(ScimException.class,
                () -> BulkRequest.parse(Json.obj(ops("'x'", "'y'")), 1, ENDPOINTS));
        assertThat(e.type()).isEqualTo(ScimErrorType.TOO_MANY_OPERATIONS);
    }

    @Test
    void detailsNameTheOperation() {
        ScimException e = catchThrowableOfType(ScimException.class, () -> parse(ops(
                "{'method':'DELETE','path':'/Users/1'}", "{'method':'POST','path':'/Users','data':{}}")));
        assertThat(e.detail()).startsWith("Operations[1]").contains("bulkId");
    }

    @Test
    void referencesAreFoundInPathDataAndPatchFilters() {
        BulkOperation patch = parse(ops("{'method':'PATCH','path':'/Groups/bulkId:g','data':{'Operations':["
                + "{'op':'add','path':'members','value':[{'value':'bulkId:alice'},{'value':'bulkId:bob'}]},"
                + "{'op':'remove','path':'members[value eq \\\"bulkId:carol\\\"]'},"
                + "{'op':'replace','path':'displayName','value':'bulkId is not bulkId:'}]}}")).operations().get(0);

        assertThat(patch.references()).containsExactly("g", "alice", "bob", "carol");
    }

    @Test
    void resolvedReplacesEveryReferenceAndKeepsTheRest() {
        BulkOperation patch = parse(ops("{'method':'PATCH','path':'/Groups/bulkId:g','data':{'Operations':["
                + "{'op':'add','path':'members','value':[{'value':'bulkId:alice'},{'value':'u-9'}]},"
                + "{'op':'remove','path':'members[value eq \\\"bulkId:carol\\\"]'},"
                + "{'op':'replace','path':'nickName','value':null}]}}")).operations().get(0);

        BulkOperation resolved = patch.resolved(b -> "id-" + b);

        assertThat(resolved.path()).isEqualTo(new BulkPath("Groups", Optional.of("id-g")));
        assertThat(resolved.references()).isEmpty();
        assertThat(resolved.data()).contains(Json.obj("{'Operations':["
                + "{'op':'add','path':'members','value':[{'value':'id-alice'},{'value':'u-9'}]},"
                + "{'op':'remove','path':'members[value eq \\\"id-carol\\\"]'},"
                + "{'op':'replace','path':'nickName','value':null}]}"));
        ComplexValue third = (ComplexValue) resolved.data().orElseThrow().getMulti("Operations").get(2);
        assertThat(third.has("value")).as("an explicit null survives resolution").isTrue();
        assertThat(patch.resolved(b -> null)).isEqualTo(patch);
        assertThat(List.copyOf(patch.resolved(b -> null).references())).containsExactly("g", "alice", "carol");
    }
}
