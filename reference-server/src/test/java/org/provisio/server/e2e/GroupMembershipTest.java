package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.e2e.GroupClient.filter;
import static org.provisio.server.e2e.GroupClient.memberIds;
import static org.provisio.server.e2e.GroupClient.patch;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.server.ServerFixture;

/**
 * Group rules over HTTP: who can be a member, {@code displayName} uniqueness, memberships across
 * the user lifecycle, the user's {@code groups} attribute and filter, ETags, search and discovery.
 */
class GroupMembershipTest {
    private ServerFixture server;
    private String ann;
    private String ben;
    private String stranger;
    private String groupId;

    @BeforeEach
    void start() {
        server = ServerFixture.inMemory();
        ann = GroupClient.user(server, "ann@example.com");
        ben = GroupClient.user(server, "ben@example.com");
        String otherTenant = ServerFixture.json(server.send("POST", "/admin/v1/tenants", ServerFixture.ADMIN_TOKEN,
                "{\"name\":\"Globex\"}")).getText("id").orElseThrow();
        String secret = ServerFixture.json(server.send("POST", "/admin/v1/tenants/" + otherTenant + "/credentials",
                ServerFixture.ADMIN_TOKEN, null)).getText("secretToken").orElseThrow();
        stranger = ServerFixture.json(server.send("POST", "/scim/v2/" + otherTenant + "/Users", secret,
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"stranger@globex.example\"}"))
                .getText("id").orElseThrow();
        groupId = ServerFixture.json(server.scim("POST", "/Groups", group("Sales", List.of(ann)))).getText("id")
                .orElseThrow();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String group(String displayName, List<String> members) {
        return "{\"schemas\":[\"" + GroupClient.GROUP + "\"],\"displayName\":\"" + displayName + "\",\"members\":"
                + GroupClient.members(members) + "}";
    }

    /** A request that names a member that cannot be one → 400 invalidValue, whose detail names it. */
    static Stream<Arguments> badMembers() {
        return Stream.of(
                Arguments.of("POST with an unknown id", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("POST", "/Groups", group("Other", List.of("no-such-user"))), "no-such-user"),
                Arguments.of("POST with a user of another tenant", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("POST", "/Groups", group("Other", List.of(t.ann, t.stranger))), "@stranger"),
                Arguments.of("PATCH add of an unknown id", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("PATCH", "/Groups/" + t.groupId, patch("{\"op\":\"Add\",\"path\":\"members\","
                                + "\"value\":[{\"value\":\"" + t.ben + "\"},{\"value\":\"ghost\"}]}")), "ghost"),
                Arguments.of("PATCH add of another tenant's user", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("PATCH", "/Groups/" + t.groupId, patch("{\"op\":\"add\",\"path\":\"members\","
                                + "\"value\":[{\"value\":\"" + t.stranger + "\"}]}")), "@stranger"),
                Arguments.of("PATCH add of a group", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("PATCH", "/Groups/" + t.groupId, patch("{\"op\":\"add\",\"path\":\"members\","
                                + "\"value\":[{\"value\":\"" + t.groupId + "\"}]}")), "group"),
                Arguments.of("PATCH add typed Group", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("PATCH", "/Groups/" + t.groupId, patch("{\"op\":\"add\",\"path\":\"members\","
                                + "\"value\":[{\"value\":\"" + t.ben + "\",\"type\":\"Group\"}]}")), "Groups cannot"),
                Arguments.of("PUT with an unknown id", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("PUT", "/Groups/" + t.groupId, group("Sales", List.of("x y"))), "x y"),
                Arguments.of("PATCH add without value", (Function<GroupMembershipTest, HttpResponse<String>>)
                        t -> t.server.scim("PATCH", "/Groups/" + t.groupId, patch("{\"op\":\"add\",\"path\":\"members\","
                                + "\"value\":[{\"display\":\"x\"}]}")), "value"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badMembers")
    void aMemberThatIsNotAUserOfTheTenantIs400(String name, Function<GroupMembershipTest, HttpResponse<String>> send,
                                                String named) {
        HttpResponse<String> r = send.apply(this);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        ComplexValue error = ServerFixture.json(r);
        assertThat(error.getText("scimType")).hasValue("invalidValue");
        assertThat(error.getText("detail").orElseThrow()).contains(named.replace("@stranger", stranger));
        assertThat(memberIds(GroupClient.get(server, groupId))).containsExactly(ann);
        assertThat(GroupClient.get(server, groupId).getComplex("meta").orElseThrow().getText("version"))
                .hasValue("W/\"1\"");
    }

    @Test
    void aDuplicateDisplayNameIs409InAnyCase() {
        HttpResponse<String> create = server.scim("POST", "/Groups", group("SALES", List.of()));
        String other = ServerFixture.json(server.scim("POST", "/Groups", group("Marketing", List.of()))).getText("id")
                .orElseThrow();
        HttpResponse<String> rename = server.scim("PATCH", "/Groups/" + other,
                patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"sales\"}"));

        assertThat(create.statusCode()).isEqualTo(409);
        assertThat(ServerFixture.json(create).getText("scimType")).hasValue("uniqueness");
        assertThat(rename.statusCode()).isEqualTo(409);
        assertThat(ServerFixture.json(rename).getText("scimType")).hasValue("uniqueness");
    }

    @Test
    void aSuspendedUserStaysAMemberAndAHardDeletedUserLeaves() {
        server.scim("PATCH", "/Groups/" + groupId, patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ben + "\"}]}"));

        HttpResponse<String> suspend = server.scim("PATCH", "/Users/" + ann,
                patch("{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}"));
        assertThat(suspend.statusCode()).isEqualTo(200);
        assertThat(memberIds(GroupClient.get(server, groupId))).containsExactly(ann, ben);

        assertThat(server.scim("DELETE", "/Users/" + ann, null).statusCode()).isEqualTo(204);
        assertThat(memberIds(GroupClient.get(server, groupId))).containsExactly(ben);
    }

    @Test
    void aUsersGroupsAttributeShowsMembershipsAndIsFilterable() {
        ComplexValue user = ServerFixture.json(server.scim("GET", "/Users/" + ann, null));
        ComplexValue ref = (ComplexValue) user.getMulti("groups").values().get(0);
        assertThat(ref.getText("value")).hasValue(groupId);
        assertThat(ref.getText("display")).hasValue("Sales");

        ComplexValue found = ServerFixture.json(server.scim("GET", "/Users" + filter("groups.value eq \"" + groupId + "\""), null));
        assertThat(found.getOrNull("totalResults")).isEqualTo(IntegerValue.of(1));
        assertThat(GroupClient.first(found).getText("id")).hasValue(ann);
        ComplexValue byMember = ServerFixture.json(server.scim("GET", "/Groups" + filter("members.value eq \"" + ann + "\""), null));
        assertThat(GroupClient.first(byMember).getText("id")).hasValue(groupId);
    }

    @Test
    void deletingAGroupKeepsItsUsersAndClearsTheirGroups() {
        assertThat(server.scim("DELETE", "/Groups/" + groupId, null).statusCode()).isEqualTo(204);

        ComplexValue user = ServerFixture.json(server.scim("GET", "/Users/" + ann, null));
        assertThat(user.has("groups")).isFalse();
    }

    /**
     * RFC 7643 §3.1 / RFC 7644 §3.14: a user's {@code groups} is part of its representation, so a
     * membership change gives the user a new ETag, and an {@code If-Match} with the old one fails.
     */
    @Test
    void aUsersEtagMovesWhenItsGroupsChange() {
        HttpResponse<String> before = server.scim("GET", "/Users/" + ben, null);
        String etag = before.headers().firstValue("ETag").orElseThrow();

        HttpResponse<String> added = server.scim("PATCH", "/Groups/" + groupId,
                patch("{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + ben + "\"}]}"));
        assertThat(added.statusCode()).isBetween(200, 204);

        HttpResponse<String> after = server.scim("GET", "/Users/" + ben, null);
        assertThat(after.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(etag);
        assertThat(ServerFixture.json(after).getMulti("groups").values()).hasSize(1);
        HttpResponse<String> stale = server.scim("PATCH", "/Users/" + ben,
                patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"), "If-Match", etag);
        assertThat(stale.statusCode()).isEqualTo(412);
        HttpResponse<String> fresh = server.scim("PATCH", "/Users/" + ben,
                patch("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}"), "If-Match",
                after.headers().firstValue("ETag").orElseThrow());
        assertThat(fresh.statusCode()).isEqualTo(200);
    }

    @Test
    void etagsGuardGroupWrites() {
        HttpResponse<String> stale = server.scim("PATCH", "/Groups/" + groupId,
                patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}"), "If-Match", "W/\"7\"");
        HttpResponse<String> fresh = server.scim("PATCH", "/Groups/" + groupId,
                patch("{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"X\"}"), "If-Match", "W/\"1\"");
        HttpResponse<String> notModified = server.scim("GET", "/Groups/" + groupId, null, "If-None-Match", "W/\"2\"");
        HttpResponse<String> staleDelete = server.scim("DELETE", "/Groups/" + groupId, null, "If-Match", "W/\"1\"");

        assertThat(stale.statusCode()).isEqualTo(412);
        assertThat(fresh.statusCode()).isEqualTo(204);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(staleDelete.statusCode()).isEqualTo(412);
    }

    @Test
    void searchPagesSortsAndProjects() {
        server.scim("POST", "/Groups", group("Engineering", List.of(ben)));
        HttpResponse<String> r = server.scim("POST", "/Groups/.search", "{\"schemas\":"
                + "[\"urn:ietf:params:scim:api:messages:2.0:SearchRequest\"],\"sortBy\":\"displayName\","
                + "\"attributes\":[\"displayName\"],\"startIndex\":1,\"count\":1}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ComplexValue list = ServerFixture.json(r);
        assertThat(list.getOrNull("totalResults")).isEqualTo(IntegerValue.of(2));
        ComplexValue first = GroupClient.first(list);
        assertThat(first.getText("displayName")).hasValue("Engineering");
        assertThat(first.has("members")).isFalse();
        ComplexValue byExternal = ServerFixture.json(server.scim("GET", "/Groups" + filter("externalId eq \"none\""), null));
        assertThat(byExternal.getOrNull("totalResults")).isEqualTo(IntegerValue.of(0));
    }

    @Test
    void discoveryAdvertisesGroups() {
        ComplexValue types = ServerFixture.json(server.scim("GET", "/ResourceTypes", null));
        ComplexValue schemas = ServerFixture.json(server.scim("GET", "/Schemas", null));

        assertThat(types.getMulti("Resources").values()).extracting(v -> ((ComplexValue) v).getText("name").orElseThrow())
                .contains("User", "Group");
        assertThat(schemas.getMulti("Resources").values()).extracting(v -> ((ComplexValue) v).getText("id").orElseThrow())
                .contains(GroupClient.GROUP);
        assertThat(server.scim("GET", "/ResourceTypes/Group", null).statusCode()).isEqualTo(200);
    }
}
