package org.provisio.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.provisio.adapters.jdbc.JdbcSettings;
import org.provisio.adapters.jdbc.JdbcStore;
import org.provisio.domain.service.ProvisioningJobs;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.server.ServerFixture;

/**
 * The client-deviation report survives a restart on a durable store: the counts a server noted in memory are
 * written when its jobs stop, and a server opened again on the same H2 database reports them, adding its own.
 */
class DeviationRestartTest {
    @TempDir
    Path tmp;

    private static final String REPLACE = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
            + "\"Operations\":[{\"op\":\"Replace\",\"path\":\"nickName\",\"value\":\"K\"}]}";

    @Test
    void theCountsNotedBeforeAStopAreReportedAfterTheRestart() {
        JdbcSettings settings = JdbcSettings.of("jdbc:h2:file:" + tmp + "/db;WRITE_DELAY=0");
        String tenant;
        try (JdbcStore store = JdbcStore.open(settings);
             ServerFixture first = ServerFixture.with(store, Clock.systemUTC(), 1_048_576)) {
            tenant = first.tenantId;
            ProvisioningJobs jobs = ProvisioningJobs.builder(first.provisioning, message -> { }).withoutPurge()
                    .credentialUsesInterval(Duration.ofHours(1)).start();
            String user = GroupClient.user(first, "kim@example.com");
            HttpResponse<String> r = first.scim("PATCH", "/Users/" + user, REPLACE);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            jobs.close();
        }
        try (JdbcStore store = JdbcStore.open(settings);
             ServerFixture second = ServerFixture.with(store, Clock.systemUTC(), 1_048_576)) {
            List<ComplexValue> lines = ConformanceSequenceTest.lines(ConformanceSequenceTest.report(second, tenant));
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).getText("kind")).hasValue("op-case");
            assertThat(lines.get(0).getOrNull("count")).isEqualTo(IntegerValue.of(1));
            assertThat(lines.get(0).getText("example")).hasValue("PATCH /scim/v2/{tenantId}/Users/{id} (op)");
        }
    }
}
