package org.provisio.jaxrs.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.jaxrs.scim.BulkResourceTest.GROUP;
import static org.provisio.jaxrs.scim.BulkResourceTest.USER;
import static org.provisio.jaxrs.scim.BulkResourceTest.q;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;

/**
 * {@code POST /.search} at the tenant root searches every resource type (RFC 7644 §3.4.3): users, then
 * groups, paged as one list.
 */
class RootSearchTest {
    private static final String SEARCH = "'schemas':['urn:ietf:params:scim:api:messages:2.0:SearchRequest'],";
    private static ScimTestServer server;

    @BeforeAll
    static void provision() {
        server = ScimTestServer.inMemory();
        for (String[] u : new String[][] {{"ann@example.com", "Ann Arbor"}, {"anna@example.com", "Anna Karenina"},
                {"bob@example.com", "Bob Dylan"}}) {
            assertThat(server.scim("POST", "/Users", q("{" + USER + "'userName':'" + u[0] + "','displayName':'"
                    + u[1] + "'}")).statusCode()).isEqualTo(201);
        }
        for (String g : List.of("Annex", "Board")) {
            assertThat(server.scim("POST", "/Groups", q("{" + GROUP + "'displayName':'" + g + "'}")).statusCode())
                    .isEqualTo(201);
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ComplexValue search(String body) {
        HttpResponse<String> r = server.scim("POST", "/.search", q("{" + SEARCH + body + "}"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return ScimTestServer.json(r);
    }

    /** Each resource as "User:Ann Arbor" or "Group:Annex". */
    private static List<String> found(ComplexValue list) {
        List<String> out = new ArrayList<>();
        for (Value v : list.getMulti("Resources").values()) {
            ComplexValue r = (ComplexValue) v;
            String type = r.getComplex("meta").orElseThrow().getText("resourceType").orElseThrow();
            out.add(type + ":" + r.getText("displayName").orElseThrow());
        }
        return out;
    }

    @Test
    void aFilterBothTypesDefineFindsUsersThenGroups() {
        ComplexValue list = search("'filter':'displayName sw \\\"An\\\"','sortBy':'displayName'");
        assertThat(found(list)).containsExactly("User:Ann Arbor", "User:Anna Karenina", "Group:Annex");
        assertThat(Long.parseLong(list.getText("totalResults").orElseThrow())).isEqualTo(3);
    }

    @Test
    void anAttributeOnlyUsersHaveMatchesNoGroup() {
        ComplexValue list = search("'filter':'userName sw \\\"ann\\\"','sortBy':'userName'");
        assertThat(found(list)).containsExactly("User:Ann Arbor", "User:Anna Karenina");
    }

    @Test
    void anAttributeOnlyGroupsHaveMatchesNoUser() {
        ComplexValue list = search("'filter':'members pr or displayName eq \\\"Board\\\"'");
        assertThat(found(list)).containsExactly("Group:Board");
    }

    @Test
    void withoutAFilterEverythingIsFound() {
        ComplexValue list = search("'sortBy':'displayName','sortOrder':'descending'");
        assertThat(found(list)).containsExactly("User:Bob Dylan", "User:Anna Karenina", "User:Ann Arbor",
                "Group:Board", "Group:Annex");
        assertThat(Long.parseLong(list.getText("totalResults").orElseThrow())).isEqualTo(5);
    }

    @Test
    void startIndexAndCountPageAcrossTheTwoTypes() {
        String all = "'sortBy':'displayName',";
        assertThat(found(search(all + "'startIndex':2,'count':3")))
                .containsExactly("User:Anna Karenina", "User:Bob Dylan", "Group:Annex");
        ComplexValue groupsOnly = search(all + "'startIndex':4,'count':10");
        assertThat(found(groupsOnly)).containsExactly("Group:Annex", "Group:Board");
        assertThat(Long.parseLong(groupsOnly.getText("startIndex").orElseThrow())).isEqualTo(4L);
        assertThat(Long.parseLong(groupsOnly.getText("totalResults").orElseThrow())).isEqualTo(5);
        assertThat(found(search(all + "'startIndex':6,'count':10"))).isEmpty();
        ComplexValue none = search(all + "'count':0");
        assertThat(found(none)).isEmpty();
        assertThat(Long.parseLong(none.getText("totalResults").orElseThrow())).isEqualTo(5);
    }

    @Test
    void anotherTenantFindsNothingOfThisOne() {
        HttpResponse<String> r = server.scim(server.b, "POST", "/.search", q("{" + SEARCH + "'count':10}"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(found(ScimTestServer.json(r))).isEmpty();
    }

    @Test
    void aMalformedFilterIsInvalidFilter() {
        HttpResponse<String> r = server.scim("POST", "/.search", q("{" + SEARCH + "'filter':'displayName sw'}"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ScimTestServer.json(r).getText("scimType")).contains("invalidFilter");
    }

    /** RFC 9865 cursors are issued on /Users and /Groups only; the root never issued one. */
    @Test
    void aCursorAtTheRootIsInvalidCursor() {
        HttpResponse<String> r = server.scim("POST", "/.search", q("{" + SEARCH + "'cursor':'','count':2}"));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ScimTestServer.json(r).getText("scimType")).contains("invalidCursor");
    }
}
