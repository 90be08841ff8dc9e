package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.provisio.scim.resource.ComplexValue;

/** Provisions users over SCIM for the tests. */
public final class TestUsers {
    private TestUsers() {
    }

    public static String body(String userName, boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + userName
                + "\",\"active\":" + active + ",\"emails\":[{\"type\":\"work\",\"primary\":true,\"value\":\"" + userName
                + "\"}]}";
    }

    /** {@code POST /Users}, asserting 201; the created resource. */
    public static ComplexValue create(ServerFixture fixture, String userName, boolean active) {
        HttpResponse<String> r = fixture.scim("POST", "/Users", body(userName, active));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return ServerFixture.json(r);
    }

    public static String id(ComplexValue resource) {
        return resource.getText("id").orElseThrow();
    }
}
