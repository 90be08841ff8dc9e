package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.Credential;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.Invitation;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.SecretHash;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.TokenId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserName;
import org.provisio.domain.port.WriteOutcome;

/**
 * The contract of {@link org.provisio.domain.port.UnitOfWork}: all of a unit's writes, or none;
 * nested units join; read-only units see what was committed, never what was rolled back, and do
 * not wait for each other.
 */
public abstract class UnitOfWorkContract extends StoreContract {
    private User kept;
    private User doomed;
    private Group group;
    private Invitation invitation;

    /** Thrown by the work to make it fail. */
    private static final class Boom extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Boom() {
            super("boom", null, false, false);
        }
    }

    @BeforeEach
    void seed() {
        kept = user("kept");
        doomed = user("doomed");
        store.users().add(kept);
        store.users().add(doomed);
        group = Group.create(GroupId.of("g1"), tenant, "Group", Optional.empty(), Set.of(kept.id(), doomed.id()), T0);
        store.groups().add(group);
        invitation = Invitation.issue(InvitationId.of("inv-1"), tenant, kept.id(), SecretHash.of("tok"), T0,
                InvitationTtl.DEFAULT);
        store.invitations().add(invitation);
    }

    /** Writes to every port. */
    private void writeEverywhere() {
        store.tenants().add(new Tenant(TenantId.of("new-tenant"), "New", T0));
        store.credentials().add(Credential.issued(TokenId.of("tok-1"), tenant, SecretHash.of("s"), T0));
        store.users().add(user("fresh"));
        User updated = kept.withAttributes(UserName.of("renamed"), Optional.empty(), kept.profile(), T0)
                .withState(new Active(T0), T0);
        assertThat(store.users().update(updated, kept.version())).isEqualTo(WriteOutcome.WRITTEN);
        store.users().delete(tenant, doomed.id());
        store.groups().removeMemberEverywhere(tenant, doomed.id(), T0);
        store.invitations().update(invitation.accept(T0));
        store.invitations().deleteAllFor(tenant, kept.id());
        store.outbox().append(new OutboxMessage("m-1", tenant, kept.id(), OutboxMessage.Kind.ACTIVATED, T0, Map.of()));
        store.auditLog().append(new AuditEntry("a-1", tenant, Actor.admin(), AuditAction.USER_ACTIVATED, "user:kept",
                T0, ""));
    }

    @Test
    void anExceptionUndoesEveryWriteOfTheUnit() {
        Boom boom = new Boom();

        assertThatThrownBy(() -> store.unitOfWork().inTransaction(() -> {
            writeEverywhere();
            throw boom;
        })).isSameAs(boom);

        assertThat(store.tenants().find(TenantId.of("new-tenant"))).isEmpty();
        assertThat(store.credentials().find(TokenId.of("tok-1"))).isEmpty();
        assertThat(store.users().findByUserName(tenant, UserName.of("fresh"))).isEmpty();
        assertThat(store.users().findByUserName(tenant, UserName.of("renamed"))).isEmpty();
        assertThat(store.users().find(tenant, kept.id())).contains(kept);
        assertThat(store.users().findByUserName(tenant, UserName.of("kept"))).contains(kept);
        assertThat(store.users().find(tenant, doomed.id())).contains(doomed);
        assertThat(store.groups().find(tenant, group.id())).contains(group);
        assertThat(store.invitations().findByTokenHash(SecretHash.of("tok"))).contains(invitation);
        assertThat(store.outbox().claim(10, 1, T0, Duration.ofMinutes(1))).isEmpty();
        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).isEmpty();
        assertThat(store.users().add(user("fresh"))).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void aCompletedUnitKeepsEveryWriteAndReturnsItsResult() {
        String result = store.unitOfWork().inTransaction(() -> {
            writeEverywhere();
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(store.tenants().find(TenantId.of("new-tenant"))).isPresent();
        assertThat(store.users().findByUserName(tenant, UserName.of("renamed"))).isPresent();
        assertThat(store.users().find(tenant, doomed.id())).isEmpty();
        assertThat(store.groups().find(tenant, group.id()).get().members()).containsExactly(kept.id());
        assertThat(store.invitations().findByTokenHash(SecretHash.of("tok"))).isEmpty();
        assertThat(store.outbox().claim(10, 1, T0, Duration.ofMinutes(1))).hasSize(1);
        assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).hasSize(1);
    }

    @Test
    void aNestedUnitJoinsTheOuterOneAndFailsWithIt() {
        assertThatThrownBy(() -> store.unitOfWork().run(() -> {
            store.unitOfWork().run(() -> store.users().add(user("inner")));
            throw new Boom();
        })).isInstanceOf(Boom.class);

        assertThat(store.users().findByUserName(tenant, UserName.of("inner"))).isEmpty();
    }

    @Test
    void aUnitTellsWhetherItIsOpenOnThisThread() {
        assertThat(store.unitOfWork().isActive()).isFalse();
        assertThat(store.unitOfWork().inTransaction(() -> store.unitOfWork().isActive())).isTrue();
        assertThat(store.unitOfWork().readOnly(() -> store.unitOfWork().isActive())).isTrue();
        assertThat(store.unitOfWork().isActive()).isFalse();
    }

    @Test
    void writesOutsideAUnitApplyAtOnce() {
        store.users().add(user("solo"));

        assertThat(store.users().findByUserName(tenant, UserName.of("solo"))).isPresent();
    }

    /**
     * A store that counts its changes counts every committed write, in a unit or outside one, to any
     * port, and nothing else: the domain keeps read answers only while the count stands still.
     */
    @Test
    void aChangeCountMovesAfterEveryCommittedWriteAndStandsStillOverReads() {
        OptionalLong before = store.unitOfWork().changeCount();
        assumeTrue(before.isPresent(), "this store does not count its changes");

        store.unitOfWork().readOnly(() -> store.users().find(tenant, kept.id()));
        store.users().findByUserName(tenant, UserName.of("kept"));
        store.unitOfWork().run(() -> store.groups().find(tenant, group.id()));
        assertThat(store.unitOfWork().changeCount()).as("reads").isEqualTo(before);

        assertThatThrownBy(() -> store.unitOfWork().inTransaction(() -> {
            store.users().add(user("never"));
            throw new Boom();
        })).isInstanceOf(Boom.class);
        OptionalLong afterRollback = store.unitOfWork().changeCount();

        store.unitOfWork().run(() -> store.auditLog().append(new AuditEntry("a-9", tenant, Actor.admin(),
                AuditAction.USER_ACTIVATED, "user:kept", T0, "")));
        OptionalLong afterUnit = store.unitOfWork().changeCount();
        assertThat(afterUnit).as("a committed unit").isNotEqualTo(afterRollback).isNotEqualTo(before);

        store.users().delete(tenant, doomed.id());
        assertThat(store.unitOfWork().changeCount()).as("a write outside a unit").isNotEqualTo(afterUnit);
    }

    // ---- read-only units ------------------------------------------------------------------------

    @Test
    void aReadOnlyUnitSeesWhatWasCommitted() {
        store.unitOfWork().run(this::writeEverywhere);

        String seen = store.unitOfWork().readOnly(() -> {
            assertThat(store.users().findByUserName(tenant, UserName.of("renamed"))).isPresent();
            assertThat(store.users().find(tenant, doomed.id())).isEmpty();
            assertThat(store.groups().find(tenant, group.id()).orElseThrow().members()).containsExactly(kept.id());
            assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).hasSize(1);
            assertThat(store.outbox().messagesOf(tenant, kept.id())).hasSize(1);
            return "seen";
        });

        assertThat(seen).isEqualTo("seen");
    }

    @Test
    void aRolledBackWriteLeavesNothingAReadOnlyUnitCouldSee() {
        assertThatThrownBy(() -> store.unitOfWork().inTransaction(() -> {
            writeEverywhere();
            throw new Boom();
        })).isInstanceOf(Boom.class);

        store.unitOfWork().readOnly(() -> {
            assertThat(store.tenants().find(TenantId.of("new-tenant"))).isEmpty();
            assertThat(store.credentials().find(TokenId.of("tok-1"))).isEmpty();
            assertThat(store.users().findByUserName(tenant, UserName.of("fresh"))).isEmpty();
            assertThat(store.users().find(tenant, kept.id())).contains(kept);
            assertThat(store.users().find(tenant, doomed.id())).contains(doomed);
            assertThat(store.groups().find(tenant, group.id())).contains(group);
            assertThat(store.invitations().find(invitation.id())).contains(invitation);
            assertThat(store.outbox().messagesOf(tenant, kept.id())).isEmpty();
            assertThat(store.auditLog().read(tenant, PageRequest.first(10)).items()).isEmpty();
            return null;
        });
    }

    @Test
    void aReadOnlyUnitInsideAWritingOneSeesItsWrites() {
        String name = store.unitOfWork().inTransaction(() -> {
            store.users().add(user("inner"));
            return store.unitOfWork().readOnly(() -> store.users().findByUserName(tenant, UserName.of("INNER"))
                    .orElseThrow().userName().value());
        });

        assertThat(name).isEqualTo("inner");
    }

    @Test
    void readOnlyUnitsOfOneTenantDoNotWaitForEachOther() throws Exception {
        int readers = 3;
        CyclicBarrier allInside = new CyclicBarrier(readers);
        ExecutorService pool = Executors.newFixedThreadPool(readers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < readers; i++) {
                results.add(pool.submit(() -> store.unitOfWork().readOnly(() -> {
                    boolean found = store.users().find(tenant, kept.id()).isPresent();
                    try {
                        // every reader is inside its unit at once, or this barrier breaks
                        allInside.await(30, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new AssertionError("a read-only unit waited for another", e);
                    }
                    return found && store.groups().find(tenant, group.id()).isPresent();
                })));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
