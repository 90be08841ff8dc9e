package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserState;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.CoreSchemas;

/**
 * The contract of {@link org.provisio.domain.port.Users#query}: the shared filter table (its ASCII
 * rows and its rows of case-insensitive text beyond ASCII), sorting and paging.
 */
public abstract class UserQueryContract extends StoreContract {
    /** The tenant of the {@linkplain UserFilterTable#NON_ASCII_PEOPLE international people}. */
    private TenantId international;

    @BeforeEach
    void seedPeople() {
        add("bjensen", new Active(T0), ComplexValue.builder()
                .put("name", ComplexValue.of("givenName", StringValue.of("Barbara"), "familyName", StringValue.of("Jensen")))
                .put("title", "Tour Guide")
                .put("emails", MultiValue.of(
                        email("bjensen@example.com", "work", true),
                        email("babs@home.example", "home", false)))
                .put(CoreSchemas.ENTERPRISE_USER_URN, ComplexValue.of("employeeNumber", StringValue.of("701")))
                .build(), Optional.of("ext-1"));
        add("JSmith", pending(), ComplexValue.builder()
                .put("name", ComplexValue.of("givenName", StringValue.of("John")))
                .put("title", "Engineer")
                .put("emails", MultiValue.of(email("jsmith@example.com", "work", false)))
                .build(), Optional.empty());
        add("mwong", new Suspended.FromActive(T0, T0.plus(Duration.ofDays(30))), ComplexValue.builder()
                .put("emails", MultiValue.of(email("mwong@example.org", "home", false)))
                .put(CoreSchemas.ENTERPRISE_USER_URN, ComplexValue.of("employeeNumber", StringValue.of("702")))
                .build(), Optional.empty());
        add("6f1c1a5e-guid", new Active(T0), ComplexValue.EMPTY, Optional.empty());
        store.users().add(user(otherTenant, "bjensen-elsewhere", new Active(T0), ComplexValue.of("title",
                StringValue.of("Tour Guide"))));
        seedInternationalPeople();
    }

    /** {@link UserFilterTable#NON_ASCII_PEOPLE}, in a tenant of their own. */
    private void seedInternationalPeople() {
        international = TenantId.of(nextId("tenant"));
        store.tenants().add(new Tenant(international, "Διεθνής", T0));
        addTo(international, "Οδυσσέας", "ΟΔΥΣΣΈΑΣ", "Οδυσσέας", "οδυσσέας@example.gr");
        addTo(international, "straße", "Weißbier", "Gauß", "GROSS@example.de");
        addTo(international, "ınci", "İstanbul", "Işık", "ınci@example.com.tr");
        addTo(international, "José", "Re\u0301sume\u0301", "Zoë", "zoe\u0308@example.fr");
    }

    private void addTo(TenantId owner, String userName, String displayName, String givenName, String email) {
        store.users().add(user(owner, userName, new Active(T0), ComplexValue.builder()
                .put("displayName", displayName)
                .put("name", ComplexValue.of("givenName", StringValue.of(givenName)))
                .put("emails", MultiValue.of(email(email, "work", true)))
                .build()));
        clock.advance(Duration.ofMinutes(1));
    }

    private void add(String userName, UserState state, ComplexValue profile, Optional<String> externalId) {
        User u = user(tenant, userName, state, profile);
        User withExternalId = new User(u.id(), u.tenantId(), u.userName(), externalId, u.profile(), u.state(),
                u.version(), u.createdAt(), u.lastModifiedAt());
        store.users().add(withExternalId);
        clock.advance(Duration.ofMinutes(1));
    }

    private static ComplexValue email(String value, String type, boolean primary) {
        return ComplexValue.of("value", StringValue.of(value), "type", StringValue.of(type),
                "primary", BooleanValue.of(primary));
    }

    private List<String> names(Page<User> page) {
        return page.items().stream().map(u -> u.userName().value()).toList();
    }

