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
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserState;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.CoreSchemas;

/** The contract of {@link org.provisio.domain.port.Users#query}: the shared filter table, sorting and paging. */
public abstract class UserQueryContract extends StoreContract {

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

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.provisio.testkit.UserFilterTable#cases")
    void filtersSelectTheExpectedUsers(Filter filter, List<String> expected) {
        Page<User> page = store.users().query(tenant, UserQuery.filtered(filter, PageRequest.first(100)));

        assertThat(names(page)).containsExactlyElementsOf(expected);
        assertThat(page.totalResults()).isEqualTo(expected.size());
    }

    @Test
    void withoutFilterOrSortUsersComeInCreationOrderAndOnlyFromTheTenant() {
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100)))))
                .containsExactly("bjensen", "JSmith", "mwong", "6f1c1a5e-guid");
    }

    @Test
    void sortsByUserNameIgnoringCaseBothWays() {
        UserQuery.Sort asc = UserQuery.Sort.ascending(AttributePath.of("userName"));
        UserQuery.Sort desc = UserQuery.Sort.descending(AttributePath.of("userName"));

        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100)).sortedBy(asc))))
                .containsExactly("6f1c1a5e-guid", "bjensen", "JSmith", "mwong");
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100)).sortedBy(desc))))
                .containsExactly("mwong", "JSmith", "bjensen", "6f1c1a5e-guid");
    }

    @Test
    void usersWithoutTheSortValueComeLastAscendingAndFirstDescendingTiesByTheirId() {
        AttributePath title = AttributePath.of("title");

        assertThat(names(store.users().query(tenant,
                UserQuery.all(PageRequest.first(100)).sortedBy(UserQuery.Sort.ascending(title)))))
                .containsExactly("JSmith", "bjensen", "mwong", "6f1c1a5e-guid");
        assertThat(names(store.users().query(tenant,
                UserQuery.all(PageRequest.first(100)).sortedBy(UserQuery.Sort.descending(title)))))
                .containsExactly("mwong", "6f1c1a5e-guid", "bjensen", "JSmith");
    }

    @Test
    void sortsByMultiValuedPrimaryOrFirstAndByDates() {
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100))
                .sortedBy(UserQuery.Sort.ascending(AttributePath.of("emails", "value"))))))
                .containsExactly("bjensen", "JSmith", "mwong", "6f1c1a5e-guid");
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100))
                .sortedBy(UserQuery.Sort.descending(AttributePath.of("meta", "created"))))))
                .containsExactly("6f1c1a5e-guid", "mwong", "JSmith", "bjensen");
        assertThat(names(store.users().query(tenant, UserQuery.all(PageRequest.first(100))
                .sortedBy(UserQuery.Sort.descending(AttributePath.of("emails", "value"))))))
                .containsExactly("6f1c1a5e-guid", "mwong", "JSmith", "bjensen");
    }

    @Test
    void pagesCountFromOneAndReportTheTotal() {
        UserQuery.Sort byName = UserQuery.Sort.ascending(AttributePath.of("userName"));

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
