package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.Value;
import org.provisio.server.ServerFixture;

/**
 * The request sequences Microsoft Entra ID and Okta are documented to send ({@link EntraSequenceTest},
 * {@link EntraGroupSequenceTest}, {@link OktaSequenceTest}, {@link OktaGroupSequenceTest}), each step marked with
 * the departures from RFC 7643/7644 it makes, run against a tenant of each conformance profile.
 *
 * <p>Lenient, every step is served as those tests expect and the tenant's deviation report lists exactly the
 * vendor's deviations, tolerated, with the refusals the RFC itself calls for (a bad token, a taken userName).
 * Strict, every deviating step is refused with the {@code scimType} of its first deviation — the one a strict
 * server meets first — every other step is served, and the report lists exactly those first deviations,
 * refused. Either way no example in the report holds a value, a user name or an id.
 */
class ConformanceSequenceTest {
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

    /** One request of a vendor's sequence: what it sends, what a lenient server answers, what it deviates in. */
    private record Step(String name, String method, Function<Run, String> path, Function<Run, String> body,
                        int lenientStatus, List<Tolerance> deviations, String refusal, boolean badToken,
                        String saveIdAs) {
        static Step of(String name, String method, Function<Run, String> path, Function<Run, String> body,
                       int status, Tolerance... deviations) {
            return new Step(name, method, path, body, status, List.of(deviations), null, false, null);
        }

        Step savingIdAs(String key) {
            return new Step(name, method, path, body, lenientStatus, deviations, refusal, badToken, key);
        }

        Step refusedAs(String kind) {
            return new Step(name, method, path, body, lenientStatus, deviations, kind, badToken, saveIdAs);
        }

        Step withBadToken() {
            return new Step(name, method, path, body, lenientStatus, deviations, refusal, true, saveIdAs);
        }
    }

    /** A sequence's server, its values (ids, names) and what the steps sent. */
    private static final class Run {
        final ServerFixture server;
        final Map<String, String> values = new HashMap<>();
        final List<String> secrets = new ArrayList<>();

        Run(ServerFixture server) {
            this.server = server;
        }

        String get(String key) {
            return values.get(key);
        }

        String put(String key, String value) {
            values.put(key, value);
            secrets.add(value);
            return value;
        }
    }

    private static String filter(String f) {
        return "?filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8);
    }

    private static String patch(String... operations) {
        return GroupClient.patch(operations);
    }

    // --- Microsoft Entra ID ("Tutorial: Develop and plan provisioning for a SCIM endpoint") ---

    private static void entraSetUp(Run run) {
        run.put("userName", "Test_User_" + UUID.randomUUID() + "@testuser.com");
        run.put("email", "Test_User_" + UUID.randomUUID() + "@testuser.com");
        run.put("displayName", "displayName_" + UUID.randomUUID());
        for (String who : List.of("ann", "ben", "cat")) {
            run.put(who, GroupClient.user(run.server, who + "@example.com"));
        }
        HttpResponse<String> group = run.server.scim("POST", "/Groups", "{\"schemas\":[\"" + GroupClient.GROUP
                + "\"],\"displayName\":\"" + run.get("displayName") + "\"}");
        assertThat(group.statusCode()).as(group.body()).isEqualTo(201);
        run.put("group", ServerFixture.json(group).getText("id").orElseThrow());
    }

