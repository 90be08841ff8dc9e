package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.server.e2e.GroupClient.memberIds;
import static org.provisio.server.e2e.GroupClient.patch;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.server.ServerFixture;

/**
 * Okta's group push sequence ("SCIM 2.0 protocol reference", group operations) over real HTTP:
 * create with members, path-less rename whose value carries an {@code id} that is ignored,
 * PATCH add and remove members, full {@code PUT} of the membership, delete.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OktaGroupSequenceTest {
    private ServerFixture server;
    private String id;
    private List<String> users;

    @BeforeAll
    void start() {
        server = ServerFixture.inMemory();
        users = List.of(GroupClient.user(server, "ann@okta.example"), GroupClient.user(server, "ben@okta.example"),
                GroupClient.user(server, "cat@okta.example"), GroupClient.user(server, "dan@okta.example"));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void createGroupWithMembers() {
        HttpResponse<String> r = server.scim("POST", "/Groups", "{\"schemas\":[\"" + GroupClient.GROUP + "\"],"
                + "\"displayName\":\"Test SCIMv2\",\"members\":[{\"value\":\"" + users.get(0)
                + "\",\"display\":\"ann@okta.example\"},{\"value\":\"" + users.get(1) + "\"}]}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        ComplexValue group = ServerFixture.json(r);
        id = group.getText("id").orElseThrow();
        assertThat(memberIds(group)).containsExactly(users.get(0), users.get(1));
    }

    @Test
    @Order(2)
    void pathlessRenameIgnoresTheId() {
        HttpResponse<String> r = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"replace\",\"value\":{\"id\":\"abf4dd94-a4c0-4f67-89c9-76b03340cb9b\","
                        + "\"displayName\":\"Test SCIMv2 Renamed\"}}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
        ComplexValue group = GroupClient.get(server, id);
        assertThat(group.getText("id")).hasValue(id);
        assertThat(group.getText("displayName")).hasValue("Test SCIMv2 Renamed");
        assertThat(memberIds(group)).containsExactly(users.get(0), users.get(1));
    }

    @Test
    @Order(3)
    void patchAddsAndRemovesMembers() {
        HttpResponse<String> add = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + users.get(2)
                        + "\",\"display\":\"cat@okta.example\"}]}"));
        HttpResponse<String> remove = server.scim("PATCH", "/Groups/" + id, patch(
                "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users.get(0) + "\\\"]\"}"));

        assertThat(add.statusCode()).as(add.body()).isEqualTo(204);
        assertThat(remove.statusCode()).as(remove.body()).isEqualTo(204);
        assertThat(memberIds(GroupClient.get(server, id))).containsExactly(users.get(1), users.get(2));
    }

    @Test
    @Order(4)
    void putReplacesTheWholeMembership() {
        HttpResponse<String> r = server.scim("PUT", "/Groups/" + id, "{\"schemas\":[\"" + GroupClient.GROUP + "\"],"
                + "\"id\":\"" + id + "\",\"displayName\":\"Test SCIMv2 Renamed\",\"members\":"
                + GroupClient.members(List.of(users.get(3), users.get(2))) + "}");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(memberIds(ServerFixture.json(r))).containsExactly(users.get(2), users.get(3));
        assertThat(memberIds(GroupClient.get(server, id))).containsExactly(users.get(2), users.get(3));
    }

    @Test
    @Order(5)
    void patchWithAttributesAnswers200WithTheProjectedGroup() {
        HttpResponse<String> r = server.scim("PATCH", "/Groups/" + id + "?attributes=members", patch(
                "{\"op\":\"replace\",\"path\":\"members\",\"value\":" + GroupClient.members(List.of(users.get(0))) + "}"));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        ComplexValue group = ServerFixture.json(r);
        assertThat(memberIds(group)).containsExactly(users.get(0));
        assertThat(group.has("displayName")).isFalse();
    }

    @Test
    @Order(6)
    void deleteGroup() {
        assertThat(server.scim("DELETE", "/Groups/" + id, null).statusCode()).isEqualTo(204);
        assertThat(server.scim("GET", "/Groups/" + id, null).statusCode()).isEqualTo(404);
        assertThat(server.scim("DELETE", "/Groups/" + id, null).statusCode()).isEqualTo(404);
    }
}
