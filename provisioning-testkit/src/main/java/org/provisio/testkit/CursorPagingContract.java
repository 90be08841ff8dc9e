package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupHeader;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.GroupQuery;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageKey;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Paging;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.port.WriteOutcome;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.query.SortOrder;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.CoreSchemas;

/**
 * The keyset pages behind RFC 9865 cursors ({@link KeysetRequest}) of
 * {@link org.provisio.domain.port.Users#query} and {@link org.provisio.domain.port.Groups#query}:
 * paging through a query page by page gives exactly what one index page of everything gives, in
 * every order a client can ask for — those a column serves and those only scim-core can sort —
 * with and without filters; the first page counts the total and later ones carry it; and users
 * and groups added and removed between pages never make a page repeat or skip one that was
 * there throughout.
 */
public abstract class CursorPagingContract extends StoreContract {
    private static final List<String> TITLES = List.of("Engineer", "engineer", "Designer", "Manager");
    private final List<User> seeded = new ArrayList<>();

    /**
     * 23 users: userNames of mixed case, some with externalId, title (with ties across case) or a
     * family name and some without, several created at the same instant (ties broken by id), and
     * one whose displayName is a number (a shape the JDBC columns cannot hold: irregular).
     */
    @BeforeEach
    void seedUsers() {
        for (int i = 0; i < 22; i++) {
            ComplexValue.Builder profile = ComplexValue.builder();
            if (i % 3 != 0) {
                profile.put("title", TITLES.get(i % TITLES.size()));
            }
            if (i % 4 != 1) {
                profile.put("name", ComplexValue.of("familyName", StringValue.of(i % 2 == 0 ? "Jensen" : "Smith" + i)));
            }
            profile.put("emails", MultiValue.of(ComplexValue.of("value", StringValue.of("u" + (50 - i) + "@example.com"),
                    "primary", BooleanValue.TRUE)));
            if (i % 5 == 0) {
                profile.put(CoreSchemas.ENTERPRISE_USER_URN, ComplexValue.of("employeeNumber",
                        StringValue.of(Integer.toString(900 - i))));
            }
            seed((i % 2 == 0 ? "User" : "user") + String.format("%02d", (i * 7) % 22), profile.build(),
                    i % 3 == 0 ? Optional.empty() : Optional.of("ext-" + (i * 5) % 22));
            if (i % 4 != 3) {
                clock.advance(Duration.ofSeconds(1));
            }
        }
        seed("irregular", ComplexValue.of("displayName", IntegerValue.of(42), "title", StringValue.of("Engineer")),
                Optional.empty());
        store.users().add(user(otherTenant, "someone-elses", new Active(T0), ComplexValue.EMPTY));
    }

