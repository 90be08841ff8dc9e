package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.UserId;

/**
 * The contract of {@link org.provisio.domain.port.AuditLog}: newest (last appended) first, a batch
 * in its order, paged, per tenant, every actor kept, appends kept or dropped with their unit of work.
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
}
