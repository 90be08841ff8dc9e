package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;
import org.provisio.server.ServerFixture;

/** Small SCIM helpers for the group sequences: users to be members, filters, member ids of a response. */
final class GroupClient {
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    private GroupClient() {
    }

    /** Creates a user, returns its id. */
    static String user(ServerFixture server, String userName) {
        HttpResponse<String> r = server.scim("POST", "/Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"active\":true}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ServerFixture.json(r).getText("id").orElseThrow();
    }

    static String filter(String f) {
        return "?filter=" + URLEncoder.encode(f, StandardCharsets.UTF_8);
    }

    /** A PatchOp body with the given operations (JSON objects). */
    static String patch(String... operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":[" + String.join(",", operations) + "]}";
    }

    /** {@code [{"value":"a"},{"value":"b"}]}. */
    static String members(List<String> ids) {
        StringBuilder b = new StringBuilder("[");
        for (String id : ids) {
            b.append(b.length() == 1 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        return b.append("]").toString();
    }

    /** The member ids of a group resource, in response order. */
    static List<String> memberIds(ComplexValue group) {
        return group.getMulti("members").values().stream()
                .map(v -> ((ComplexValue) v).getText("value").orElseThrow()).toList();
    }

    /** The current group as the server returns it. */
    static ComplexValue get(ServerFixture server, String id) {
        HttpResponse<String> r = server.scim("GET", "/Groups/" + id, null);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ServerFixture.json(r);
    }

    static ComplexValue first(ComplexValue list) {
        List<Value> resources = list.getMulti("Resources").values();
        assertThat(resources).isNotEmpty();
        return (ComplexValue) resources.get(0);
    }
}