    private User seed(String userName, ComplexValue profile, Optional<String> externalId) {
        User u = user(tenant, userName, new Active(T0), profile);
        User withExternalId = new User(u.id(), u.tenantId(), u.userName(), externalId, u.profile(), u.state(),
                u.version(), u.createdAt(), u.lastModifiedAt());
        assertThat(store.users().add(withExternalId)).isEqualTo(WriteOutcome.WRITTEN);
        seeded.add(withExternalId);
        return withExternalId;
    }

    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("creation order", Optional.empty()),
                Arguments.of("userName ascending", sort("userName", SortOrder.ASCENDING)),
                Arguments.of("userName descending", sort("userName", SortOrder.DESCENDING)),
                Arguments.of("id ascending", sort("id", SortOrder.ASCENDING)),
                Arguments.of("id descending", sort("id", SortOrder.DESCENDING)),
                Arguments.of("externalId ascending", sort("externalId", SortOrder.ASCENDING)),
                Arguments.of("externalId descending", sort("externalId", SortOrder.DESCENDING)),
                Arguments.of("meta.created ascending", sort("meta.created", SortOrder.ASCENDING)),
                Arguments.of("meta.created descending", sort("meta.created", SortOrder.DESCENDING)),
                Arguments.of("meta.lastModified ascending", sort("meta.lastModified", SortOrder.ASCENDING)),
                Arguments.of("title ascending (no column)", sort("title", SortOrder.ASCENDING)),
                Arguments.of("title descending (no column)", sort("title", SortOrder.DESCENDING)),
                Arguments.of("name.familyName ascending", sort("name.familyName", SortOrder.ASCENDING)),
                Arguments.of("emails ascending (multi-valued)", sort("emails", SortOrder.ASCENDING)),
                Arguments.of("employeeNumber descending (extension)", sort(CoreSchemas.ENTERPRISE_USER_URN
                        + ":employeeNumber", SortOrder.DESCENDING)));
    }

    private static Optional<SortBy> sort(String path, SortOrder order) {
        return Optional.of(new SortBy(AttributePath.parse(path), order));
    }

    private List<String> names(List<User> users) {
        return users.stream().map(u -> u.userName().value()).toList();
    }

    /** Every user of the query, one keyset page after the other, checking each page's shape on the way. */
    private List<User> pageThrough(TenantId owner, UserQuery query, int count) {
        List<User> out = new ArrayList<>();
        Page<User> first = store.users().query(owner, query.withPage(KeysetRequest.first(count)));
        long total = first.totalResults();
        Page<User> page = first;
        for (int pages = 1; ; pages++) {
            assertThat(page.items().size()).isLessThanOrEqualTo(count);
            assertThat(page.totalResults()).as("the total of the first page, carried").isEqualTo(total);
            out.addAll(page.items());
            if (page.next().isEmpty()) {
                return out;
            }
            assertThat(page.items()).as("a page with a next page is full").hasSize(count);
            assertThat(pages).as("pages").isLessThan(1000);
            page = store.users().query(owner, query.withPage(KeysetRequest.after(page.next().get(), count, total)));
        }
    }

    private List<User> everything(UserQuery query) {
        return store.users().query(tenant, query.withPage(PageRequest.first(PageRequest.MAX_COUNT))).items();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void keysetPagesAreTheIndexPagesOfEveryOrder(String order, Optional<SortBy> sort) {
        UserQuery query = new UserQuery(Optional.empty(), sort, PageRequest.first(1));
        List<String> expected = names(everything(query));
        assertThat(expected).hasSize(23);

        for (int count : List.of(1, 4, 23, 1000)) {
            assertThat(names(pageThrough(tenant, query, count))).as("%d a page", count)
                    .containsExactlyElementsOf(expected);
        }
    }

    static Stream<Arguments> filteredOrders() {
        return Stream.of(
                Arguments.of("title eq \"engineer\"", Optional.empty()),
                Arguments.of("title eq \"engineer\"", sort("userName", SortOrder.DESCENDING)),
                Arguments.of("userName sw \"user1\"", sort("userName", SortOrder.ASCENDING)),
                Arguments.of("name.familyName eq \"Jensen\" and externalId pr", sort("meta.created", SortOrder.DESCENDING)),
                Arguments.of("not (title pr)", Optional.empty()),
                Arguments.of("emails[value ew \"0@example.com\"] or title eq \"Manager\"", sort("title", SortOrder.ASCENDING)),
                Arguments.of("displayName eq \"nobody\"", sort("userName", SortOrder.ASCENDING)));
    }

    /** Filters answered in SQL, in memory and in both (the irregular user), in orders with and without a column. */
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("filteredOrders")
    void filteredKeysetPagesAreTheIndexPages(String filter, Optional<SortBy> sort) {
        UserQuery query = new UserQuery(Optional.of(Filter.parse(filter)), sort, PageRequest.first(1));
        List<String> expected = names(everything(query));

        assertThat(names(pageThrough(tenant, query, 2))).containsExactlyElementsOf(expected);
        assertThat(store.users().query(tenant, query.withPage(KeysetRequest.first(2))).totalResults())
                .isEqualTo(expected.size());
    }

    @Test
    void theFirstPageCountsTheTotalAndLaterPagesCarryTheirs() {
        UserQuery query = UserQuery.all(KeysetRequest.first(10));
        Page<User> first = store.users().query(tenant, query);
        assertThat(first.totalResults()).isEqualTo(23);

        Page<User> second = store.users().query(tenant, query.withPage(KeysetRequest.after(first.next().orElseThrow(), 10, 99)));

        assertThat(second.totalResults()).as("not counted again").isEqualTo(99);
        assertThat(second.items()).hasSize(10);
    }

    /** RFC 9865 §2: with {@code count=0} no resources, only the total; more pages follow from the same place. */
    @Test
    void aPageOfNoneReportsTheTotalAndStaysWhereItIs() {
        Page<User> none = store.users().query(tenant, UserQuery.all(KeysetRequest.first(0)));
        assertThat(none.items()).isEmpty();
        assertThat(none.totalResults()).isEqualTo(23);
        assertThat(none.next()).contains(PageKey.START);

        Page<User> first = store.users().query(tenant, UserQuery.all(KeysetRequest.first(5)));
        Page<User> stillNone = store.users().query(tenant,
                UserQuery.all(KeysetRequest.after(first.next().orElseThrow(), 0, 23)));
        assertThat(stillNone.items()).isEmpty();
        assertThat(stillNone.next()).isEqualTo(first.next());
    }

    @Test
    void theLastPageHasNoNextAndAnEmptyResultIsOneLastPage() {
        Page<User> all = store.users().query(tenant, UserQuery.all(KeysetRequest.first(23)));
        assertThat(all.items()).hasSize(23);
        assertThat(all.next()).isEmpty();

        Page<User> nobody = store.users().query(tenant, UserQuery.filtered(Filter.parse("userName eq \"nobody\""),
                KeysetRequest.first(10)));
        assertThat(nobody.items()).isEmpty();
        assertThat(nobody.totalResults()).isZero();
        assertThat(nobody.next()).isEmpty();
    }

    @Test
    void entrasLookupByUserNameIsOnePage() {
        Page<User> found = store.users().query(tenant, UserQuery.filtered(Filter.parse("userName eq \"USER07\""),
                KeysetRequest.first(10)));

        assertThat(names(found.items())).containsExactly("user07");
        assertThat(found.next()).isEmpty();
    }

    @Test
    void keysetPagesHoldOnlyTheTenantsUsers() {
        assertThat(names(pageThrough(otherTenant, UserQuery.all(PageRequest.first(1)), 1))).containsExactly("someone-elses");
    }

    @Test
    void aKeyOfAnotherOrderIsAnInvalidCursor() {
        PageKey inCreationOrder = store.users().query(tenant, UserQuery.all(KeysetRequest.first(2))).next().orElseThrow();
        UserQuery byTitle = UserQuery.all(KeysetRequest.after(inCreationOrder, 2, 23))
                .sortedBy(SortBy.ascending(AttributePath.of("title")));
        UserQuery byUserName = UserQuery.all(KeysetRequest.after(inCreationOrder, 2, 23))
                .sortedBy(SortBy.ascending(AttributePath.of("userName")));

        for (UserQuery query : List.of(byTitle, byUserName)) {
            assertThatThrownBy(() -> store.users().query(tenant, query))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_CURSOR));
        }
    }

    static Stream<Arguments> ordersUnderChange() {
        return orders().filter(a -> !String.valueOf(a.get()[0]).contains("lastModified"));
    }

    /**
     * Between every two pages two users are added (sorting anywhere) and one is removed; every user
     * there from the first page to the last is on exactly one page, and no user is on two.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("ordersUnderChange")
    void changesBetweenPagesNeitherRepeatNorSkipUsersThereThroughout(String order, Optional<SortBy> sort) {
        UserQuery query = new UserQuery(Optional.empty(), sort, KeysetRequest.first(4));
        List<User> present = new ArrayList<>(seeded);
        Set<UserId> removed = new HashSet<>();
        List<UserId> seen = new ArrayList<>();
        Page<User> page = store.users().query(tenant, query);
        int round = 0;
        while (true) {
            page.items().forEach(u -> seen.add(u.id()));
            if (page.next().isEmpty()) {
                break;
            }
            round++;
            for (String name : List.of("added" + round + "a", "Added" + round + "b")) {
                ComplexValue profile = ComplexValue.of("title", StringValue.of(TITLES.get(round % TITLES.size())),
                        "name", ComplexValue.of("familyName", StringValue.of(round % 2 == 0 ? "Aaron" : "Zed")));
                User added = user(tenant, round % 2 == 0 ? name : "zz-" + name, new Active(T0), profile);
                assertThat(store.users().add(added)).isEqualTo(WriteOutcome.WRITTEN);
                present.add(added);
            }
            User gone = present.remove((round * 7) % present.size());
            assertThat(store.users().delete(tenant, gone.id())).isTrue();
            removed.add(gone.id());
            if (round % 3 == 0) {
                clock.advance(Duration.ofSeconds(1));
            }
            page = store.users().query(tenant, query.withPage(KeysetRequest.after(page.next().get(), 4, 23)));
        }
        Set<UserId> throughout = new LinkedHashSet<>();
        seeded.forEach(u -> throughout.add(u.id()));
        throughout.removeAll(removed);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(throughout);
        assertThat(round).as("pages turned under change").isGreaterThan(3);
    }

    // ---- groups ---------------------------------------------------------------------------------

    private List<Group> seedGroups() {
        List<Group> groups = new ArrayList<>();
        UserId member = seeded.get(0).id();
        for (int i = 0; i < 9; i++) {
            Group g = Group.create(GroupId.of(nextId("grp")), tenant, (i % 2 == 0 ? "Team " : "team ") + (char) ('k' - i),
                    i % 3 == 0 ? Optional.empty() : Optional.of("gx-" + i), i % 2 == 0 ? Set.of(member) : Set.of(),
                    clock.instant());
            assertThat(store.groups().add(g)).isEqualTo(WriteOutcome.WRITTEN);
            groups.add(g);
            clock.advance(Duration.ofSeconds(1));
        }
        return groups;
    }

    private List<String> groupPages(GroupQuery query, int count, Function<Paging, GroupQuery> at) {
        List<String> out = new ArrayList<>();
        Page<GroupHeader> page = store.groups().query(tenant, at.apply(KeysetRequest.first(count)));
        long total = page.totalResults();
        while (true) {
            page.items().forEach(g -> out.add(g.displayName()));
            if (page.next().isEmpty()) {
                return out;
            }
            assertThat(out.size()).isLessThan(1000);
            page = store.groups().query(tenant, at.apply(KeysetRequest.after(page.next().get(), count, total)));
        }
    }

    static Stream<Arguments> groupQueries() {
        return Stream.of(
                Arguments.of("creation order", null, Optional.empty()),
                Arguments.of("displayName descending", null, sort("displayName", SortOrder.DESCENDING)),
                Arguments.of("externalId ascending", null, sort("externalId", SortOrder.ASCENDING)),
                Arguments.of("filtered", "displayName sw \"team\"", Optional.empty()),
                Arguments.of("by member", "members[value pr]", sort("displayName", SortOrder.ASCENDING)),
                Arguments.of("Entra's lookup", "displayName eq \"TEAM K\"", Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupQueries")
    void groupKeysetPagesAreTheIndexPages(String what, String filter, Optional<SortBy> sort) {
        seedGroups();
        GroupQuery query = new GroupQuery(Optional.ofNullable(filter).map(Filter::parse), sort, PageRequest.first(1));
        List<String> expected = store.groups().query(tenant, query.withPage(PageRequest.first(100))).items().stream()
                .map(GroupHeader::displayName).toList();
        assertThat(expected).isNotEmpty();

        for (int count : List.of(1, 2, 100)) {
            assertThat(groupPages(query, count, query::withPage)).as("%d a page", count)
                    .containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groupQueries")
    void changesBetweenGroupPagesNeitherRepeatNorSkipGroupsThereThroughout(String what, String filter,
                                                                          Optional<SortBy> sort) {
        List<Group> groups = seedGroups();
        GroupQuery query = new GroupQuery(Optional.ofNullable(filter).map(Filter::parse), sort, KeysetRequest.first(2));
        Set<String> expected = new LinkedHashSet<>(store.groups().query(tenant, query.withPage(PageRequest.first(100)))
                .items().stream().map(GroupHeader::displayName).toList());
        List<String> seen = new ArrayList<>();
        Page<GroupHeader> page = store.groups().query(tenant, query);
        int round = 0;
        while (true) {
            page.items().forEach(g -> seen.add(g.displayName()));
            if (page.next().isEmpty()) {
                break;
            }
            round++;
            Group added = Group.create(GroupId.of(nextId("grp")), tenant, "team added " + round, Optional.empty(),
                    Set.of(), clock.instant());
            assertThat(store.groups().add(added)).isEqualTo(WriteOutcome.WRITTEN);
            if (!groups.isEmpty()) {
                Group gone = groups.remove(groups.size() - 1);
                assertThat(store.groups().delete(tenant, gone.id())).isTrue();
                expected.remove(gone.displayName());
            }
            page = store.groups().query(tenant, query.withPage(KeysetRequest.after(page.next().get(), 2, 9)));
        }

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(expected);
    }
}