    private static List<Step> entra() {
        return List.of(
                Step.of("test connection", "GET", r -> "/Users" + filter("userName eq \"" + UUID.randomUUID() + "\""),
                        r -> null, 200),
                Step.of("test connection with a bad token", "GET", r -> "/Users" + filter("userName eq \"x\""),
                        r -> null, 401).withBadToken().refusedAs("unauthorized"),
                Step.of("create user", "POST", r -> "/Users", r -> "{\"schemas\":[\"" + USER + "\",\"" + ENT + "\"],"
                        + "\"externalId\":\"0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef\",\"userName\":\"" + r.get("userName")
                        + "\",\"active\":true,\"emails\":[{\"primary\":true,\"type\":\"work\",\"value\":\""
                        + r.get("email") + "\"}],\"meta\":{\"resourceType\":\"User\"},\"name\":{\"formatted\":"
                        + "\"givenName familyName\",\"familyName\":\"familyName\",\"givenName\":\"givenName\"},"
                        + "\"roles\":[]}", 201).savingIdAs("user"),
                Step.of("get user", "GET", r -> "/Users/" + r.get("user"), r -> null, 200),
                Step.of("get user by userName", "GET", r -> "/Users" + filter("userName eq \""
                        + r.get("userName").toUpperCase() + "\""), r -> null, 200),
                Step.of("get user by work email", "GET", r -> "/Users" + filter("emails[type eq \"work\"].value eq \""
                        + r.get("email") + "\""), r -> null, 200, Tolerance.FILTER_VALUE_PATH_SUB_ATTRIBUTE),
                Step.of("query with zero results", "GET", r -> "/Users" + filter("userName eq \"non-existent user\""),
                        r -> null, 200),
                Step.of("update multi-valued attributes", "PATCH", r -> "/Users/" + r.get("user"), r -> patch(
                        "{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\","
                                + "\"value\":\"updatedEmail@microsoft.com\"}",
                        "{\"op\":\"Replace\",\"path\":\"name.familyName\",\"value\":\"updatedFamilyName\"}"),
                        200, Tolerance.OP_CASE),
                Step.of("update userName", "PATCH", r -> "/Users/" + r.get("user"), r -> patch(
                        "{\"op\":\"Replace\",\"path\":\"userName\",\"value\":\"" + r.put("renamed",
                                UUID.randomUUID() + "@testuser.com") + "\"}"), 200, Tolerance.OP_CASE),
                Step.of("path-less replace with dotted and URN keys, manager as a string", "PATCH",
                        r -> "/Users/" + r.get("user"), r -> patch(
                                "{\"op\":\"replace\",\"value\":{\"name.givenName\":\"Kim\",\"" + ENT
                                        + ":employeeNumber\":\"7\"}}",
                                "{\"op\":\"Add\",\"path\":\"" + ENT + ":manager\",\"value\":\"" + r.get("ann") + "\"}"),
                        200, Tolerance.OP_CASE, Tolerance.PATH_KEY_IN_VALUE, Tolerance.VALUE_FOR_COMPLEX),
                Step.of("disable with the string False", "PATCH", r -> "/Users/" + r.get("user"), r -> patch(
                        "{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"),
                        200, Tolerance.OP_CASE, Tolerance.BOOLEAN_AS_STRING),
                Step.of("delete user", "DELETE", r -> "/Users/" + r.get("user"), r -> null, 204),
                Step.of("create group with Entra's schema", "POST", r -> "/Groups", r -> "{\"schemas\":[\""
                        + GroupClient.GROUP + "\",\"" + ENTRA_GROUP + "\"],\"externalId\":\"8aa1a0c0\","
                        + "\"displayName\":\"" + r.put("entraGroup", "entra_" + UUID.randomUUID())
                        + "\",\"meta\":{\"resourceType\":\"Group\"},\"members\":[]}", 201, Tolerance.UNKNOWN_SCHEMA),
                Step.of("get group excluding members", "GET", r -> "/Groups/" + r.get("group")
                        + "?excludedAttributes=members", r -> null, 200),
                Step.of("find group by displayName", "GET", r -> "/Groups" + filter("displayName eq \""
                        + r.get("displayName") + "\"") + "&excludedAttributes=members", r -> null, 200),
                Step.of("rename group", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"" + r.put("renamedGroup",
                                "renamed_" + UUID.randomUUID()) + "\"}"), 204, Tolerance.OP_CASE),
                Step.of("add members", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"Add\",\"path\":\"members\",\"value\":" + GroupClient.members(List.of(r.get("ann"),
                                r.get("ben"), r.get("cat"))) + "}"), 204, Tolerance.OP_CASE),
                Step.of("remove members by value array", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + r.get("ann") + "\"}]}"),
                        204, Tolerance.OP_CASE, Tolerance.REMOVE_WITH_VALUE),
                Step.of("remove member by value filter", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + r.get("ben") + "\\\"]\"}"), 204),
                Step.of("delete group", "DELETE", r -> "/Groups/" + r.get("group"), r -> null, 204));
    }

    // --- Okta ("SCIM 2.0 protocol reference": users, then group push) ---

    private static void oktaSetUp(Run run) {
        for (int i = 0; i < 3; i++) {
            GroupClient.user(run.server, "existing" + i + "@example.com");
        }
        for (String who : List.of("ann", "ben", "cat", "dan")) {
            run.put(who, GroupClient.user(run.server, who + "@okta.example"));
        }
    }

    private static String oktaUser(boolean active, String displayName) {
        return "{\"schemas\":[\"" + USER + "\"],\"userName\":\"isabella.c@example.com\","
                + "\"name\":{\"givenName\":\"Isabella\",\"familyName\":\"Carter\"},"
                + "\"emails\":[{\"primary\":true,\"value\":\"isabella.c@example.com\",\"type\":\"work\"}],"
                + "\"displayName\":\"" + displayName + "\",\"locale\":\"en-US\",\"externalId\":\"00ujl29u0le5T6Aj10h7\","
                + "\"groups\":[],\"password\":\"t1meMa$heen\",\"active\":" + active + "}";
    }

    private static List<Step> okta() {
        return List.of(
                Step.of("paged list", "GET", r -> "/Users?startIndex=1&count=2", r -> null, 200),
                Step.of("lookup before create", "GET", r -> "/Users" + filter("userName eq \"isabella.c@example.com\"")
                        + "&startIndex=1&count=100", r -> null, 200),
                Step.of("create user with a password", "POST", r -> "/Users", r -> oktaUser(true, "Isabella Carter"),
                        201).savingIdAs("user"),
                Step.of("re-create is a conflict", "POST", r -> "/Users", r -> oktaUser(true, "Isabella Carter")
                        .replace("\"isabella.c@example.com\",\"name", "\"ISABELLA.C@example.com\",\"name"), 409)
                        .refusedAs("uniqueness"),
                Step.of("full PUT with active false", "PUT", r -> "/Users/" + r.get("user"),
                        r -> oktaUser(false, "Isabella C."), 200),
                Step.of("path-less replace of active", "PATCH", r -> "/Users/" + r.get("user"), r -> patch(
                        "{\"op\":\"replace\",\"value\":{\"active\":true}}"), 200),
                Step.of("create group with members", "POST", r -> "/Groups", r -> "{\"schemas\":[\"" + GroupClient.GROUP
                        + "\"],\"displayName\":\"Test SCIMv2\",\"members\":[{\"value\":\"" + r.get("ann")
                        + "\",\"display\":\"ann@okta.example\"},{\"value\":\"" + r.get("ben") + "\"}]}", 201)
                        .savingIdAs("group"),
                Step.of("path-less rename with an id", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"replace\",\"value\":{\"id\":\"abf4dd94-a4c0-4f67-89c9-76b03340cb9b\","
                                + "\"displayName\":\"Test SCIMv2 Renamed\"}}"), 204, Tolerance.READ_ONLY_IN_PATCH),
                Step.of("add member", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + r.get("cat")
                                + "\",\"display\":\"cat@okta.example\"}]}"), 204),
                Step.of("remove member by filter", "PATCH", r -> "/Groups/" + r.get("group"), r -> patch(
                        "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + r.get("ann") + "\\\"]\"}"), 204),
                Step.of("PUT the whole membership", "PUT", r -> "/Groups/" + r.get("group"), r -> "{\"schemas\":[\""
                        + GroupClient.GROUP + "\"],\"id\":\"" + r.get("group") + "\",\"displayName\":\"Test SCIMv2 Renamed\","
                        + "\"members\":" + GroupClient.members(List.of(r.get("dan"), r.get("cat"))) + "}", 200),
                Step.of("replace members, asking for them back", "PATCH", r -> "/Groups/" + r.get("group")
                        + "?attributes=members", r -> patch("{\"op\":\"replace\",\"path\":\"members\",\"value\":"
                        + GroupClient.members(List.of(r.get("ann"))) + "}"), 200),
                Step.of("delete group", "DELETE", r -> "/Groups/" + r.get("group"), r -> null, 204));
    }

    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("Entra ID", "lenient"), Arguments.of("Entra ID", "strict"),
                Arguments.of("Okta", "lenient"), Arguments.of("Okta", "strict"));
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("sequences")
    void theReportListsExactlyTheVendorsDeviations(String vendor, String profile) {
        boolean strict = profile.equals("strict");
        try (ServerFixture server = ServerFixture.inMemory()) {
            Run run = new Run(server);
            run.secrets.add(server.tenantId);
            List<Step> steps;
            if (vendor.equals("Entra ID")) {
                entraSetUp(run);
                steps = entra();
            } else {
                oktaSetUp(run);
                steps = okta();
            }
            setProfile(server, profile);

            Set<Tuple> expected = new LinkedHashSet<>();
            for (Step step : steps) {
                String path = step.path().apply(run);
                String body = step.body().apply(run);
                HttpResponse<String> r = step.badToken()
                        ? server.send(step.method(), server.scim() + path, "bad-token", body)
                        : server.scim(step.method(), path, body);
                if (strict && !step.deviations().isEmpty()) {
                    Tolerance first = step.deviations().get(0);
                    assertThat(r.statusCode()).as("%s: %s", step.name(), r.body()).isEqualTo(first.error().status());
                    assertThat(ServerFixture.json(r).getText("scimType")).as(step.name())
                            .isEqualTo(first.error().scimType());
                    assertThat(ServerFixture.json(r).getText("detail").orElseThrow()).contains("RFC 764");
                    expected.add(tuple(first.key(), "refused"));
                } else {
                    assertThat(r.statusCode()).as("%s: %s", step.name(), r.body()).isEqualTo(step.lenientStatus());
                    step.deviations().forEach(t -> expected.add(tuple(t.key(), "tolerated")));
                }
                if (step.refusal() != null) {
                    expected.add(tuple(step.refusal(), "refused"));
                }
                if (step.saveIdAs() != null) {
                    run.put(step.saveIdAs(), ServerFixture.json(r).getText("id").orElseThrow());
                }
            }

            ComplexValue report = report(server, server.tenantId);
            assertThat(report.getText("profile")).hasValue(profile);
            List<ComplexValue> lines = lines(report);
            assertThat(lines).extracting(l -> tuple(l.getText("kind").orElseThrow(), l.getText("outcome").orElseThrow()))
                    .containsExactlyInAnyOrderElementsOf(expected);
            for (ComplexValue line : lines) {
                String example = line.getText("example").orElseThrow();
                assertThat(example).as("a redacted request line").matches("(GET|POST|PUT|PATCH|DELETE) /scim/v2/"
                        + "\\{tenantId}(/[A-Za-z.]+|/\\{id})*(\\?[A-Za-z&]+)?( \\([A-Za-z:.0-9]+\\))?");
                run.secrets.forEach(s -> assertThat(example).doesNotContain(s));
            }
            if (vendor.equals("Entra ID") && !strict) {
                assertThat(count(lines, "op-case")).as("seven of Entra's PATCH requests capitalise op").isEqualTo(7);
                assertThat(line(lines, "boolean-as-string").getText("example"))
                        .hasValue("PATCH /scim/v2/{tenantId}/Users/{id} (active)");
            }
        }
    }

    @Test
    void aRefusalIsCountedUnderEitherProfile() {
        try (ServerFixture server = ServerFixture.inMemory()) {
            for (String profile : List.of("lenient", "strict")) {
                setProfile(server, profile);
                HttpResponse<String> r = server.scim("GET", "/Users" + filter("userName eq"), null);
                assertThat(r.statusCode()).isEqualTo(400);
                assertThat(ServerFixture.json(r).getText("scimType")).hasValue("invalidFilter");
            }
            ComplexValue invalidFilter = line(lines(report(server, server.tenantId)), "invalidFilter");
            assertThat(invalidFilter.getOrNull("count")).isEqualTo(IntegerValue.of(2));
            assertThat(invalidFilter.getText("category")).hasValue("refusal");
            assertThat(invalidFilter.getText("example")).hasValue("GET /scim/v2/{tenantId}/Users?filter");
        }
    }

    @Test
    void aStrictBulkRefusesTheDeviatingOperationAndCountsItOnce() {
        try (ServerFixture server = ServerFixture.inMemory()) {
            String user = GroupClient.user(server, "bulk@example.com");
            setProfile(server, "strict");
            String replace = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":"
                    + "[{\"op\":\"Replace\",\"path\":\"nickName\",\"value\":\"B\"}]}";
            HttpResponse<String> r = server.scim("POST", "/Bulk", "{\"schemas\":"
                    + "[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":["
                    + "{\"method\":\"PATCH\",\"path\":\"/Users/" + user + "\",\"data\":" + replace + "},"
                    + "{\"method\":\"PATCH\",\"path\":\"/Users/" + user + "\",\"data\":" + replace + "},"
                    + "{\"method\":\"DELETE\",\"path\":\"/Users/no-such-user\"}]}");

            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            List<Value> results = ServerFixture.json(r).getMulti("Operations").values();
            assertThat(results).extracting(v -> ((ComplexValue) v).getText("status").orElseThrow())
                    .containsExactly("400", "400", "404");
            assertThat(lines(report(server, server.tenantId))).extracting(l -> tuple(l.getText("kind").orElseThrow(),
                    l.getText("outcome").orElseThrow(), l.getOrNull("count")))
                    .containsExactlyInAnyOrder(tuple("op-case", "refused", IntegerValue.of(1)),
                            tuple("notFound", "refused", IntegerValue.of(1)));
        }
    }

    @Test
    void theReportIsForTheOperatorAndTheOrganizationsOwnAdministratorsOnly() {
        try (ServerFixture server = ServerFixture.inMemory()) {
            String path = "/admin/v1/tenants/" + server.tenantId + "/deviations";
            String key = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + server.tenantId + "/admin-keys",
                    ServerFixture.ADMIN_TOKEN, null)).getText("adminKey").orElseThrow();
            String other = ServerFixture.json(server.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                    "{\"name\":\"Globex\"}")).getText("id").orElseThrow();

            assertThat(server.send("GET", path, key, null).statusCode()).isEqualTo(200);
            assertThat(server.send("GET", path, null, null).statusCode()).isEqualTo(401);
            assertThat(server.send("GET", path, server.secret, null).statusCode()).isEqualTo(401);
            assertThat(server.send("GET", "/admin/v1/tenants/" + other + "/deviations", key, null).statusCode())
                    .isEqualTo(401);
            assertThat(server.send("GET", "/admin/v1/tenants/nosuch/deviations", ServerFixture.ADMIN_TOKEN, null)
                    .statusCode()).isEqualTo(404);
        }
    }

    private static void setProfile(ServerFixture server, String profile) {
        HttpResponse<String> r = server.send("PATCH", "/admin/v1/tenants/" + server.tenantId, ServerFixture.ADMIN_TOKEN,
                "{\"profile\":\"" + profile + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    static ComplexValue report(ServerFixture server, String tenant) {
        HttpResponse<String> r = server.send("GET", "/admin/v1/tenants/" + tenant + "/deviations",
                ServerFixture.ADMIN_TOKEN, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ServerFixture.json(r);
    }

    static List<ComplexValue> lines(ComplexValue report) {
        return report.getMulti("deviations").values().stream().map(v -> (ComplexValue) v).toList();
    }

    private static ComplexValue line(List<ComplexValue> lines, String kind) {
        return lines.stream().filter(l -> l.getText("kind").orElseThrow().equals(kind)).findFirst().orElseThrow();
    }

    private static long count(List<ComplexValue> lines, String kind) {
        return ((IntegerValue) line(lines, kind).getOrNull("count")).value();
    }
}
