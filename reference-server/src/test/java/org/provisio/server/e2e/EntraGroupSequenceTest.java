package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.e2e.GroupClient.filter;
import static org.provisio.server.e2e.GroupClient.memberIds;
import static org.provisio.server.e2e.GroupClient.patch;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.server.ServerFixture;

/**
 * Microsoft Entra ID's documented group sequence ("Tutorial: Develop and plan provisioning for a
 * SCIM endpoint", group operations) over real HTTP, in order: create with empty members and
 * Entra's extra schema URN, get excluding members, find by {@code displayName} (excluding
 * members), rename with a capitalised {@code Replace}, add members, remove members by value array
 * and by {@code members[value eq "..."]}, delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EntraGroupSequenceTest {
    private static final String ENTRA_GROUP = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";
    private ServerFixture server;
    private String id;
    private final String displayName = "displayName_" + UUID.randomUUID();
    private List<String> users;

    @BeforeAll
    void start() {
        server = ServerFixture.inMemory();
        users = List.of(GroupClient.user(server, "ann@example.com"), GroupClient.user(server, "ben@example.com"),
                GroupClient.user(server, "cat@example.com"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void createGroupWithEmptyMembers() {
        HttpResponse<String> r = server.scim("POST", "/Groups", "{\"schemas\":[\"" + GroupClient.GROUP + "\",\""
                + ENTRA_GROUP + "\"],\"externalId\":\"8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159\","
                + "\"displayName\":\"" + displayName + "\",\"meta\":{\"resourceType\":\"Group\"},\"members\":[]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ComplexValue group = ServerFixture.json(r);
        id = group.getText("id").orElseThrow();
        assertThat(r.headers().firstValue("Location")).hasValue(server.base + server.scim() + "/Groups/" + id);
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"1\"");
        assertThat(group.getText("displayName")).hasValue(displayName);
        assertThat(group.getText("externalId")).hasValue("8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159");
        assertThat(group.getMulti("schemas").values()).extracting(v -> v.asText()).containsExactly(GroupClient.GROUP);
        ComplexValue meta = group.getComplex("meta").orElseThrow();
        assertThat(meta.getText("resourceType")).hasValue("Group");
        assertThat(meta.getText("location")).hasValue(server.base + server.scim() + "/Groups/" + id);
        assertThat(group.has("members")).isFalse();
    }

    @Test
    @Order(2)
    void getGroupExcludingMembers() {
        HttpResponse<String> r = server.scim("GET", "/Groups/" + id + "?excludedAttributes=members", null);

        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue group = ServerFixture.json(r);
        assertThat(group.getText("displayName")).hasValue(displayName);
        assertThat(group.has("members")).isFalse();
    }

    @Test
    @Order(3)
    void findGroupByDisplayName() {
        HttpResponse<String> r = server.scim("GET", "/Groups" + filter("displayName eq \"" + displayName + "\"")
                + "&excludedAttributes=members", null);

        assertThat(r.statusCode()).isEqualTo(200);
        ComplexValue list = ServerFixture.json(r);
        assertThat(list.getOrNull("totalResults")).isEqualTo(IntegerValue.of(1));
        assertThat(GroupClient.first(list).getText("id")).hasValue(id);
        HttpResponse<String> none = server.scim("GET", "/Groups" + filter("displayName eq \"" + UUID.randomUUID() + "\""),
                null);
        assertThat(ServerFixture.json(none).getOrNull("totalResults")).isEqualTo(IntegerValue.of(0));
    }

    @Test
    @Order(4)
    void renameAnswers204WithTheNewETag() {
        HttpResponse<String> r = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName\"}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(r.body()).isEmpty();
        assertThat(r.headers().firstValue("ETag")).hasValue("W/\"2\"");
        assertThat(GroupClient.get(server, id).getText("displayName"))
                .hasValue("1879db59-3bdf-4490-ad68-ab880a269474updatedDisplayName");
    }

    @Test
    @Order(5)
    void addMembers() {
        HttpResponse<String> r = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"Add\",\"path\":\"members\",\"value\":" + GroupClient.members(users) + "}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        ComplexValue group = GroupClient.get(server, id);
        assertThat(memberIds(group)).containsExactlyInAnyOrderElementsOf(users);
        ComplexValue ann = (ComplexValue) group.getMulti("members").values().get(0);
        assertThat(ann.getText("display")).hasValue("ann@example.com");
        assertThat(ann.getText("type")).hasValue("User");
        assertThat(ann.getText("$ref")).hasValue(server.base + server.scim() + "/Users/" + users.get(0));
    }

    @Test
    @Order(6)
    void removeMembersByValueArrayKeepsTheOthers() {
        HttpResponse<String> r = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(0) + "\"}]}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(memberIds(GroupClient.get(server, id))).containsExactlyInAnyOrder(users.get(1), users.get(2));
    }

    @Test
    @Order(7)
    void removeMemberByValueFilterKeepsTheOthers() {
        HttpResponse<String> r = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users.get(1) + "\\\"]\"}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        assertThat(memberIds(GroupClient.get(server, id))).containsExactly(users.get(2));
    }

    @Test
    @Order(8)
    void deleteGroupLeavesItsUsers() {
        HttpResponse<String> r = server.scim("DELETE", "/Groups/" + id, null);

        assertThat(r.statusCode()).isEqualTo(204);
        assertThat(server.scim("GET", "/Groups/" + id, null).statusCode()).isEqualTo(404);
        assertThat(server.scim("GET", "/Users/" + users.get(2), null).statusCode()).isEqualTo(200);
    }
}
