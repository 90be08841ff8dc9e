package org.provisio.jaxrs.scim;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;

/**
 * {@code POST /scim/v2/{tenant}/Bulk} over HTTP (RFC 7644 §3.7), against the RFC's own examples with
 * this server's URLs, and what a single request would have done.
 */
class BulkResourceTest {
    static final String BULK = "'schemas':['urn:ietf:params:scim:api:messages:2.0:BulkRequest']";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String USER = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],";
    static final String GROUP = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],";

    private ScimTestServer server;

    @BeforeEach
    void start() {
        server = ScimTestServer.inMemory();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** JSON written with {@code '} for {@code "}; {@code \\\"} stays an escaped {@code "}. */
    static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    static String request(String... operations) {
        return q("{" + BULK + ",'Operations':[" + String.join(",", operations) + "]}");
    }

    static String postUser(String bulkId, String userName) {
        return "{'method':'POST','path':'/Users','bulkId':'" + bulkId + "','data':{'schemas':["
                + "'urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'" + userName + "'}}";
    }

    static String postGroup(String bulkId, String displayName, String... memberRefs) {
        List<String> members = new ArrayList<>();
        for (String ref : memberRefs) {
            members.add("{'type':'User','value':'" + ref + "'}");
        }
        return "{'method':'POST','path':'/Groups','bulkId':'" + bulkId + "','data':{'schemas':["
                + "'urn:ietf:params:scim:schemas:core:2.0:Group'],'displayName':'" + displayName + "','members':["
                + String.join(",", members) + "]}}";
    }

    private List<ComplexValue> bulk(String body) {
        HttpResponse<String> r = server.scim("POST", "/Bulk", body);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/scim+json");
        ComplexValue json = ScimTestServer.json(r);
        assertThat(json.getMulti("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:BulkResponse");
        List<ComplexValue> out = new ArrayList<>();
        for (Value v : json.getMulti("Operations").values()) {
            out.add((ComplexValue) v);
        }
        return out;
    }

    private static String text(ComplexValue v, String name) {
        return v.getText(name).orElse(null);
    }

    private ComplexValue get(String location) {
        HttpResponse<String> r = server.send("GET", location.substring(server.base.length()), server.a.secret(), null);
        assertThat(r.statusCode()).as(location + ": " + r.body()).isEqualTo(200);
        return ScimTestServer.json(r);
    }

    private String createUser(String userName) {
        HttpResponse<String> r = server.scim("POST", "/Users", q("{" + USER + "'userName':'" + userName + "'}"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ScimTestServer.json(r).getText("id").orElseThrow();
    }

    private String etag(String relativePath) {
        return server.scim("GET", relativePath, null).headers().firstValue("ETag").orElseThrow();
    }

    private long count(String relativeQuery) {
        return Long.parseLong(ScimTestServer.json(server.scim("GET", relativeQuery, null)).getText("totalResults")
                .orElseThrow());
    }

    // ---- RFC 7644 §3.7.2: bulkId temporary identifiers ------------------------------------------

    @Test
    void rfc7644_3_7_2_tourGuidesWithAliceCreatedInTheSameRequest() {
        List<ComplexValue> results = bulk(request(postUser("qwerty", "Alice"),
                postGroup("ytrewq", "Tour Guides", "bulkId:qwerty")));

        assertThat(results).hasSize(2);
        ComplexValue alice = results.get(0);
        ComplexValue guides = results.get(1);
        assertThat(text(alice, "method")).isEqualTo("POST");
        assertThat(text(alice, "bulkId")).isEqualTo("qwerty");
        assertThat(text(alice, "status")).isEqualTo("201");
        assertThat(text(alice, "version")).matches("W/\"\\d+\"");
        assertThat(alice.has("response")).isFalse();
        assertThat(text(guides, "bulkId")).isEqualTo("ytrewq");
        assertThat(text(guides, "status")).isEqualTo("201");

        ComplexValue user = get(text(alice, "location"));
        ComplexValue group = get(text(guides, "location"));
        assertThat(text(user, "userName")).isEqualTo("Alice");
        assertThat(user.getComplex("meta").orElseThrow().getText("location")).hasValue(text(alice, "location"));
        assertThat(group.getComplex("meta").orElseThrow().getText("location")).hasValue(text(guides, "location"));
        assertThat(text(guides, "location")).isEqualTo(server.base + "/scim/v2/" + server.a.id() + "/Groups/"
                + text(group, "id"));
        assertThat(text(guides, "version")).isEqualTo(etag("/Groups/" + text(group, "id")));
        assertThat(group.getMulti("members").values()).singleElement()
                .satisfies(m -> assertThat(((ComplexValue) m).getText("value")).hasValue(text(user, "id")));
    }

    @Test
    void rfc7644_3_7_2_theEnterpriseManagerReferencesABulkId() {
        List<ComplexValue> results = bulk(request(postUser("qwerty", "Alice"),
                "{'method':'POST','path':'/Users','bulkId':'ytrewq','data':{'schemas':["
                        + "'urn:ietf:params:scim:schemas:core:2.0:User','" + ENTERPRISE + "'],'userName':'Bob','"
                        + ENTERPRISE + "':{'employeeNumber':'11250','manager':{'value':'bulkId:qwerty'}}}}"));

        String aliceId = text(get(text(results.get(0), "location")), "id");
        ComplexValue bob = get(text(results.get(1), "location"));
        assertThat(bob.getComplex(ENTERPRISE).orElseThrow().getComplex("manager").orElseThrow().getText("value"))
                .hasValue(aliceId);
    }

    @Test
    void rfc7644_3_7_aGroupBeforeItsUsersWorksInAnyOrder() {
        List<ComplexValue> results = bulk(request(
                postGroup("g", "Early", "bulkId:a", "bulkId:b"),
                "{'method':'PATCH','path':'/Users/bulkId:b','data':{'Operations':[{'op':'replace','path':'title','value':'Boss'}]}}",
                postUser("a", "a@example.com"),
                postUser("b", "b@example.com")));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("201", "200", "201", "201");
        ComplexValue group = get(text(results.get(0), "location"));
        List<String> members = new ArrayList<>();
        group.getMulti("members").values().forEach(m -> members.add(((ComplexValue) m).getText("value").orElseThrow()));
        assertThat(members).containsExactlyInAnyOrder(text(get(text(results.get(2), "location")), "id"),
                text(get(text(results.get(3), "location")), "id"));
        assertThat(text(get(text(results.get(1), "location")), "title")).isEqualTo("Boss");
        assertThat(text(results.get(1), "location")).isEqualTo(text(results.get(3), "location"));
    }

    // ---- RFC 7644 §3.7.1: circular references, and references that cannot be resolved ----------

    @Test
    void rfc7644_3_7_1_circularReferencesAre409AndCreateNothing() {
        List<ComplexValue> results = bulk(request(
                "{'method':'POST','path':'/Users','bulkId':'a','data':{" + USER + "'userName':'a@example.com','" + ENTERPRISE
                        + "':{'manager':{'value':'bulkId:b'}}}}",
                "{'method':'POST','path':'/Users','bulkId':'b','data':{" + USER + "'userName':'b@example.com','" + ENTERPRISE
                        + "':{'manager':{'value':'bulkId:a'}}}}",
                postUser("c", "c@example.com")));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("409", "409", "201");
        for (ComplexValue r : results.subList(0, 2)) {
            ComplexValue error = r.getComplex("response").orElseThrow();
            assertThat(error.getText("scimType")).hasValue("invalidValue");
            assertThat(error.getText("status")).hasValue("409");
            assertThat(r.has("location")).isFalse();
        }
        assertThat(count("/Users")).isEqualTo(1);
    }

    /** §3.7.1's 409 for a cross-reference that cannot be resolved, here because its POST failed (uniqueness). */
    @Test
    void rfc7644_3_7_1_aReferenceToAFailedPostIs409InvalidValue() {
        createUser("taken@example.com");

        List<ComplexValue> results = bulk(request(postGroup("g", "Depends", "bulkId:u"), postUser("u", "Taken@Example.com")));

        assertThat(results.get(1).getComplex("response").orElseThrow().getText("scimType")).hasValue("uniqueness");
        assertThat(text(results.get(1), "status")).isEqualTo("409");
        assertThat(results.get(1).has("location")).as("a failed POST has no location (§3.7.3)").isFalse();
        assertThat(text(results.get(0), "status")).isEqualTo("409");
        assertThat(results.get(0).getComplex("response").orElseThrow().getText("scimType")).hasValue("invalidValue");
        assertThat(count("/Groups")).isZero();
    }

    @Test
    void anUnknownBulkIdFailsItsOperationWith400() {
        List<ComplexValue> results = bulk(request(postGroup("g", "Ghosts", "bulkId:nobody"), postUser("u", "u@example.com")));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("400", "201");
        assertThat(results.get(0).getComplex("response").orElseThrow().getText("detail").orElseThrow())
                .contains("bulkId:nobody");
        assertThat(count("/Groups")).isZero();
    }

    // ---- RFC 7644 §3.7.3: response and error handling ------------------------------------------

    /**
     * The "add, update, and remove a user" example, with real ids and this server's versions (and
     * Alice's schema as RFC 7643 names it: the example's {@code ...:api:messages:2.0:User} is a typo).
     */
    @Test
    void rfc7644_3_7_3_addUpdateAndRemoveUsers() {
        String bob = createUser("bob@example.com");
        String dave = createUser("dave@example.com");
        String eve = createUser("eve@example.com");
        server.scim("PATCH", "/Users/" + dave, q("{'Operations':[{'op':'add','path':'nickName','value':'D'}]}"));

        List<ComplexValue> results = bulk(q("{" + BULK + ",'failOnErrors':1,'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'qwerty','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'userName':'Alice'}},"
                + "{'method':'PUT','path':'/Users/" + bob + "','version':'" + etag("/Users/" + bob).replace("\"", "\\\"")
                + "','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User'],'id':'" + bob + "','userName':'Bob'}},"
                + "{'method':'PATCH','path':'/Users/" + dave + "','version':'" + etag("/Users/" + dave).replace("\"", "\\\"")
                + "','data':{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':["
                + "{'op':'remove','path':'nickName'},{'op':'add','path':'userName','value':'Dave'}]}},"
                + "{'method':'DELETE','path':'/Users/" + eve + "','version':'" + etag("/Users/" + eve).replace("\"", "\\\"") + "'}]}"));

        String users = server.base + "/scim/v2/" + server.a.id() + "/Users/";
        assertThat(results).extracting(r -> text(r, "method")).containsExactly("POST", "PUT", "PATCH", "DELETE");
        assertThat(results).extracting(r -> text(r, "status")).containsExactly("201", "200", "200", "204");
        assertThat(text(results.get(1), "location")).isEqualTo(users + bob);
        assertThat(text(results.get(2), "location")).isEqualTo(users + dave);
        assertThat(text(results.get(3), "location")).isEqualTo(users + eve);
        assertThat(results.get(3).has("version")).isFalse();
        assertThat(text(results.get(1), "version")).isEqualTo(etag("/Users/" + bob));
        assertThat(text(results.get(2), "version")).isEqualTo(etag("/Users/" + dave));
        assertThat(results).noneMatch(r -> r.has("response"));
        assertThat(text(get(users + bob), "userName")).isEqualTo("Bob");
        assertThat(text(get(users + dave), "userName")).isEqualTo("Dave");
        assertThat(get(users + dave).has("nickName")).isFalse();
        assertThat(server.scim("GET", "/Users/" + eve, null).statusCode()).isEqualTo(404);
    }

    /**
     * The example "in which all operations failed": a POST the schema refuses, the RFC's own versions
     * (which name no version here) for PUT and PATCH, a DELETE of a user that does not exist. (The
     * RFC's DELETE also carries a version; with it the answer is 412, as for the single request: an
     * If-Match that names no version of ours never matches, RFC 7232 §3.1.)
     */
    @Test
    void rfc7644_3_7_3_allOperationsFailAndEachSaysWhy() {
        String bob = createUser("bob@example.com");
        String dave = createUser("dave@example.com");

        List<ComplexValue> results = bulk(request(
                "{'method':'POST','path':'/Users','bulkId':'qwerty','data':{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']}}",
                "{'method':'PUT','path':'/Users/" + bob + "','version':'W/\\\"3694e05e9dff591\\\"','data':{" + USER + "'userName':'Bob'}}",
                "{'method':'PATCH','path':'/Users/" + dave + "','version':'W/\\\"edac3253e2c0ef2\\\"',"
                        + "'data':{'Operations':[{'op':'add','path':'userName','value':'Dave'}]}}",
                "{'method':'DELETE','path':'/Users/e9025315-6bea-44e1-899c-1e07454e468b'}"));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("400", "412", "412", "404");
        assertThat(results).allSatisfy(r -> {
            ComplexValue error = r.getComplex("response").orElseThrow();
            assertThat(error.getMulti("schemas").get(0).asText()).isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            assertThat(error.getText("status")).isEqualTo(r.getText("status"));
            assertThat(error.getText("detail")).isPresent();
        });
        assertThat(results.get(0).has("location")).isFalse();
        assertThat(text(results.get(3), "location")).endsWith("/Users/e9025315-6bea-44e1-899c-1e07454e468b");
        assertThat(text(get(text(results.get(1), "location")), "userName")).isEqualTo("bob@example.com");
        assertThat(text(get(text(results.get(2), "location")), "userName")).isEqualTo("dave@example.com");
    }

    @Test
    void rfc7644_3_7_3_failOnErrorsStopsProcessingAndListsWhatWasProcessed() {
        List<ComplexValue> results = bulk(q("{" + BULK + ",'failOnErrors':1,'Operations':["
                + "{'method':'POST','path':'/Users','bulkId':'ok','data':{" + USER + "'userName':'first@example.com'}},"
                + "{'method':'POST','path':'/Users','bulkId':'qwerty','data':{" + USER + "'displayName':'no userName'}},"
                + "{'method':'POST','path':'/Users','bulkId':'never','data':{" + USER + "'userName':'never@example.com'}}]}"));

        assertThat(results).extracting(r -> text(r, "bulkId")).containsExactly("ok", "qwerty");
        assertThat(results).extracting(r -> text(r, "status")).containsExactly("201", "400");
        assertThat(count("/Users")).isEqualTo(1);
    }

    @Test
    void withoutFailOnErrorsEveryOperationRunsAndEachIsItsOwnUnitOfWork() {
        String bob = createUser("bob@example.com");
        List<ComplexValue> results = bulk(request(
                "{'method':'PATCH','path':'/Users/" + bob + "','data':{'Operations':[{'op':'replace','path':'title','value':'Chief'}]}}",
                "{'method':'PATCH','path':'/Users/" + bob + "','data':{'Operations':[{'op':'replace','path':'nickName','value':'B'},"
                        + "{'op':'replace','path':'emails[type eq','value':'x'}]}}",
                "{'method':'PUT','path':'/Users/" + bob + "','data':{" + USER + "'userName':'bob@example.com','title':'Chief','displayName':'Bob'}}"));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("200", "400", "200");
        assertThat(results.get(1).getComplex("response").orElseThrow().getText("scimType")).hasValue("invalidPath");
        ComplexValue after = get(text(results.get(0), "location"));
        assertThat(text(after, "displayName")).isEqualTo("Bob");
        assertThat(after.has("nickName")).as("the failed PATCH applied none of its operations").isFalse();
    }

    // ---- version → If-Match --------------------------------------------------------------------

    @Test
    void versionIsIfMatchAndOnlyAStaleOneIs412() {
        String bob = createUser("bob@example.com");
        String first = etag("/Users/" + bob);
        String patch = "'data':{'Operations':[{'op':'replace','path':'title','value':'%s'}]}";

        List<ComplexValue> results = bulk(request(
                "{'method':'PATCH','path':'/Users/" + bob + "','version':'" + first.replace("\"", "\\\"") + "',"
                        + patch.formatted("one") + "}",
                "{'method':'PATCH','path':'/Users/" + bob + "','version':'" + first.replace("\"", "\\\"") + "',"
                        + patch.formatted("stale") + "}",
                "{'method':'PATCH','path':'/Users/" + bob + "'," + patch.formatted("two") + "}",
                "{'method':'DELETE','path':'/Users/" + bob + "','version':'" + first.replace("\"", "\\\"") + "'}"));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("200", "412", "200", "412");
        assertThat(text(results.get(2), "version")).isEqualTo(etag("/Users/" + bob)).isNotEqualTo(first);
        assertThat(text(get(text(results.get(0), "location")), "title")).isEqualTo("two");
        assertThat(results.get(1).getComplex("response").orElseThrow().getText("detail").orElseThrow())
                .contains(text(results.get(0), "version"));
    }

    @Test
    void groupsTakeEveryMethodAndAnswerAsTheirSingleRequests() {
        String alice = createUser("alice@example.com");
        List<ComplexValue> results = bulk(request(postGroup("g", "Sales"),
                "{'method':'PATCH','path':'/Groups/bulkId:g','data':{'Operations':[{'op':'add','path':'members',"
                        + "'value':[{'value':'" + alice + "'},{'value':'bulkId:u'}]}]}}",
                postUser("u", "u@example.com"),
                "{'method':'PATCH','path':'/Groups/bulkId:g','data':{'Operations':[{'op':'remove',"
                        + "'path':'members[value eq \\\"bulkId:u\\\"]'}]}}",
                "{'method':'PUT','path':'/Groups/bulkId:g','data':{" + GROUP + "'displayName':'Sales EMEA','members':[{'value':'" + alice + "'}]}}",
                postGroup("h", "Doomed"),
                "{'method':'DELETE','path':'/Groups/bulkId:h'}"));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("201", "204", "201", "204", "200", "201", "204");
        ComplexValue group = get(text(results.get(0), "location"));
        assertThat(text(group, "displayName")).isEqualTo("Sales EMEA");
        assertThat(group.getMulti("members").size()).isEqualTo(1);
        assertThat(text(results.get(4), "version")).isEqualTo(etag("/Groups/" + text(group, "id")));
        assertThat(count("/Groups")).isEqualTo(1);
    }

    // ---- limits (RFC 7644 §3.7.4) ----------------------------------------------------------------

    @Test
    void serviceProviderConfigAdvertisesBulkWithItsLimits() {
        ComplexValue bulk = ScimTestServer.json(server.scim("GET", "/ServiceProviderConfig", null))
                .getComplex("bulk").orElseThrow();

        assertThat(bulk.getText("supported")).hasValue("true");
        assertThat(bulk.getText("maxOperations")).hasValue("1000");
        assertThat(bulk.getText("maxPayloadSize")).hasValue("1048576");
    }

    @Test
    void rfc7644_3_7_4_moreThanMaxOperationsIs413TooManyAndNothingRuns() {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i <= 1_000; i++) {
            ops.add(postUser("u" + i, "u" + i + "@example.com"));
        }

        HttpResponse<String> r = server.scim("POST", "/Bulk", request(ops.toArray(String[]::new)));

        assertThat(r.statusCode()).isEqualTo(413);
        ComplexValue error = ScimTestServer.json(r);
        assertThat(error.getText("status")).hasValue("413");
        assertThat(error.getText("scimType")).hasValue("tooMany");
        assertThat(error.getText("detail").orElseThrow()).contains("maxOperations (1000)");
        assertThat(count("/Users")).isZero();
        assertThat(bulk(request(ops.subList(0, 1_000).toArray(String[]::new)))).hasSize(1_000);
        assertThat(count("/Users")).isEqualTo(1_000);
    }

    @Test
    void rfc7644_3_7_4_theConfiguredLimitsAreAdvertisedAndEnforced() {
        try (ScimTestServer small = ScimTestServer.inMemory(b -> b.maxBulkOperations(2).maxPayloadSize(2_000))) {
            ComplexValue bulk = ScimTestServer.json(small.scim("GET", "/ServiceProviderConfig", null))
                    .getComplex("bulk").orElseThrow();
            assertThat(bulk.getText("maxOperations")).hasValue("2");
            assertThat(bulk.getText("maxPayloadSize")).hasValue("2000");

            HttpResponse<String> three = small.scim("POST", "/Bulk", request(postUser("a", "a@x.example"),
                    postUser("b", "b@x.example"), postUser("c", "c@x.example")));
            assertThat(three.statusCode()).isEqualTo(413);
            assertThat(ScimTestServer.json(three).getText("detail").orElseThrow()).contains("maxOperations (2)");

            String big = request(postUser("a", "a".repeat(2_000) + "@x.example"));
            HttpResponse<String> large = small.scim("POST", "/Bulk", big);
            assertThat(large.statusCode()).isEqualTo(413);
            ComplexValue error = ScimTestServer.json(large);
            assertThat(error.getText("status")).hasValue("413");
            assertThat(error.getText("detail").orElseThrow()).as("names the limit exceeded (§3.7.4)").contains("2000");
            assertThat(ScimTestServer.json(small.scim("GET", "/Users", null)).getText("totalResults")).hasValue("0");
        }
    }

    // ---- malformed requests --------------------------------------------------------------------

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("not JSON", "{\"Operations\":[", "invalidSyntax"),
                Arguments.of("an array", "[]", "invalidSyntax"),
                Arguments.of("no schemas", q("{'Operations':[" + postUser("a", "a@example.com") + "]}"), "invalidSyntax"),
                Arguments.of("no Operations", q("{" + BULK + "}"), "invalidSyntax"),
                Arguments.of("an operation without method", request("{'path':'/Users'}"), "invalidSyntax"),
                Arguments.of("GET", request("{'method':'GET','path':'/Users'}"), "invalidValue"),
                Arguments.of("a path to another endpoint", request("{'method':'DELETE','path':'/Schemas/x'}"), "invalidValue"),
                Arguments.of("a POST without bulkId",
                        request(postUser("a", "a@example.com"), "{'method':'POST','path':'/Users','data':{" + USER + "'userName':'b'}}"),
                        "invalidValue"),
                Arguments.of("a PUT without data", request("{'method':'PUT','path':'/Users/1'}"), "invalidValue"),
                Arguments.of("a bulkId twice", request(postUser("a", "a@example.com"), postUser("a", "b@example.com")),
                        "invalidValue"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedRequestsAre400AndNothingRuns(String name, String body, String scimType) {
        HttpResponse<String> r = server.scim("POST", "/Bulk", body);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(ScimTestServer.json(r).getText("scimType")).hasValue(scimType);
        assertThat(ScimTestServer.json(r).getText("detail")).isPresent();
        assertThat(count("/Users")).isZero();
    }

    @Test
    void anEmptyBodyIs400() {
        HttpResponse<String> r = server.send("POST", "/scim/v2/" + server.a.id() + "/Bulk", server.a.secret(), null,
                "Content-Type", "application/scim+json");

        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ScimTestServer.json(r).getText("scimType")).hasValue("invalidSyntax");
    }

    // ---- authentication and tenants -------------------------------------------------------------

    @Test
    void withoutATokenOfTheTenantBulkIs401AndRunsNothing() {
        String body = request(postUser("a", "a@example.com"));
        String path = "/scim/v2/" + server.a.id() + "/Bulk";

        for (String token : new String[] {null, "nonsense", server.b.secret()}) {
            HttpResponse<String> r = server.send("POST", path, token, body);
            assertThat(r.statusCode()).as(String.valueOf(token)).isEqualTo(401);
            assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer");
        }
        assertThat(count("/Users")).isZero();
        assertThat(ScimTestServer.json(server.scim(server.b, "GET", "/Users", null)).getText("totalResults")).hasValue("0");
    }

    @Test
    void aBulkReachesOnlyItsOwnTenant() {
        HttpResponse<String> other = server.scim(server.b, "POST", "/Users", q("{" + USER + "'userName':'b@example.com'}"));
        String otherId = ScimTestServer.json(other).getText("id").orElseThrow();

        List<ComplexValue> results = bulk(request(
                "{'method':'PATCH','path':'/Users/" + otherId + "','data':{'Operations':[{'op':'replace','path':'title','value':'x'}]}}",
                "{'method':'DELETE','path':'/Users/" + otherId + "'}",
                postGroup("g", "Stolen", otherId)));

        assertThat(results).extracting(r -> text(r, "status")).containsExactly("404", "404", "400");
        ComplexValue still = ScimTestServer.json(server.scim(server.b, "GET", "/Users/" + otherId, null));
        assertThat(still.has("title")).isFalse();
    }
}
