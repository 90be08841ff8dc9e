package org.provisio.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.message.ErrorResponse;
import org.provisio.scim.resource.ComplexValue;

/** Running a Bulk request (RFC 7644 §3.7) through a recording executor, checked against the RFC's examples. */
class BulkJobTest {
    private static final String BASE = "https://example.com/v2";

    /** Creates ids {@code <endpoint>-<n>}; fails what {@link #fail} names; records what it ran. */
    private static final class Recorder implements BulkJob.Executor {
        final List<BulkOperation> ran = new ArrayList<>();
        final Map<String, RuntimeException> fail = new HashMap<>();
        int next = 1;

        @Override
        public BulkJob.Done execute(BulkOperation op) {
            ran.add(op);
            RuntimeException e = fail.get(op.bulkId().orElse(op.path().toString()));
            if (e != null) {
                throw e;
            }
            return switch (op.method()) {
                case POST -> new BulkJob.Done(201, op.path().endpoint().toLowerCase() + "-" + next++, OptionalLong.of(1));
                case PUT, PATCH -> new BulkJob.Done(200, op.path().id().orElseThrow(), OptionalLong.of(2));
                case DELETE -> new BulkJob.Done(204, op.path().id().orElseThrow(), OptionalLong.empty());
            };
        }

        @Override
        public ErrorResponse unexpected(BulkOperation op, RuntimeException e) {
            return new ErrorResponse(500, null, "Internal server error; incident 42");
        }
    }

    private final Recorder executor = new Recorder();

    /** A message as the client reads it back: through JSON, where a reference is a string. */
    private static ComplexValue wire(ComplexValue message) {
        return ScimJson.readObject(ScimJson.write(message));
    }

    private BulkResponse run(String... operations) {
        return BulkJob.run(BulkRequestTest.parse(BulkRequestTest.ops(operations)), BASE, executor);
    }

    private BulkResponse runWithFailOnErrors(int failOnErrors, String... operations) {
        return BulkJob.run(BulkRequestTest.parse("{" + BulkRequestTest.SCHEMAS + ",'failOnErrors':" + failOnErrors
                + ",'Operations':[" + String.join(",", operations) + "]}"), BASE, executor);
    }

    private static final String ALICE = "{'method':'POST','path':'/Users','bulkId':'qwerty',"
            + "'data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'Alice'}}";
    private static final String TOUR_GUIDES = "{'method':'POST','path':'/Groups','bulkId':'ytrewq',"
            + "'data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'Tour Guides',"
            + "'members':[{'type':'User','value':'bulkId:qwerty'}]}}";

