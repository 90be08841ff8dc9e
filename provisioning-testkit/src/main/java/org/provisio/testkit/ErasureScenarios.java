package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.AuditAction;
import org.provisio.domain.model.AuditEntry;
import org.provisio.domain.model.AuditRetention;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Store;
import org.provisio.domain.service.Provisioning;
import org.provisio.domain.usecase.CreateGroup;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.ExportUser;
import org.provisio.domain.usecase.GroupView;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ScimResource;

/**
 * A hard delete or a purge leaves no personal data behind, anywhere in the store: a person with a
 * distinctive value in every attribute is provisioned, put in a group, suspended, restored and
 * then removed; afterwards a scan of everything the store holds (every table of a database, every
 * structure of the in-memory store) finds none of those values, while a bystander's values, which
 * must stay, are found (so the scan sees what it should). The audit entries stay, under a
 * pseudonym; the export of one user is what is stored about them and nothing of another.
 */
public abstract class ErasureScenarios extends LifecycleFixture {
    /** Values no other test uses, one per attribute; compared ignoring case, as stores fold text. */
    private static final List<String> PERSONAL = List.of("quillon.zebrowski@erasure.test", "ext-zq-44718",
            "Quillon", "Zebrowski-Xyv", "Quillon Zebrowski-Xyv", "Q. Zebrowski", "Quilly", "Qzz Lawyer",
            "quillon.private@home.test", "+44 7700 900123", "+1 202 555 0187", "17 Juniper Crescent",
            "Wexbridge", "WX9 4QQ", "Upper Marsh", "EMP-558213", "Cartography-ZQ", "Northwind Zq Ltd",
            "Ruritanian-ZQ", "https://photos.test/quillon.jpg", "zq-im-handle-77");
    private static final List<String> BYSTANDER = List.of("bystander.vandersloot@erasure.test", "Vandersloot-Kq");

    /**
     * Every text the store holds now, wherever it holds it: each row of each table of a database
     * (all columns as text), each string of the in-memory store's structures. What is not in
     * here is not stored.
     */
    protected abstract List<String> everythingStored(Store store);

