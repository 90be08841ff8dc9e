package org.provisio.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ScimResource;
import org.provisio.server.ServerFixture;

/**
 * The users list at 100,000 users: the first page, a page deep inside, the last page, a status tab
 * and a search each answer quickly, because the console asks the domain for one page (and one query
 * for that page's emails), never for everything. The in-memory store, so that the test measures the
 * console's own cost; the stores' paging is their contract suite's business.
 */
class ConsoleScaleTest {
    private static final int USERS = 100_000;
    private static ServerFixture server;
    private static ConsoleHttp operator;

    @BeforeAll
    static void provision() {
        server = ServerFixture.inMemory();
        TenantId tenant = TenantId.of(server.tenantId);
        ProvisionUser provision = server.provisioning.provisionUser();
        for (int i = 0; i < USERS; i++) {
            // every tenth one unassigned at once (Suspended, no invitation); the rest Pending
            String name = String.format(Locale.ROOT, "user%06d@scale.example", i);
            String json = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + name
                    + "\",\"active\":" + (i % 10 != 0) + ",\"name\":{\"givenName\":\"Scale" + i + "\"},"
                    + "\"emails\":[{\"type\":\"work\",\"value\":\"" + name + "\"}]}";
            provision.provision(new ProvisionUser.Command(tenant, Actor.system(),
                    ScimResource.of(ScimJson.readObject(json))));
        }
        operator = ConsoleHttp.signIn(server, ServerFixture.ADMIN_TOKEN);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void everyPageOfAHundredThousandUsersAnswersQuickly() {
        String users = "/console/organizations/" + server.tenantId + "/users";
        List<String> pages = List.of(users, users + "?page=1000", users + "?page=2000", users + "?status=suspended",
                users + "?status=pending&page=900", users + "?q=user099999");
        // warm up: the first request of a JVM compiles the code paths
        pages.forEach(operator::get);
        List<Long> millis = new ArrayList<>();
        for (String page : pages) {
            long start = System.nanoTime();
            HttpResponse<String> r = operator.get(page);
            millis.add((System.nanoTime() - start) / 1_000_000);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
        }
        assertThat(operator.get(users).body()).contains("1\u201350 of 100,000 users").contains("user000000@scale.example");
        assertThat(operator.get(users + "?page=2000").body()).contains("99,951\u2013100,000 of 100,000 users")
                .contains("user099999@scale.example").doesNotContain("rel=\"next\"");
        assertThat(operator.get(users + "?status=suspended").body()).contains("of 10,000 users")
                .contains("purged in 30 days");
        assertThat(operator.get(users + "?q=user099999").body()).contains("1\u20131 of 1 user");
        assertThat(millis).as("milliseconds per page %s", millis).allSatisfy(ms -> assertThat(ms).isLessThan(1_500));
    }
}
