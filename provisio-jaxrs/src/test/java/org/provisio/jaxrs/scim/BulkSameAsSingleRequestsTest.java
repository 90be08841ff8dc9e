package org.provisio.jaxrs.scim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.provisio.jaxrs.scim.BulkResourceTest.GROUP;
import static org.provisio.jaxrs.scim.BulkResourceTest.USER;
import static org.provisio.jaxrs.scim.BulkResourceTest.q;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TenantId;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.Value;

/**
 * Each bulk operation goes through the use case of its single request: the same lifecycle sequence
 * sent as single requests by tenant A and as one Bulk request by tenant B leaves the same audit
 * entries and the same outbox messages (invitation emails and lifecycle events), ids aside.
 */
class BulkSameAsSingleRequestsTest {
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static String patch(String op) {
        return "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':[" + op + "]}";
    }

    @Test
    void theSameSequenceLeavesTheSameAuditAndOutbox() {
        try (ScimTestServer server = ScimTestServer.inMemory()) {
            String alice = "{" + USER + "'userName':'alice@example.com','emails':[{'value':'alice@example.com','primary':true}]}";
            String bob = "{" + USER + "'userName':'bob@example.com','active':false,'emails':[{'value':'bob@example.com'}]}";
            String title = patch("{'op':'replace','path':'title','value':'Guide'}");
            String suspend = patch("{'op':'replace','path':'active','value':false}");
            String restoreBob = "{" + USER + "'userName':'bob@example.com','active':true,'emails':[{'value':'bob@example.com'}]}";

            // tenant A: single requests
            String a = id(created(server.scim("POST", "/Users", q(alice))));
            String b = id(created(server.scim("POST", "/Users", q(bob))));
            ok(server.scim("PATCH", "/Users/" + a, q(title)));
            ok(server.scim("PATCH", "/Users/" + a, q(suspend)));
            ok(server.scim("PUT", "/Users/" + b, q(restoreBob)));
            String g = id(created(server.scim("POST", "/Groups",
                    q("{" + GROUP + "'displayName':'Guides','members':[{'value':'" + a + "'}]}"))));
            ok(server.scim("PATCH", "/Groups/" + g, q(patch("{'op':'add','path':'members','value':[{'value':'" + b + "'}]}"))));
            ok(server.scim("PUT", "/Groups/" + g, q("{" + GROUP + "'displayName':'Tour Guides','members':[{'value':'" + b + "'}]}")));
            ok(server.scim("DELETE", "/Groups/" + g, null));
            ok(server.scim("DELETE", "/Users/" + a, null));

            // tenant B: the same as one Bulk request
            HttpResponse<String> bulk = server.scim(server.b, "POST", "/Bulk", BulkResourceTest.request(
                    "{'method':'POST','path':'/Users','bulkId':'a','data':" + alice + "}",
                    "{'method':'POST','path':'/Users','bulkId':'b','data':" + bob + "}",
                    "{'method':'PATCH','path':'/Users/bulkId:a','data':" + title + "}",
                    "{'method':'PATCH','path':'/Users/bulkId:a','data':" + suspend + "}",
                    "{'method':'PUT','path':'/Users/bulkId:b','data':" + restoreBob + "}",
                    "{'method':'POST','path':'/Groups','bulkId':'g','data':{" + GROUP
                            + "'displayName':'Guides','members':[{'value':'bulkId:a'}]}}",
                    "{'method':'PATCH','path':'/Groups/bulkId:g','data':"
                            + patch("{'op':'add','path':'members','value':[{'value':'bulkId:b'}]}") + "}",
                    "{'method':'PUT','path':'/Groups/bulkId:g','data':{" + GROUP
                            + "'displayName':'Tour Guides','members':[{'value':'bulkId:b'}]}}",
                    "{'method':'DELETE','path':'/Groups/bulkId:g'}",
                    "{'method':'DELETE','path':'/Users/bulkId:a'}"));
            assertThat(bulk.statusCode()).isEqualTo(200);
            List<String> statuses = new ArrayList<>();
            for (Value v : ScimTestServer.json(bulk).getMulti("Operations").values()) {
                statuses.add(((ComplexValue) v).getText("status").orElseThrow());
            }
            assertThat(statuses).containsExactly("201", "201", "200", "200", "200", "201", "204", "200", "204", "204");

            List<String> singleAudit = audit(server, server.a.id());
           
            assertThat(singleAudit).as("the sequence is worth comparing").hasSizeGreaterThan(10)
                    .anyMatch(e -> e.startsWith("INVITATION_REVOKED")).anyMatch(e -> e.startsWith("USER_RESTORED"))
                    .anyMatch(e -> e.startsWith("USER_HARD_DELETED")).anyMatch(e -> e.startsWith("GROUP_DELETED"));
            assertThat(audit(server, server.b.id())).isEqualTo(singleAudit);

            // (a hard delete takes the user's undelivered messages with it: alice leaves only HARD_DELETED)
            List<String> singleOutbox = outbox(server, server.a.id());
            assertThat(singleOutbox).anyMatch(m -> m.startsWith("INVITATION_EMAIL")).anyMatch(m -> m.startsWith("RESTORED"))
                    .anyMatch(m -> m.startsWith("HARD_DELETED"));
            assertThat(outbox(server, server.b.id())).isEqualTo(singleOutbox);
        }
    }

    private static HttpResponse<String> created(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return r;
    }

    private static void ok(HttpResponse<String> r) {
        assertThat(r.statusCode()).as(r.body()).isIn(200, 204);
    }

    private static String id(HttpResponse<String> r) {
        return ScimTestServer.json(r).getText("id").orElseThrow();
    }

    /** The tenant's audit of users and groups, oldest first, ids numbered in order of appearance. */
    private static List<String> audit(ScimTestServer server, String tenant) {
        List<AuditEntry> entries = new ArrayList<>(server.store.auditLog()
                .read(TenantId.of(tenant), PageRequest.of(1, PageRequest.MAX_COUNT)).items());
        Collections.reverse(entries);
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (AuditEntry e : entries) {
            if (e.action().name().startsWith("USER_") || e.action().name().startsWith("INVITATION_")
                    || e.action().name().startsWith("GROUP_")) {
                out.add(numbered(e.action() + " " + e.target() + " " + e.detail() + " by "
                        + e.actor().describe().replaceFirst(":.*", ""), ids));
            }
        }
        return out;
    }

    /** The tenant's outbox in append order: kind, user and payload, ids numbered, the invitation token and times left out. */
    private static List<String> outbox(ScimTestServer server, String tenant) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> out = new ArrayList<>();
        for (OutboxMessage m : server.store.outbox().list(Optional.of(TenantId.of(tenant)),
                EnumSet.allOf(OutboxMessage.State.class), 1_000)) {
            Map<String, String> payload = new TreeMap<>(m.payload());
            payload.replaceAll((k, v) -> k.equals("token") || k.toLowerCase().endsWith("at") || k.equals("tenantId")
                    || k.equals("organization") ? "*" : v);
            out.add(numbered(m.kind() + " " + m.subject().auditTarget() + " " + payload, ids));
        }
        return out;
    }

    private static String numbered(String text, Map<String, String> ids) {
        Matcher m = ID.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, ids.computeIfAbsent(m.group(), k -> "#" + (ids.size() + 1)));
        }
        return m.appendTail(out).toString();
    }
}