    /**
     * {@link org.provisio.domain.port.Users#replace}: a change that keeps the emails (of state, here)
     * and one that changes them; an email filter follows both, whatever a store leaves unwritten.
     */
    @Test
    void emailFiltersFollowAReplaceWhetherItKeptTheEmailsOrChangedThem() {
        User stored = store.users().findByUserName(tenant, UserName.of("JSmith")).orElseThrow();
        User activated = stored.withState(new Active(clock.instant()), clock.instant());
        assertThat(store.users().replace(stored, activated)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(names(byEmail("jsmith@example.com"))).containsExactly("JSmith");

        User moved = activated.withAttributes(activated.userName(), activated.externalId(), ScimResource.of(
                ComplexValue.of("emails", MultiValue.of(email("john@example.net", "work", true)))), clock.instant());
        assertThat(store.users().replace(activated, moved)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(names(byEmail("jsmith@example.com"))).isEmpty();
        assertThat(names(byEmail("john@example.net"))).containsExactly("JSmith");
        assertThat(store.users().find(tenant, stored.id())).contains(moved);
    }

    private Page<User> byEmail(String email) {
        return store.users().query(tenant, UserQuery.filtered(Filter.parse("emails.value eq \"" + email + "\""),
                PageRequest.first(10)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.provisio.testkit.UserFilterTable#cases")
    void filtersSelectTheExpectedUsers(Filter filter, List<String> expected) {
        Page<User> page = store.users().query(tenant, UserQuery.filtered(filter, PageRequest.first(100)));

        assertThat(names(page)).containsExactlyElementsOf(expected);
        assertThat(page.totalResults()).isEqualTo(expected.size());
    }

    /**
     * The whole filter table again, each row paged one user at a time by keyset (RFC 9865 cursors):
     * the same users in the same order, whatever path the store answers the filter by.
     */
    @Test
    void everyFilterOfTheTablePagesByKeysetToTheSameUsers() {
        List<org.junit.jupiter.params.provider.Arguments> rows = UserFilterTable.cases().toList();
        for (org.junit.jupiter.params.provider.Arguments row : rows) {
            Filter filter = (Filter) row.get()[0];
            @SuppressWarnings("unchecked")
            List<String> expected = (List<String>) row.get()[1];
            List<String> paged = new java.util.ArrayList<>();
            Page<User> page = store.users().query(tenant, UserQuery.filtered(filter, KeysetRequest.first(1)));
            assertThat(page.totalResults()).as("total of %s", filter).isEqualTo(expected.size());
            while (true) {
                paged.addAll(names(page));
                if (page.next().isEmpty() || paged.size() > expected.size()) {
                    break;
                }
                page = store.users().query(tenant, UserQuery.filtered(filter,
                        KeysetRequest.after(page.next().get(), 1, expected.size())));
            }
            assertThat(paged).as("%s", filter).containsExactlyElementsOf(expected);
        }
        assertThat(rows).hasSizeGreaterThan(20);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.provisio.testkit.UserFilterTable#nonAsciiCases")
    void nonAsciiFiltersSelectTheSameUsersOnEveryStore(Filter filter, List<String> expected) {
        Page<User> page = store.users().query(international, UserQuery.filtered(filter, PageRequest.first(100)));

        assertThat(names(page)).containsExactlyElementsOf(expected);
        assertThat(page.totalResults()).isEqualTo(expected.size());
    }

    @Test
    void nonAsciiUserNamesSortByTheirFoldAndAreFoundByIt() {
        assertThat(names(store.users().query(international, UserQuery.all(PageRequest.first(100))
                .sortedBy(SortBy.ascending(AttributePath.of("userName"))))))
                .containsExactly("ınci", "José", "straße", "Οδυσσέας");
        assertThat(names(store.users().query(international, UserQuery.all(PageRequest.first(100))
                .sortedBy(SortBy.descending(AttributePath.of("userName"))))))
                .containsExactly("Οδυσσέας", "straße", "José", "ınci");
        assertThat(store.users().findByUserName(international, UserName.of("ΟΔΥΣΣΈΑΣ")).map(u -> u.userName().value()))
                .contains("Οδυσσέας");
        assertThat(store.users().findByUserName(international, UserName.of("STRASSE")).map(u -> u.userName().value()))
                .contains("straße");
        assertThat(store.users().findByUserName(international, UserName.of("Jose\u0301")).map(u -> u.userName().value()))
                .contains("José");
        assertThat(store.users().findByUserName(international, UserName.of("İNCİ"))).isEmpty();
    }

    @Test
    void withoutFilterOrSortUsersComeInCreationOrderAndOnlyFromTheTenant() {
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100)))))
                .containsExactly("bjensen", "JSmith", "mwong", "6f1c1a5e-guid");
    }

    @Test
    void sortsByUserNameIgnoringCaseBothWays() {
        SortBy asc = SortBy.ascending(AttributePath.of("userName"));
        SortBy desc = SortBy.descending(AttributePath.of("userName"));

        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100)).sortedBy(asc))))
                .containsExactly("6f1c1a5e-guid", "bjensen", "JSmith", "mwong");
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100)).sortedBy(desc))))
                .containsExactly("mwong", "JSmith", "bjensen", "6f1c1a5e-guid");
    }

    @Test
    void usersWithoutTheSortValueComeLastAscendingAndFirstDescendingTiesByTheirId() {
        AttributePath title = AttributePath.of("title");

        assertThat(names(store.users().query(tenant,
                UserQuery.all(PageRequest.first(100)).sortedBy(SortBy.ascending(title)))))
                .containsExactly("JSmith", "bjensen", "mwong", "6f1c1a5e-guid");
        assertThat(names(store.users().query(tenant,
                UserQuery.all(PageRequest.first(100)).sortedBy(SortBy.descending(title)))))
                .containsExactly("mwong", "6f1c1a5e-guid", "bjensen", "JSmith");
    }

    @Test
    void sortsByMultiValuedPrimaryOrFirstAndByDates() {
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100))
                .sortedBy(SortBy.ascending(AttributePath.of("emails", "value"))))))
                .containsExactly("bjensen", "JSmith", "mwong", "6f1c1a5e-guid");
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100))
                .sortedBy(SortBy.descending(AttributePath.of("meta", "created"))))))
                .containsExactly("6f1c1a5e-guid", "mwong", "JSmith", "bjensen");
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100))
                .sortedBy(SortBy.descending(AttributePath.of("emails", "value"))))))
                .containsExactly("6f1c1a5e-guid", "mwong", "JSmith", "bjensen");
    }

    @Test
    void pagesCountFromOneAndReportTheTotal() {
        SortBy byName = SortBy.ascending(AttributePath.of("userName"));

        Page<User> second = store.users().query(tenant, UserQuery.all(PageRequest.of(2, 2)).sortedBy(byName));
        assertThat(names(second)).containsExactly("bjensen", "JSmith");
        assertThat(second.totalResults()).isEqualTo(4);
        assertThat(second.startIndex()).isEqualTo(2);

        Page<User> beyond = store.users().query(tenant, UserQuery.all(PageRequest.of(10, 5)));
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.totalResults()).isEqualTo(4);

        Page<User> countOnly = store.users().query(tenant, UserQuery.all(PageRequest.first(0)));
        assertThat(countOnly.items()).isEmpty();
        assertThat(countOnly.totalResults()).isEqualTo(4);
    }

    @Test
    void theFilterSeesGroupMemberships() {
        User bjensen = store.users().query(tenant, UserQuery.filtered(
                new Filter.Compare(AttributePath.of("userName"), CompareOperator.EQ, StringValue.of("bjensen")),
                PageRequest.first(1))).items().get(0);
        GroupsContract.addGroup(store, tenant, "grp-1", "Tour Guides", bjensen.id(), clock.instant());

        Page<User> members = store.users().query(tenant, UserQuery.filtered(new Filter.Compare(
                AttributePath.of("groups", "value"), CompareOperator.EQ, StringValue.of("grp-1")), PageRequest.first(10)));

        assertThat(names(members)).containsExactly("bjensen");
    }
}
