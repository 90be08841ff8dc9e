package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.domain.usecase.UpdateTenant;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;

/**
 * The contract of {@link org.provisio.domain.port.Deviations} — counts added, never replaced, by concurrent
 * writers too, and kept apart per tenant — and the client-deviation report through the use cases: lenient
 * tolerates and counts, strict refuses and counts, refusals count in both, once per request.
 */
public abstract class DeviationsContract extends StoreContract {
    private static final String LINE = "PATCH /scim/v2/{tenantId}/Users/{id}";

    private Deviation line(TenantId owner, String kind, long count, Instant first, Instant last, String example) {
        return new Deviation(owner, kind, Deviation.Outcome.TOLERATED, count, first, last, example);
    }

    private void record(Deviation... counts) {
        store.unitOfWork().run(() -> store.deviations().record(List.of(counts)));
    }

    @Test
    void linesAreStoredAndListedPerTenant() {
        Deviation mine = line(tenant, "op-case", 3, T0, T0.plusSeconds(5), LINE + " (op)");
        Deviation theirs = line(otherTenant, "op-case", 1, T0, T0, LINE);
        Deviation refused = new Deviation(tenant, "invalidFilter", Deviation.Outcome.REFUSED, 2, T0, T0,
                "GET /scim/v2/{tenantId}/Users?filter");
        record(mine, theirs, refused);

        assertThat(store.deviations().list(tenant)).containsExactlyInAnyOrder(mine, refused);
        assertThat(store.deviations().list(otherTenant)).containsExactly(theirs);
        assertThat(store.deviations().list(TenantId.of("nobody"))).isEmpty();
    }

    @Test
    void recordingAgainAddsTheCountsWidensTheTimesAndKeepsTheFirstExample() {
        record(line(tenant, "boolean-as-string", 2, T0.plusSeconds(10), T0.plusSeconds(20), LINE + " (active)"));
        record(line(tenant, "boolean-as-string", 5, T0, T0.plusSeconds(15), "PUT /scim/v2/{tenantId}/Users/{id}"),
                line(tenant, "boolean-as-string", 1, T0.plusSeconds(12), T0.plusSeconds(30), "another"));

        assertThat(store.deviations().list(tenant)).containsExactly(
                line(tenant, "boolean-as-string", 8, T0, T0.plusSeconds(30), LINE + " (active)"));
    }

    @Test
    void theSameKindToleratedAndRefusedAreTwoLines() {
        record(line(tenant, "op-case", 1, T0, T0, LINE));
        record(new Deviation(tenant, "op-case", Deviation.Outcome.REFUSED, 4, T0, T0, LINE));

        assertThat(store.deviations().list(tenant)).extracting(Deviation::outcome, Deviation::count)
                .containsExactlyInAnyOrder(tuple(Deviation.Outcome.TOLERATED, 1L),
                        tuple(Deviation.Outcome.REFUSED, 4L));
    }

