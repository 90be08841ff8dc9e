package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.AuditRewrite;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.RequestId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;

/**
 * The contract of {@link org.provisio.domain.port.AuditLog}: newest (last appended) first, a batch
 * in its order, paged, per tenant, every actor kept, the request id of an entry kept (or its absence),
 * appends kept or dropped with their unit of work.
 */
public abstract class AuditLogContract extends StoreContract {

    @Test
    void readsNewestFirstInPages() {
        List<AuditEntry> appended = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            AuditEntry e = new AuditEntry(nextId("audit"), tenant, Actor.admin(), AuditAction.USER_UPDATED,
                    "user:u" + i, T0.plusSeconds(i), "n" + i);
            store.auditLog().append(e);
            appended.add(e);
        }
        store.auditLog().append(new AuditEntry(nextId("audit"), otherTenant, Actor.admin(), AuditAction.USER_UPDATED,
                "user:x", T0, ""));

        Page<AuditEntry> first = store.auditLog().read(tenant, PageRequest.first(2));
        assertThat(first.items()).containsExactly(appended.get(4), appended.get(3));
        assertThat(first.totalResults()).isEqualTo(5);
        assertThat(store.auditLog().read(tenant, PageRequest.of(5, 2)).items()).containsExactly(appended.get(0));
    }

    @Test
    void entriesAppendedAtTheSameInstantKeepAppendOrder() {
        AuditEntry older = new AuditEntry("a-1", tenant, Actor.system(), AuditAction.USER_PURGED, "user:u", T0, "");
        AuditEntry newer = new AuditEntry("a-2", tenant, Actor.system(), AuditAction.USER_PURGED, "user:v", T0, "");
        store.auditLog().append(older);
        store.auditLog().append(newer);

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).containsExactly(newer, older);
    }

    @Test
    void everyKindOfActorIsKept() {
        List<Actor> actors = List.of(Actor.admin(), Actor.system(), new Actor.Credential(TokenId.of("tok")),
                new Actor.Invitee(UserId.of("alice")));
        for (Actor actor : actors) {
            store.auditLog().append(new AuditEntry(nextId("audit"), tenant, actor, AuditAction.USER_ACTIVATED,
                    "user:alice", T0, "detail"));
        }

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items())
                .extracting(AuditEntry::actor)
                .containsExactlyInAnyOrderElementsOf(actors);
    }

    @Test
    void theRequestIdOfAnEntryIsKeptAndItsAbsenceToo() {
        RequestId longest = RequestId.of("r".repeat(RequestId.MAX_LENGTH - 4) + ".:_-");
        List<AuditEntry> batch = List.of(
                new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:u", T0, "pending",
                        Optional.of(RequestId.of("4bf92f35-77b3-4c1a-9d3e-0e2b1c6f5a10"))),
                new AuditEntry("a-2", tenant, Actor.system(), AuditAction.USER_PURGED, "user:u", T0, ""),
                new AuditEntry("a-3", tenant, Actor.admin(), AuditAction.USER_UPDATED, "user:u", T0, "",
                        Optional.of(longest)));
        store.auditLog().appendAll(batch);
        store.auditLog().append(new AuditEntry("a-4", tenant, Actor.admin(), AuditAction.USER_UPDATED, "user:v", T0,
                "", Optional.of(RequestId.of("req:7"))));

        List<AuditEntry> read = store.auditLog().read(tenant, PageRequest.first(10)).items();
        assertThat(read).extracting(AuditEntry::requestId).containsExactly(Optional.of(RequestId.of("req:7")),
                Optional.of(longest), Optional.empty(), Optional.of(RequestId.of("4bf92f35-77b3-4c1a-9d3e-0e2b1c6f5a10")));
        assertThat(store.auditLog().read(tenant, "user:u", PageRequest.first(10)).items())
                .containsExactly(batch.get(2), batch.get(1), batch.get(0));
    }

    @Test
    void pseudonymisingKeepsTheRequestIds() {
        store.auditLog().append(new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:u",
                T0, "pending", Optional.of(RequestId.of("req-1"))));

        store.unitOfWork().run(() -> store.auditLog().pseudonymise(tenant,
                AuditRewrite.erasing(UserId.of("u"), UserId.of("erased-1"))));

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).containsExactly(
                new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:erased-1", T0,
                        "pending", Optional.of(RequestId.of("req-1"))));
    }

    @Test
    void appendAllKeepsTheOrderOfTheBatch() {
        AuditEntry before = new AuditEntry("a-0", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:u", T0, "");
        store.auditLog().append(before);
        List<AuditEntry> batch = List.of(
                new AuditEntry("z-first", tenant, Actor.system(), AuditAction.INVITATION_REVOKED, "user:u", T0, ""),
                new AuditEntry("a-second", tenant, Actor.system(), AuditAction.USER_SUSPENDED, "user:u", T0, "x"),
                new AuditEntry("m-third", otherTenant, Actor.system(), AuditAction.USER_SUSPENDED, "user:v", T0, ""),
                new AuditEntry("b-fourth", tenant, Actor.system(), AuditAction.USER_UPDATED, "user:u",
                        T0.minusSeconds(60), ""));

        store.auditLog().appendAll(batch);

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items())
                .as("newest (last appended) first, whatever the ids and times")
                .containsExactly(batch.get(3), batch.get(1), batch.get(0), before);
        assertThat(store.auditLog().read(otherTenant, PageRequest.first(10)).items()).containsExactly(batch.get(2));
        store.auditLog().appendAll(List.of());
        assertThat(store.auditLog().read(tenant, PageRequest.first(0)).totalResults()).isEqualTo(4);
    }

    @Test
    void aBatchAppendedInAUnitOfWorkIsKeptOrDroppedWithIt() {
        List<AuditEntry> batch = List.of(
                new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_SUSPENDED, "user:u", T0, ""),
                new AuditEntry("a-2", tenant, Actor.admin(), AuditAction.INVITATION_REVOKED, "user:u", T0, ""));

        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            store.auditLog().appendAll(batch);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).isEmpty();

        store.unitOfWork().run(() -> store.auditLog().appendAll(batch));
        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items())
                .containsExactly(batch.get(1), batch.get(0));
    }

    @Test
    void pseudonymisingRewritesTheEntriesOnTheTargetOnly() {
        AuditRewrite rewrite = AuditRewrite.erasing(UserId.of("u"), UserId.of("erased-1"));
        List<AuditEntry> before = List.of(
                new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:u", T0, "pending"),
                new AuditEntry("a-2", tenant, new Actor.Invitee(UserId.of("u")), AuditAction.USER_ACTIVATED, "user:u",
                        T0.plusSeconds(1), "invitation:i"),
                new AuditEntry("a-3", tenant, Actor.system(), AuditAction.OUTBOX_MESSAGE_PARKED, "user:u",
                        T0.plusSeconds(2), "550 <u.person@example.com> rejected"),
                new AuditEntry("a-4", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:v", T0, "pending"),
                new AuditEntry("a-5", otherTenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:u", T0, "x"));
        store.auditLog().appendAll(before);

        store.unitOfWork().run(() -> {
            store.auditLog().append(new AuditEntry("a-6", tenant, Actor.admin(), AuditAction.USER_HARD_DELETED,
                    "user:u", T0.plusSeconds(3), ""));
            store.auditLog().pseudonymise(tenant, rewrite);
        });

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).containsExactly(
                new AuditEntry("a-6", tenant, Actor.admin(), AuditAction.USER_HARD_DELETED, "user:erased-1",
                        T0.plusSeconds(3), ""),
                before.get(3),
                new AuditEntry("a-3", tenant, Actor.system(), AuditAction.OUTBOX_MESSAGE_PARKED, "user:erased-1",
                        T0.plusSeconds(2), ""),
                new AuditEntry("a-2", tenant, new Actor.Invitee(UserId.of("erased-1")), AuditAction.USER_ACTIVATED,
                        "user:erased-1", T0.plusSeconds(1), "invitation:i"),
                new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:erased-1", T0,
                        "pending"));
        assertThat(store.auditLog().read(otherTenant, PageRequest.first(10)).items()).containsExactly(before.get(4));
        assertThat(store.auditLog().read(tenant, "user:u", PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aPseudonymisationRolledBackChangesNothing() {
        AuditEntry entry = new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_PROVISIONED, "user:u", T0, "");
        store.auditLog().append(entry);

        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            store.auditLog().pseudonymise(tenant, AuditRewrite.erasing(UserId.of("u"), UserId.of("erased-1")));
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).containsExactly(entry);
    }

    @Test
    void purgesEntriesMadeBeforeTheCutoffOfEveryTenantInBatches() {
        for (int i = 0; i < 5; i++) {
            store.auditLog().append(new AuditEntry("t-" + i, tenant, Actor.admin(), AuditAction.USER_UPDATED, "user:u",
                    T0.plusSeconds(i), ""));
        }
        store.auditLog().append(new AuditEntry("o-0", otherTenant, Actor.admin(), AuditAction.USER_UPDATED, "user:v",
                T0.plusSeconds(1), ""));
        Instant cutoff = T0.plusSeconds(3);

        int first = store.unitOfWork().inTransaction(() -> store.auditLog().purgeBefore(cutoff, 2));
        int rest = store.unitOfWork().inTransaction(() -> store.auditLog().purgeBefore(cutoff, 10));

        assertThat(first).isEqualTo(2);
        assertThat(rest).isEqualTo(2);
        assertThat(store.auditLog().purgeBefore(cutoff, 10)).isZero();
        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).extracting(AuditEntry::id)
                .containsExactly("t-4", "t-3");
        assertThat(store.auditLog().read(otherTenant, PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aPurgeRolledBackRemovesNothing() {
        AuditEntry entry = new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_UPDATED, "user:u", T0, "");
        store.auditLog().append(entry);

        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            assertThat(store.auditLog().purgeBefore(T0.plusSeconds(1), 10)).isEqualTo(1);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).containsExactly(entry);
    }
}
