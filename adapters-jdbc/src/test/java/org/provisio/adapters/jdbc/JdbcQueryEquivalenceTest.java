package org.provisio.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Group;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.PageRequest;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserName;
import org.provisio.domain.model.UserQuery;
import org.provisio.domain.model.UserState;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.query.SortOrder;
import org.provisio.scim.query.Sorting;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ScimResource;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Filters, sorts and pages answered by the database give exactly what scim-core's evaluator and
 * sorting give over the SCIM views of the same users: pushed-down filters, filters that are
 * partly or not at all translatable, users whose profile shape only the evaluator can judge
 * (irregular), and values full of SQL and LIKE metacharacters.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcQueryEquivalenceTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");
    private static final TenantId TENANT = TenantId.of("acme");
    private static final TenantId OTHER = TenantId.of("globex");
    /** A tenant without irregular users: SQL answers its queries alone, a page with its groups in one statement. */
    private static final TenantId REGULAR = TenantId.of("initech");

    private final List<String> urls = new ArrayList<>();
    private final List<JdbcStore> stores = new ArrayList<>();
    private final List<User> users = new ArrayList<>();
    private final List<Group> groups = new ArrayList<>();
    private final List<User> regularUsers = new ArrayList<>();
    private final List<Group> regularGroups = new ArrayList<>();

    @BeforeAll
    void seed() {
        for (int i = 0; i < 24; i++) {
            users.add(user(i, TENANT));
            regularUsers.add(user(i, REGULAR));
        }
        users.add(irregular(24, ComplexValue.of("emails", ComplexValue.of("value", StringValue.of("single@work.example"),
                "type", StringValue.of("work")))));
        users.add(irregular(25, ComplexValue.of("emails", MultiValue.of(StringValue.of("bare@home.example")),
                "displayName", MultiValue.of(StringValue.of("Many"), StringValue.of("Names")))));
        users.add(plain(26, "a_b%c\\d'; DROP TABLE users; --"));
        users.add(plain(27, "Straße"));
        groups.add(Group.create(GroupId.of("g1"), TENANT, "Ones", Optional.empty(),
                Set.of(users.get(1).id(), users.get(11).id(), users.get(21).id()), T0));
        groups.add(Group.create(GroupId.of("G2"), TENANT, "Twos", Optional.empty(),
                Set.of(users.get(2).id(), users.get(24).id()), T0));
        regularGroups.add(Group.create(GroupId.of("r1"), REGULAR, "Ones", Optional.empty(),
                Set.of(regularUsers.get(1).id(), regularUsers.get(11).id(), regularUsers.get(21).id()), T0));
        regularGroups.add(Group.create(GroupId.of("R2"), REGULAR, "Twos", Optional.empty(),
                Set.of(regularUsers.get(2).id(), regularUsers.get(11).id()), T0.plusSeconds(1)));
        for (TestDatabase database : TestDatabase.values()) {
            String url = database.createUrl();
            urls.add(url);
            JdbcStore store = JdbcStore.open(database.settings(url));
            stores.add(store);
            store.tenants().add(new Tenant(TENANT, "Acme", T0));
            store.tenants().add(new Tenant(OTHER, "Globex", T0));
            store.tenants().add(new Tenant(REGULAR, "Initech", T0));
            users.forEach(store.users()::add);
            regularUsers.forEach(store.users()::add);
            store.users().add(User.create(UserId.of("elsewhere"), OTHER, UserName.of("user1"), Optional.empty(),
                    ScimResource.of(ComplexValue.EMPTY), new Active(T0), T0));
            groups.forEach(store.groups()::add);
            regularGroups.forEach(store.groups()::add);
        }
    }

    @AfterAll
    void drop() {
        stores.forEach(JdbcStore::close);
        for (int i = 0; i < urls.size(); i++) {
            TestDatabase.values()[i].drop(urls.get(i));
        }
    }

    private static User user(int i, TenantId tenant) {
        UserState state = i % 5 == 0 ? new Suspended.FromActive(T0, T0.plus(Duration.ofDays(30)))
                : i % 3 == 0 ? new Pending(InvitationId.of("inv-" + i)) : new Active(T0);
        ComplexValue.Builder p = ComplexValue.builder();
        if (i % 4 != 0) {
            p.put("displayName", "Dísplay " + i);
        }
        if (i % 2 == 0) {
            p.put("name", ComplexValue.of("givenName", StringValue.of("GIVEN" + i), "familyName", StringValue.of("Fam" + i)));
        }
        if (i % 3 != 1) {
            p.put("title", i % 2 == 0 ? "Engineer" : "Guide");
        }
        List<org.provisio.scim.resource.Value> emails = new ArrayList<>();
        if (i % 6 != 5) {
            emails.add(ComplexValue.of("value", StringValue.of("u" + i + "@Work.example"), "type", StringValue.of("work"),
                    "primary", BooleanValue.of(i % 2 == 0)));
        }
        if (i % 3 == 0) {
            emails.add(ComplexValue.of("value", StringValue.of("u" + i + "@home.example"), "type", StringValue.of("home")));
        }
        if (!emails.isEmpty()) {
            p.put("emails", new MultiValue(emails));
        }
        Optional<String> externalId = i % 4 == 1 ? Optional.empty() : Optional.of("ext-" + i);
        Instant at = T0.plus(Duration.ofMinutes(i));
        String userName = i % 7 == 3 ? "USER" + i : "user" + i;
        return User.create(UserId.of(String.format("id-%02d", (i * 7) % 24 + (i >= 24 ? 100 : 0))), tenant,
                UserName.of(userName), externalId, ScimResource.of(p.build()), state, at);
    }

    private static User irregular(int i, ComplexValue profile) {
        return User.create(UserId.of("id-irregular-" + i), TENANT, UserName.of("odd" + i), Optional.of("ext-" + i),
                ScimResource.of(profile), new Active(T0), T0.plus(Duration.ofMinutes(i)));
    }

    private static User plain(int i, String userName) {
        return User.create(UserId.of("id-plain-" + i), TENANT, UserName.of(userName), Optional.empty(),
                ScimResource.of(ComplexValue.EMPTY), new Active(T0), T0.plus(Duration.ofMinutes(i)));
    }

    static Stream<String> filters() {
        return Stream.of(
                "userName eq \"user4\"", "userName eq \"USER4\"", "userName ne \"user4\"", "userName sw \"USER1\"",
                "userName co \"er2\"", "userName ew \"7\"", "userName pr", "userName gt \"user5\"",
                "userName co \"_b%\"", "userName co \"%\"", "userName eq \"a_b%c\\\\d'; DROP TABLE users; --\"",
                "userName eq \"STRASSE\"", "userName eq \"straße\"",
                "id eq \"id-07\"", "id eq \"ID-07\"", "id sw \"id-1\"",
                "externalId eq \"ext-3\"", "externalId eq \"EXT-3\"", "externalId pr", "not (externalId pr)",
                "externalId eq null", "externalId ne null", "externalId sw \"ext-1\"",
                "active eq false", "active eq true", "active ne true", "active eq \"False\"", "active pr",
                "displayName eq \"dÍsplay 3\"", "displayName co \"PLAY 1\"", "displayName pr", "displayName eq \"Many\"",
                "name.givenName eq \"given4\"", "name.familyName pr", "not (name.givenName pr)",
                "name.givenName eq null",
                "emails.value eq \"u3@work.example\"", "emails.value ew \"HOME.example\"",
                "emails.value ne \"u3@work.example\"", "emails eq \"u4@work.example\"", "emails.value eq null",
                "emails.type eq \"home\"", "emails.value pr", "emails pr", "emails co \"bare\"",
                "emails.value eq \"single@work.example\"",
                "emails[type eq \"work\" and value eq \"u5@work.example\"]",
                "emails[type eq \"work\" and value eq \"U4@WORK.EXAMPLE\"]",
                "emails[type eq \"work\" and primary eq true]", "emails[not (type eq \"work\")]",
                "emails[primary eq false or type eq \"home\"]", "emails[value co \"u1\" and display pr]",
                "emails[primary ne true]",
                "groups.value eq \"g1\"", "groups.value ne \"g1\"", "groups pr", "not (groups pr)",
                "groups eq \"g2\"", "groups.display eq \"Ones\"",
                "meta.created gt \"2024-03-01T09:05:00Z\"", "meta.lastModified le \"2024-03-01T09:10:00Z\"",
                "meta.created eq \"2024-03-01T09:07:00Z\"", "meta.created ne \"2024-03-01T09:07:00Z\"",
                "meta.created lt \"2024-03-01T09:03:00\"",
                "title eq \"Engineer\"", "title pr and userName sw \"user\"", "title eq \"Guide\" or userName eq \"user1\"",
                "not (userName eq \"user1\" or emails.type eq \"home\")",
                "not (title eq \"Guide\")", "userName sw \"user\" and not (title pr)",
                "(active eq true and emails[type eq \"home\"]) or externalId eq \"ext-10\"");
    }

    static Stream<Arguments> sorts() {
        return Stream.of("userName", "id", "externalId", "meta.created", "meta.lastModified", "title", "emails.value",
                        "displayName")
                .flatMap(s -> Stream.of(Arguments.of(s, SortOrder.ASCENDING), Arguments.of(s, SortOrder.DESCENDING)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void filtersSelectWhatTheEvaluatorSelects(String filter) {
        Filter parsed = Filter.parse(filter);
        Predicate<ComplexValue> p = FilterEvaluator.compile(parsed, ResourceSchema.user());
        List<String> expected = users.stream().filter(u -> p.test(view(u))).map(u -> u.id().value()).toList();

        for (JdbcStore store : stores) {
            List<String> actual = store.users().query(TENANT, UserQuery.filtered(parsed, PageRequest.first(1000)))
                    .items().stream().map(u -> u.id().value()).toList();
            assertThat(actual).as("%s on %s", filter, store.vendor()).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("sorts")
    void sortsAndPagesAsScimCoreSorts(String by, SortOrder order) {
        AttributePath path = AttributePath.parse(by);
        Comparator<ComplexValue> comparator = Sorting.comparator(path, order, ResourceSchema.user());
        List<String> expected = users.stream().sorted(Comparator.comparing(this::view, comparator))
                .map(u -> u.id().value()).toList();
        SortBy sort = new SortBy(path, order);

        for (JdbcStore store : stores) {
            List<String> all = store.users().query(TENANT, UserQuery.all(PageRequest.first(1000)).sortedBy(sort))
                    .items().stream().map(u -> u.id().value()).toList();
            assertThat(all).as("%s %s on %s", by, order, store.vendor()).containsExactlyElementsOf(expected);
            var page = store.users().query(TENANT, UserQuery.filtered(Filter.parse("userName sw \"user\""),
                    PageRequest.of(3, 5)).sortedBy(sort));
            List<String> expectedPage = users.stream().filter(u -> u.userName().value().toLowerCase().startsWith("user"))
                    .sorted(Comparator.comparing(this::view, comparator)).map(u -> u.id().value()).toList();
            assertThat(page.items().stream().map(u -> u.id().value()).toList())
                    .containsExactlyElementsOf(expectedPage.subList(2, 7));
            assertThat(page.totalResults()).isEqualTo(expectedPage.size());
        }
    }

    /**
     * Where SQL answers alone (no irregular user in the tenant), the page and its users' groups are
     * one statement: the same users as the evaluator selects, in order, each with exactly its groups
     * in creation order, whatever the page's size and place.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void aPageSqlAnswersAloneCarriesEachUsersGroups(String filter) {
        Filter parsed = Filter.parse(filter);
        Predicate<ComplexValue> p = FilterEvaluator.compile(parsed, ResourceSchema.user());
        List<String> expected = regularUsers.stream()
                .filter(u -> p.test(u.toScim(groupsOf(regularGroups, u)))).map(this::withGroups).toList();

        for (JdbcStore store : stores) {
            List<String> all = store.users().queryWithGroups(REGULAR, UserQuery.filtered(parsed, PageRequest.first(1000)))
                    .items().stream().map(u -> u.user().id().value() + u.groups().stream()
                            .map(g -> g.id().value()).toList()).toList();
            assertThat(all).as("%s on %s", filter, store.vendor()).containsExactlyElementsOf(expected);
            var page = store.users().queryWithGroups(REGULAR, UserQuery.filtered(parsed, PageRequest.of(2, 3)));
            assertThat(page.items().stream().map(u -> u.user().id().value() + u.groups().stream()
                    .map(g -> g.id().value()).toList()).toList()).as("page 2-4 of %s on %s", filter, store.vendor())
                    .containsExactlyElementsOf(expected.subList(Math.min(1, expected.size()), Math.min(4, expected.size())));
            assertThat(page.totalResults()).as("total of %s on %s", filter, store.vendor()).isEqualTo(expected.size());
        }
    }

    private String withGroups(User user) {
        return user.id().value() + groupsOf(regularGroups, user).stream().map(g -> g.id().value()).toList();
    }

    private static List<org.provisio.domain.model.GroupHeader> groupsOf(List<Group> groups, User user) {
        return groups.stream().filter(g -> g.hasMember(user.id())).map(Group::header).toList();
    }

    @Test
    void theLookupsOfEntraAreAnsweredEntirelyInSql() {
        assertThat(JdbcFilterTranslator.translate(Filter.parse("userName eq \"x\""), "t").exact()).isTrue();
        assertThat(JdbcFilterTranslator.translate(
                Filter.parse("emails[type eq \"work\" and value eq \"x\"]"), "t").exact()).isTrue();
        assertThat(JdbcFilterTranslator.translate(Filter.parse("externalId eq \"x\""), "t").exact()).isTrue();
        assertThat(JdbcFilterTranslator.translate(
                Filter.parse("meta.lastModified gt \"2024-01-01T00:00:00Z\" and active eq true"), "t").exact()).isTrue();
        assertThat(JdbcFilterTranslator.translate(Filter.parse("title eq \"x\""), "t").exact()).isFalse();
    }

    @Test
    void aFilterValueIsBoundNeverWrittenIntoTheSql() {
        JdbcCondition c = JdbcFilterTranslator.translate(Filter.parse("userName eq \"'; DROP TABLE users; --\""), "t");

        SqlNode.Rendered rendered = c.rendered();
        assertThat(rendered.sql()).doesNotContain("DROP").doesNotContain("drop");
        assertThat(rendered.params()).containsExactly("'; drop table users; --");
        for (JdbcStore store : stores) {
            assertThat(store.users().find(TENANT, users.get(26).id())).contains(users.get(26));
        }
    }

    private ComplexValue view(User user) {
        return user.toScim(groupsOf(groups, user));
    }
}
