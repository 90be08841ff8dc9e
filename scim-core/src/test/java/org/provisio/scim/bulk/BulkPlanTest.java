package org.provisio.scim.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order of a Bulk request's operations (RFC 7644 §3.7, §3.7.1, §3.7.2). */
class BulkPlanTest {
    private static String user(String bulkId, String managerRef) {
        return "{'method':'POST','path':'/Users','bulkId':'" + bulkId + "','data':{'userName':'" + bulkId + "'"
                + (managerRef == null ? "" : ",'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User':"
                + "{'manager':{'value':'bulkId:" + managerRef + "'}}") + "}}";
    }

    private static String group(String bulkId, String... memberRefs) {
        List<String> members = new ArrayList<>();
        for (String m : memberRefs) {
            members.add("{'type':'User','value':'bulkId:" + m + "'}");
        }
        return "{'method':'POST','path':'/Groups','bulkId':'" + bulkId + "','data':{'displayName':'" + bulkId
                + "','members':[" + String.join(",", members) + "]}}";
    }

    private static BulkPlan plan(String... operations) {
        return BulkPlan.of(BulkRequestTest.parse(BulkRequestTest.ops(operations)).operations());
    }

    private static List<Integer> order(BulkPlan plan) {
        return plan.steps().stream().map(s -> s.operation().index()).toList();
    }

    @Test
    void operationsWithoutReferencesRunAsSent() {
        BulkPlan plan = plan("{'method':'DELETE','path':'/Users/1'}", user("a", null),
                "{'method':'PATCH','path':'/Users/2','data':{'Operations':[{'op':'remove','path':'title'}]}}",
                user("b", null));

        assertThat(order(plan)).containsExactly(0, 1, 2, 3);
        assertThat(plan.steps()).noneMatch(BulkPlan.Step::circular);
    }

    @Test
    void rfc7644_3_7_aGroupSentBeforeItsUsersRunsAfterThem() {
        assertThat(order(plan(group("g", "a", "b"), user("a", null), user("b", null)))).containsExactly(1, 2, 0);
    }

    @Test
    void onlyTheOperationWaitingForAReferenceMoves() {
        // the client deletes the old user before creating the new one of the same name: that order stays
        assertThat(order(plan(group("g", "new"), "{'method':'DELETE','path':'/Users/old'}", user("new", null),
                "{'method':'DELETE','path':'/Users/other'}"))).containsExactly(1, 2, 0, 3);
    }

    @Test
    void pathReferencesWaitForTheirPost() {
        assertThat(order(plan("{'method':'DELETE','path':'/Users/bulkId:a'}",
                "{'method':'PUT','path':'/Users/bulkId:a','data':{'userName':'a2'}}", user("a", null))))
                .containsExactly(2, 0, 1);
    }

    @Test
    void aLongChainOfManagersIsOrderedWithoutRecursion() {
        List<String> ops = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            ops.add(user("u" + i, i < 999 ? "u" + (i + 1) : null));
        }
        List<Integer> order = order(plan(ops.toArray(String[]::new)));

        assertThat(order).hasSize(1_000);
        assertThat(order.get(0)).isEqualTo(999);
        assertThat(order.get(999)).isZero();
    }

    @Test
    void rfc7644_3_7_1_circularReferencesAreMarkedWithTheirBulkIds() {
        BulkPlan plan = plan(user("a", "b"), user("b", "a"), group("g", "a"), user("c", null));

        assertThat(order(plan)).containsExactly(3, 0, 1, 2);
        assertThat(plan.steps().get(1).cycle()).containsExactly("a", "b");
        assertThat(plan.steps().get(2).cycle()).containsExactly("a", "b");
        assertThat(plan.steps().get(3).circular()).as("depends on the cycle, is not part of it").isFalse();
        assertThat(plan.steps().get(0).circular()).isFalse();
    }

    @Test
    void rfc7644_3_7_1_aPostReferencingItselfIsCircular() {
        BulkPlan plan = plan(user("a", "a"));

        assertThat(plan.steps()).singleElement().satisfies(s -> assertThat(s.cycle()).containsExactly("a"));
    }

    @Test
    void everyOperationOfTwoCyclesAndWhatDependsOnThemIsPlacedOnce() {
        // a <-> b and c <-> e are cycles; d needs c and the PATCH needs a
        BulkPlan plan = plan(user("a", "b"), group("b", "a"), user("c", "e"), user("d", "c"), user("e", "c"),
                "{'method':'PATCH','path':'/Users/bulkId:a','data':{'Operations':[{'op':'remove','path':'title'}]}}");

        assertThat(order(plan)).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
        assertThat(plan.steps()).filteredOn(BulkPlan.Step::circular)
                .extracting(s -> s.operation().index()).containsExactlyInAnyOrder(0, 1, 2, 4);
        assertThat(order(plan).indexOf(3)).isGreaterThan(order(plan).indexOf(2));
        assertThat(order(plan).indexOf(5)).isGreaterThan(order(plan).indexOf(0));
    }

    @Test
    void referencesToUnknownBulkIdsAddNoOrder() {
        assertThat(order(plan(group("g", "nobody"), user("a", null)))).containsExactly(0, 1);
        assertThat(plan(group("g", "nobody")).steps().get(0).circular()).isFalse();
    }
}