    @Test
    void rfc7644_3_7_2_aGroupWithAUserCreatedInTheSameRequest() {
        BulkResponse response = run(ALICE, TOUR_GUIDES);

        assertThat(executor.ran.get(1).data().orElseThrow().getMulti("members").get(0))
                .isEqualTo(Json.obj("{'type':'User','value':'users-1'}"));
        // the RFC's response, with our ids and versions (its first "status" is {"code":"201"}, its later
        // examples and RFC 7644's schema have the plain string, which is what we send)
        assertThat(wire(response.toJson())).isEqualTo(Json.obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],"
                + "'Operations':["
                + "{'location':'https://example.com/v2/Users/users-1','method':'POST','bulkId':'qwerty',"
                + " 'version':'W/\\\"1\\\"','status':'201'},"
                + "{'location':'https://example.com/v2/Groups/groups-2','method':'POST','bulkId':'ytrewq',"
                + " 'version':'W/\\\"1\\\"','status':'201'}]}"));
        assertThat(ScimJson.writeString(response.toJson())).startsWith(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkResponse\"],\"Operations\":[{\"location\":");
    }

    @Test
    void rfc7644_3_7_2_extensionsReferencingABulkIdAreResolvedToo() {
        run("{'method':'POST','path':'/Users','bulkId':'qwerty','data':{'userName':'Alice'}}",
                "{'method':'POST','path':'/Users','bulkId':'ytrewq','data':{'schemas':["
                        + "'urn:ietf:params:scim:schemas:core:2.0:User','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],"
                        + "'userName':'Bob','urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                        + "{'employeeNumber':'11250','manager':{'value':'bulkId:qwerty'}}}}");

        ComplexValue bob = executor.ran.get(1).data().orElseThrow();
        assertThat(bob.getComplex("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User").orElseThrow())
                .isEqualTo(Json.obj("{'employeeNumber':'11250','manager':{'value':'users-1'}}"));
    }

    @Test
    void rfc7644_3_7_2_usersSentAfterTheirGroupAreCreatedFirstAndTheResponseKeepsRequestOrder() {
        BulkResponse response = run(TOUR_GUIDES, ALICE);

        assertThat(executor.ran).extracting(op -> op.bulkId().orElseThrow()).containsExactly("qwerty", "ytrewq");
        assertThat(response.operations()).extracting(r -> r.bulkId().orElseThrow()).containsExactly("ytrewq", "qwerty");
        assertThat(response.operations()).extracting(BulkResponse.Result::status).containsExactly(201, 201);
    }

    @Test
    void pathsAndPatchFiltersNamingABulkIdAreResolved() {
        BulkResponse response = run(ALICE, TOUR_GUIDES,
                "{'method':'PATCH','path':'/Groups/bulkId:ytrewq','data':{'Operations':["
                        + "{'op':'remove','path':'members[value eq \\\"bulkId:qwerty\\\"]'}]}}",
                "{'method':'DELETE','path':'/Users/bulkId:qwerty'}");

        assertThat(executor.ran.get(2).path().toString()).isEqualTo("/Groups/groups-2");
        assertThat(executor.ran.get(2).data().orElseThrow()).isEqualTo(
                Json.obj("{'Operations':[{'op':'remove','path':'members[value eq \\\"users-1\\\"]'}]}"));
        assertThat(executor.ran.get(3).path().toString()).isEqualTo("/Users/users-1");
        assertThat(response.operations().get(2).location()).hasValue(BASE + "/Groups/groups-2");
        assertThat(response.operations().get(3).location()).hasValue(BASE + "/Users/users-1");
        assertThat(response.operations().get(3).version()).isEmpty();
        assertThat(response.operations().get(3).status()).isEqualTo(204);
    }

    /** RFC 7644 §3.7.3: "failOnErrors":1 and the POST of Alice fails: only its error comes back. */
    @Test
    void rfc7644_3_7_3_failOnErrorsStopsAtTheFirstError() {
        executor.fail.put("qwerty", ScimException.invalidSyntax(
                "Request is unparsable, syntactically incorrect, or violates schema."));

        BulkResponse response = runWithFailOnErrors(1, ALICE,
                "{'method':'PUT','path':'/Users/b7c14771-226c-4d05-8860-134711653041','data':{'userName':'Bob'}}",
                "{'method':'DELETE','path':'/Users/e9025315-6bea-44e1-899c-1e07454e468b'}");

        assertThat(executor.ran).hasSize(1);
        assertThat(wire(response.toJson())).isEqualTo(Json.obj("{'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkResponse'],"
                + "'Operations':[{'method':'POST','bulkId':'qwerty','status':'400','response':{"
                + "'schemas':['urn:ietf:params:scim:api:messages:2.0:Error'],'scimType':'invalidSyntax',"
                + "'detail':'Request is unparsable, syntactically incorrect, or violates schema.','status':'400'}}]}"));
    }

    /** RFC 7644 §3.7.3: without failOnErrors every operation runs, "all operations failed". */
    @Test
    void rfc7644_3_7_3_withoutFailOnErrorsEveryOperationRunsAndFailedOnesKeepTheirLocation() {
        executor.fail.put("qwerty", ScimException.invalidSyntax("bad"));
        executor.fail.put("/Users/b7c14771", ScimException.preconditionFailed("Failed to update. Resource changed on the server."));
        executor.fail.put("/Users/e9025315", ScimException.notFound("Resource does not exist."));

        BulkResponse response = run(ALICE, "{'method':'PUT','path':'/Users/b7c14771','data':{'userName':'Bob'}}",
                "{'method':'DELETE','path':'/Users/e9025315'}");

        assertThat(response.operations()).extracting(BulkResponse.Result::status).containsExactly(400, 412, 404);
        assertThat(response.operations().get(0).location()).as("a failed POST has no location").isEmpty();
        assertThat(response.operations().get(1).location()).hasValue(BASE + "/Users/b7c14771");
        assertThat(wire(response.operations().get(2).toJson())).isEqualTo(Json.obj(
                "{'location':'https://example.com/v2/Users/e9025315','method':'DELETE','status':'404','response':{"
                        + "'schemas':['urn:ietf:params:scim:api:messages:2.0:Error'],'status':'404',"
                        + "'detail':'Resource does not exist.'}}"));
    }

    @Test
    void failOnErrorsCountsErrorsNotOperationsAndLeavesTheRestUnprocessed() {
        executor.fail.put("/Users/1", ScimException.notFound("x"));
        executor.fail.put("/Users/3", ScimException.notFound("x"));

        BulkResponse response = runWithFailOnErrors(2, "{'method':'DELETE','path':'/Users/1'}",
                "{'method':'DELETE','path':'/Users/2'}", "{'method':'DELETE','path':'/Users/3'}",
                "{'method':'DELETE','path':'/Users/4'}");

        assertThat(response.operations()).extracting(BulkResponse.Result::status).containsExactly(404, 204, 404);
        assertThat(executor.ran).hasSize(3);
    }

    @Test
    void rfc7644_3_7_1_aReferenceToAFailedPostIs409InvalidValueAndDoesNotRun() {
        executor.fail.put("qwerty", ScimException.uniqueness("userName \"Alice\" is taken"));

        BulkResponse response = run(TOUR_GUIDES, ALICE, "{'method':'DELETE','path':'/Users/bulkId:qwerty'}");

        assertThat(executor.ran).extracting(op -> op.bulkId().orElse("")).containsExactly("qwerty");
        BulkResponse.Result group = response.operations().get(0);
        assertThat(group.status()).isEqualTo(409);
        assertThat(group.response().orElseThrow().scimType()).isEqualTo("invalidValue");
        assertThat(group.response().orElseThrow().detail()).contains("bulkId:qwerty").contains("failed");
        assertThat(response.operations().get(1).response().orElseThrow().scimType()).isEqualTo("uniqueness");
        BulkResponse.Result delete = response.operations().get(2);
        assertThat(delete.status()).isEqualTo(409);
        assertThat(delete.location()).as("no URL for a resource that was never created").isEmpty();
    }

    @Test
    void rfc7644_3_7_1_circularReferencesAre409AndWhatDependsOnThemFailsToo() {
        String a = "{'method':'POST','path':'/Users','bulkId':'a','data':{'userName':'a',"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':'bulkId:b'}}}}";
        String b = "{'method':'POST','path':'/Users','bulkId':'b','data':{'userName':'b',"
                + "'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':{'manager':{'value':'bulkId:a'}}}}";
        String g = "{'method':'POST','path':'/Groups','bulkId':'g','data':{'displayName':'g','members':[{'value':'bulkId:a'}]}}";

        BulkResponse response = run(a, b, g, "{'method':'POST','path':'/Users','bulkId':'c','data':{'userName':'c'}}");

        assertThat(executor.ran).extracting(op -> op.bulkId().orElseThrow()).containsExactly("c");
        assertThat(response.operations()).extracting(BulkResponse.Result::status).containsExactly(409, 409, 409, 201);
        assertThat(response.operations().get(0).response().orElseThrow().detail()).contains("circular").contains("a, b");
        assertThat(response.operations().get(2).response().orElseThrow().detail()).contains("bulkId:a");
        assertThat(response.operations().subList(0, 3)).allSatisfy(r -> {
            assertThat(r.response().orElseThrow().scimType()).isEqualTo("invalidValue");
            assertThat(r.location()).isEmpty();
        });
    }

    @Test
    void anUnknownBulkIdIs400InvalidValueAndDoesNotRun() {
        BulkResponse response = run("{'method':'POST','path':'/Groups','bulkId':'g','data':{'displayName':'g',"
                + "'members':[{'value':'bulkId:nobody'}]}}", "{'method':'PUT','path':'/Users/bulkId:g','data':{}}");

        assertThat(executor.ran).isEmpty();
        assertThat(response.operations().get(0).status()).isEqualTo(400);
        assertThat(response.operations().get(0).response().orElseThrow().scimType()).isEqualTo("invalidValue");
        assertThat(response.operations().get(0).response().orElseThrow().detail()).contains("bulkId:nobody");
        assertThat(response.operations().get(1).status()).as("g is a POST's bulkId, but /Users/{g} is no user")
                .isEqualTo(409);
    }

    @Test
    void anUnexpectedExceptionFailsItsOperationOnly() {
        executor.fail.put("/Users/1", new IllegalStateException("database gone"));

        BulkResponse response = run("{'method':'DELETE','path':'/Users/1'}", "{'method':'DELETE','path':'/Users/2'}");

        assertThat(response.operations()).extracting(BulkResponse.Result::status).containsExactly(500, 204);
        assertThat(response.operations().get(0).response().orElseThrow().detail()).doesNotContain("database");
    }

    @Test
    void eachResultEchoesMethodBulkIdAndTheNewVersion() {
        BulkResponse response = run(ALICE, "{'method':'PATCH','path':'/Users/bulkId:qwerty','bulkId':'p',"
                + "'data':{'Operations':[{'op':'replace','path':'title','value':'x'}]}}");

        assertThat(wire(response.operations().get(1).toJson())).isEqualTo(Json.obj(
                "{'location':'https://example.com/v2/Users/users-1','method':'PATCH','bulkId':'p',"
                        + "'version':'W/\\\"2\\\"','status':'200'}"));
    }
}