    @Test
    void aRolledBackRecordAddsNothing() {
        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            store.deviations().record(List.of(line(tenant, "op-case", 1, T0, T0, LINE)));
            throw new IllegalStateException("rolled back");
        })).hasMessage("rolled back");

        assertThat(store.deviations().list(tenant)).isEmpty();
    }

    @Test
    void concurrentWritersOfOneNewLineNeverLoseACount() throws Exception {
        int writers = 4;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                Instant at = T0.plusSeconds(w);
                done.add(pool.submit(() -> {
                    for (int r = 0; r < rounds; r++) {
                        record(line(tenant, "unknown-attribute", 1, at, at, LINE));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(store.deviations().list(tenant)).containsExactly(
                line(tenant, "unknown-attribute", writers * rounds, T0, T0.plusSeconds(writers - 1), LINE));
    }

    @Test
    void lenientToleratesAndCountsEachKindOncePerRequest() {
        Provisioning provisioning = Provisioning.builder(store).clock(clock).build();
        RequestConformance check = provisioning.checkConformance().begin(tenant, () -> LINE).orElseThrow();
        check.tolerate(Tolerance.BOOLEAN_AS_STRING, "active");
        check.tolerate(Tolerance.BOOLEAN_AS_STRING, "active");
        check.tolerate(Tolerance.OP_CASE, "op");
        provisioning.checkConformance().begin(tenant, () -> "other").orElseThrow()
                .tolerate(Tolerance.BOOLEAN_AS_STRING, "active");

        assertThat(check.profile()).isEqualTo(ConformanceProfile.LENIENT);
        assertThat(provisioning.readDeviations().report(tenant)).extracting(Deviation::kind, Deviation::outcome,
                Deviation::count, Deviation::example).containsExactlyInAnyOrder(
                tuple("boolean-as-string", Deviation.Outcome.TOLERATED, 2L,
                        LINE + " (active)"),
                tuple("op-case", Deviation.Outcome.TOLERATED, 1L, LINE + " (op)"));
    }

    @Test
    void strictRefusesEachToleranceAndCountsItOnceAsRefused() {
        Provisioning provisioning = Provisioning.builder(store).clock(clock).build();
        Outcomes.done(provisioning.updateTenant().update(new UpdateTenant.Command(tenant, ConformanceProfile.STRICT,
                Actor.admin())));
        RequestConformance check = provisioning.checkConformance().begin(tenant, () -> LINE).orElseThrow();

        assertThatThrownBy(() -> check.tolerate(Tolerance.BOOLEAN_AS_STRING, "active"))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE);
                    check.refused(e);
                });
        check.answered(ScimErrorType.INVALID_VALUE);

        assertThat(provisioning.readDeviations().report(tenant)).extracting(Deviation::kind, Deviation::outcome,
                Deviation::count).containsExactly(tuple("boolean-as-string",
                Deviation.Outcome.REFUSED, 1L));
    }

    @Test
    void refusalsAreCountedUnderEitherProfileOncePerKindAndRequest() {
        Provisioning provisioning = Provisioning.builder(store).clock(clock).build();
        RequestConformance check = provisioning.checkConformance().begin(tenant, () -> "GET /scim/v2/{tenantId}/Users")
                .orElseThrow();
        check.answered(ScimErrorType.INVALID_FILTER);
        check.refused(ScimException.invalidFilter("x"));
        check.refused(ScimException.uniqueness("y"));

        assertThat(provisioning.readDeviations().report(tenant)).extracting(Deviation::kind, Deviation::outcome,
                Deviation::count).containsExactlyInAnyOrder(
                tuple("invalidFilter", Deviation.Outcome.REFUSED, 1L),
                tuple("uniqueness", Deviation.Outcome.REFUSED, 1L));
        assertThat(provisioning.checkConformance().begin(TenantId.of("nobody"), () -> LINE)).isEmpty();
    }

    @Test
    void theCountsOfTwoInstancesAddUpInTheStore() {
        Provisioning one = Provisioning.builder(store).clock(clock).build();
        Provisioning two = Provisioning.builder(store).clock(clock).build();
        one.checkConformance().begin(tenant, () -> LINE).orElseThrow().tolerate(Tolerance.OP_CASE, "op");
        clock.advance(Duration.ofMinutes(1));
        two.checkConformance().begin(tenant, () -> "second").orElseThrow().tolerate(Tolerance.OP_CASE, "op");
        two.checkConformance().begin(tenant, () -> "third").orElseThrow().tolerate(Tolerance.OP_CASE, "op");

        assertThat(two.recordDeviations().recordNoted()).isEqualTo(1);
        assertThat(two.recordDeviations().recordNoted()).isZero();
        assertThat(one.readDeviations().report(tenant)).containsExactly(new Deviation(tenant, "op-case",
                Deviation.Outcome.TOLERATED, 3, T0, T0.plusSeconds(60), "second (op)"));
    }

    @Test
    void aUseCaseAsksItsCommandsConformance() {
        Provisioning provisioning = Provisioning.builder(store).clock(clock).build();
        ScimResource sent = ScimResource.of(ScimJson.readObject("{\"schemas\":"
                + "[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"kim\",\"active\":\"False\"}"));
        RequestConformance lenient = provisioning.checkConformance().begin(tenant, () -> LINE).orElseThrow();

        UserView kim = Outcomes.done(provisioning.provisionUser().provision(new ProvisionUser.Command(tenant,
                Actor.admin(), sent, lenient)));
        Outcomes.done(provisioning.updateTenant().update(new UpdateTenant.Command(tenant, ConformanceProfile.STRICT,
                Actor.admin())));
        RequestConformance strict = provisioning.checkConformance().begin(tenant, () -> LINE).orElseThrow();

        assertThat(kim.toScim().getOrNull("active")).isEqualTo(BooleanValue.FALSE);
        assertThatThrownBy(() -> provisioning.provisionUser().provision(new ProvisionUser.Command(tenant,
                Actor.admin(), sent.with("userName", StringValue.of("lee")), strict)))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
        assertThat(provisioning.readDeviations().report(tenant)).extracting(Deviation::kind, Deviation::outcome)
                .containsExactlyInAnyOrder(
                        tuple("boolean-as-string", Deviation.Outcome.TOLERATED),
                        tuple("boolean-as-string", Deviation.Outcome.REFUSED));
    }
}