    private static String quillon() {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"quillon.zebrowski@erasure.test","externalId":"ext-zq-44718","active":true,
                 "name":{"givenName":"Quillon","familyName":"Zebrowski-Xyv","formatted":"Quillon Zebrowski-Xyv"},
                 "displayName":"Q. Zebrowski","nickName":"Quilly","title":"Qzz Lawyer",
                 "emails":[{"value":"quillon.zebrowski@erasure.test","type":"work","primary":true},
                           {"value":"quillon.private@home.test","type":"home"}],
                 "phoneNumbers":[{"value":"+44 7700 900123","type":"work"},{"value":"+1 202 555 0187","type":"mobile"}],
                 "addresses":[{"streetAddress":"17 Juniper Crescent","locality":"Wexbridge","postalCode":"WX9 4QQ",
                               "region":"Upper Marsh","country":"GB","type":"work","primary":true}],
                 "photos":[{"value":"https://photos.test/quillon.jpg","type":"photo"}],
                 "ims":[{"value":"zq-im-handle-77","type":"xmpp"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                   {"employeeNumber":"EMP-558213","department":"Cartography-ZQ","organization":"Northwind Zq Ltd",
                    "division":"Ruritanian-ZQ"}}
                """;
    }

    private static String bystander() {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"bystander.vandersloot@erasure.test","active":true,
                 "name":{"givenName":"Bea","familyName":"Vandersloot-Kq"},
                 "emails":[{"value":"bystander.vandersloot@erasure.test","type":"work","primary":true}]}
                """;
    }

    private UserView provisionJson(String json) {
        return Outcomes.done(provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, entra,
                ScimResource.of(ScimJson.readObject(json)))));
    }

    private GroupView group(String name, UserView... members) {
        StringBuilder list = new StringBuilder();
        for (UserView m : members) {
            list.append(list.length() == 0 ? "" : ",").append("{\"value\":\"").append(m.user().id()).append("\"}");
        }
        return Outcomes.done(provisioning.createGroup().create(new CreateGroup.Command(tenant, entra,
                ScimResource.of(ScimJson.readObject("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                        + "\"displayName\":\"" + name + "\",\"members\":[" + list + "]}")))));
    }

    /** Provisioned, in a group with the bystander, suspended, restored: a full history. */
    private UserView quillonWithHistory(UserView bystander) {
        UserView quillon = provisionJson(quillon());
        group("Mapmakers", quillon, bystander);
        setActive(quillon, false);
        assertThat(restore(quillon).isDone()).isTrue();
        return quillon;
    }

    /** The stored texts that contain any of {@code values}, ignoring case. */
    private List<String> holding(List<String> values) {
        List<String> found = new ArrayList<>();
        for (String text : everythingStored(store)) {
            String folded = text.toLowerCase(Locale.ROOT);
            for (String value : values) {
                if (folded.contains(value.toLowerCase(Locale.ROOT))) {
                    found.add(value + " in " + text);
                }
            }
        }
        return found;
    }

    private void deliverEverything() {
        provisioning.dispatchOutbox(message -> { }).dispatchDue();
        while (provisioning.dispatchOutbox(message -> { }).dispatchDue() > 0) {
            // drain: one dispatch delivers up to a batch
        }
    }

    @Test
    void theScanFindsWhatIsStored() {
        UserView bystander = provisionJson(bystander());
        quillonWithHistory(bystander);

        assertThat(holding(PERSONAL)).isNotEmpty();
        assertThat(holding(List.of("Quillon", "Juniper Crescent", "EMP-558213", "+1 202 555 0187"))).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void aHardDeleteLeavesNoPersonalDataBehind() {
        UserView bystander = provisionJson(bystander());
        UserView quillon = quillonWithHistory(bystander);
        List<AuditEntry> history = auditEntriesFor(quillon);

        assertThat(provisioning.deleteUser().delete(new DeleteUser.Command(tenant, quillon.user().id(), entra,
                Optional.empty())).isDone()).isTrue();

        assertThat(holding(PERSONAL)).isEmpty();
        assertThat(holding(BYSTANDER)).isNotEmpty();
        // the removal event names nothing but the id: the product erases its copy by it
        List<OutboxMessage> left = store.outbox().messagesOf(tenant, quillon.user().id());
        assertThat(left).extracting(OutboxMessage::kind).containsExactly(OutboxMessage.Kind.HARD_DELETED);
        assertThat(left.get(0).payload()).isEmpty();
        deliverEverything();
        assertThat(holding(List.of(quillon.user().id().value()))).isEmpty();
        assertPseudonymised(history, AuditAction.USER_HARD_DELETED);
    }

    @Test
    void aRetentionPurgeLeavesNoPersonalDataBehind() {
        UserView bystander = provisionJson(bystander());
        UserView quillon = quillonWithHistory(bystander);
        setActive(quillon, false);
        List<AuditEntry> history = auditEntriesFor(quillon);
        clock.advance(RETENTION.plusSeconds(1));

        assertThat(provisioning.purgeExpiredUsers().purgeExpired()).isEqualTo(1);

        assertThat(holding(PERSONAL)).isEmpty();
        assertThat(holding(BYSTANDER)).isNotEmpty();
        deliverEverything();
        assertThat(holding(List.of(quillon.user().id().value()))).isEmpty();
        assertPseudonymised(history, AuditAction.USER_PURGED);
    }

    @Test
    void anInviteesOwnEntriesArePseudonymisedToo() {
        UserView quillon = provisionJson(quillon());
        assertThat(accept(latestToken(quillon)).isDone()).isTrue();

        provisioning.deleteUser().delete(new DeleteUser.Command(tenant, quillon.user().id(), entra, Optional.empty()));

        List<AuditEntry> all = provisioning.readAuditLog().read(tenant, PageRequest.first(100)).items();
        assertThat(all).extracting(e -> e.actor().describe()).noneMatch(a -> a.contains(quillon.user().id().value()))
                .anyMatch(a -> a.startsWith("invitee:erased-"));
    }

    /**
     * The person's history is all there, in order, under one pseudonym that is not the id; nothing
     * else in the log moved to it.
     */
    private void assertPseudonymised(List<AuditEntry> before, AuditAction removal) {
        List<AuditEntry> all = provisioning.readAuditLog().read(tenant, PageRequest.first(1000)).items();
        String pseudonym = all.stream().filter(e -> e.id().equals(before.get(0).id())).findFirst().orElseThrow().target();
        assertThat(pseudonym).startsWith("user:erased-").doesNotContain(before.get(0).target().substring(5));
        List<AuditEntry> after = new ArrayList<>(all.stream().filter(e -> e.target().equals(pseudonym)).toList());
        Collections.reverse(after);
        assertThat(after).extracting(AuditEntry::id)
                .startsWith(before.stream().map(AuditEntry::id).toArray(String[]::new));
        assertThat(after).extracting(AuditEntry::action).last().isEqualTo(removal);
        assertThat(after).hasSize(before.size() + 1);
        assertThat(all).extracting(AuditEntry::target).doesNotContain(before.get(0).target());
    }

    @Test
    void anExportHoldsWhatIsStoredAboutThePersonAndNothingOfAnother() {
        UserView bystander = provisionJson(bystander());
        UserView quillon = quillonWithHistory(bystander);

        ExportUser.UserExport export = provisioning.exportUser().export(tenant, quillon.user().id()).orElseThrow();

        assertThat(export.exportedAt()).isEqualTo(clock.instant());
        assertThat(export.user()).isEqualTo(current(quillon));
        assertThat(export.user().groups()).extracting(g -> g.displayName()).containsExactly("Mapmakers");
        assertThat(export.invitations()).isEqualTo(store.invitations().allFor(tenant, quillon.user().id()))
                .hasSizeGreaterThanOrEqualTo(2);
        List<String> newestFirst = new ArrayList<>(auditEntriesFor(quillon).stream().map(AuditEntry::id).toList());
        Collections.reverse(newestFirst);
        assertThat(export.auditTrail()).extracting(AuditEntry::id).containsExactlyElementsOf(newestFirst);
        List<OutboxMessage> stored = store.outbox().messagesOf(tenant, quillon.user().id());
        assertThat(export.undeliveredMessages()).extracting(OutboxMessage::id)
                .containsExactlyElementsOf(stored.stream().map(OutboxMessage::id).toList());
        assertThat(export.undeliveredMessages()).allSatisfy(m -> assertThat(m.payload()).doesNotContainKey("token"));
        assertThat(export.undeliveredMessages()).anySatisfy(m -> assertThat(m.payload())
                .containsEntry("email", "quillon.zebrowski@erasure.test"));
        String everything = export.toString().toLowerCase(Locale.ROOT);
        for (String value : BYSTANDER) {
            assertThat(everything).doesNotContain(value.toLowerCase(Locale.ROOT));
        }
        assertThat(everything).doesNotContain(bystander.user().id().value());
        assertThat(provisioning.exportUser().export(otherTenant, quillon.user().id())).isEmpty();
        assertThat(provisioning.exportUser().export(tenant, UserId.of("nobody"))).isEmpty();
    }

    @Test
    void theAuditLogKeepsItsOwnRetention() {
        Provisioning shortLog = Provisioning.builder(store).clock(clock)
                .auditRetention(new AuditRetention(Duration.ofDays(10))).purgeBatchSize(1).build();
        provisionJson(bystander());
        long old = auditCount();
        clock.advance(Duration.ofDays(6));
        provision("later", true);
        long all = auditCount();
        clock.advance(Duration.ofDays(5));

        assertThat(shortLog.purgeAuditLog().purgeExpiredEntries()).isEqualTo((int) old);

        assertThat(auditCount()).isEqualTo(all - old);
        assertThat(shortLog.purgeAuditLog().purgeExpiredEntries()).isZero();
        assertThat(provisioning.readAuditLog().read(tenant, PageRequest.first(100)).items())
                .isNotEmpty()
                .allSatisfy(e -> assertThat(e.at()).isAfter(clock.instant().minus(Duration.ofDays(10))));
    }
}
