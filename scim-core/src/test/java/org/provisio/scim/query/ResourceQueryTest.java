package org.provisio.scim.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.ResourceSchema;

/** {@link ResourceQuery}: filter, sort and slice in memory, the same as a full sort of every match. */
class ResourceQueryTest {
    private static final ResourceSchema USER = ResourceSchema.user();

    /** A candidate as a store holds it: its own type, with a SCIM view. */
    private record Row(int n, ComplexValue scim) {
    }

    /**
     * Users {@code u000..u(n-1)}: titles repeat (ties), some titles and userTypes are missing, a few ids repeat
     * (ties the id does not break), the loginCount goes down as n goes up.
     */
    private static List<Row> rows(int n) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ComplexValue.Builder b = ComplexValue.builder()
                    .put("id", "id" + (i % 97 == 5 ? 5 : i))
                    .put("userName", String.format("u%03d", i))
                    .put("active", BooleanValue.of(i % 3 != 0))
                    .put("loginCount", IntegerValue.of(n - i));
            if (i % 5 != 0) {
                b.put("title", (i % 2 == 0 ? "T" : "t") + (i % 7));
            }
            if (i % 4 != 0) {
                b.put("userType", i % 8 == 1 ? "Employee" : "Intern");
            }
            out.add(new Row(i, b.build()));
        }
        return out;
    }

    /** The obvious way: every match in a list, a stable full sort, a sub-list. */
    private static List<Row> reference(List<Row> rows, String filter, String sortBy, String order, int offset,
                                       int count) {
        Predicate<ComplexValue> p = filter == null ? c -> true : FilterEvaluator.compile(Filter.parse(filter), USER);
        List<Row> all = new ArrayList<>();
        for (Row r : rows) {
            if (p.test(r.scim())) {
                all.add(r);
            }
        }
        if (sortBy != null) {
            all.sort((a, b) -> Sorting.comparator(AttributePath.parse(sortBy),
                    SortOrder.fromName(order).orElseThrow(), USER).compare(a.scim(), b.scim()));
        }
        return all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + count, all.size()));
    }

    private static Slice<Row> run(List<Row> rows, String filter, String sortBy, String order, int offset,
                                  int count) {
        Optional<SortBy> sort = Optional.ofNullable(sortBy)
                .map(s -> new SortBy(AttributePath.parse(s), SortOrder.fromName(order).orElseThrow()));
        return ResourceQuery.run(rows, Row::scim, Optional.ofNullable(filter).map(Filter::parse), sort, offset, count,
                USER);
    }

    @ParameterizedTest(name = "[{index}] {0} / {1} {2} / {3}+{4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // filter | sortBy | order | offset | count | total | first userNames of the page
            "-|-|-|0|3|200|u000,u001,u002",
            "-|-|-|198|10|200|u198,u199",
            "-|-|-|200|10|200|''",
            "-|-|-|5000|10|200|''",
            "-|-|-|0|0|200|''",
            "active eq false|-|-|0|4|67|u000,u003,u006,u009",
            "active eq false|-|-|60|100|67|u180,u183,u186,u189,u192,u195,u198",
            "userName eq \"U042\"|-|-|0|10|1|u042",
            "userName eq \"nobody\"|-|-|0|10|0|''",
            "-|loginCount|ascending|0|3|200|u199,u198,u197",
            "-|loginCount|descending|0|3|200|u000,u001,u002",
            "-|userName|descending|197|5|200|u002,u001,u000",
            "-|USERNAME|ascending|0|0|200|''",
            "userType eq \"employee\"|loginCount|ascending|0|3|25|u193,u185,u177",
            "userType eq \"employee\"|loginCount|ascending|24|3|25|u001",
            "title pr|title|ascending|1000|10|160|''",
            "not (title pr)|loginCount|descending|0|5|40|u000,u005,u010,u015,u020"})
    void slicesTheMatches(String filter, String sortBy, String order, int offset, int count, long total,
                          String expected) {
        Slice<Row> slice = run(rows(200), filter, sortBy, order, offset, count);
        assertThat(slice.total()).isEqualTo(total);
        List<String> names = slice.items().stream().map(r -> r.scim().getText("userName").orElseThrow()).toList();
        assertThat(names).containsExactly(expected.isEmpty() ? new String[0] : expected.split(","));
        assertThat(slice.items()).containsExactlyElementsOf(reference(rows(200), filter, sortBy, order, offset, count));
    }

    @Test
    void isAFullSortOfEveryMatchCutToThePage() {
        List<Row> rows = rows(300);
        Random random = new Random(11);
        String[] filters = {null, "active eq true", "title pr", "title sw \"t1\" or userType eq \"Intern\"",
            "userName gt \"u150\""};
        String[] sorts = {null, "title", "userType", "loginCount", "userName", "id", "nickName"};
        for (int round = 0; round < 400; round++) {
            String filter = filters[random.nextInt(filters.length)];
            String sortBy = sorts[random.nextInt(sorts.length)];
            String order = random.nextBoolean() ? "ascending" : "descending";
            int offset = random.nextInt(5) == 0 ? random.nextInt(400) : random.nextInt(20);
            int count = random.nextInt(6) == 0 ? 0 : random.nextInt(50);
            String what = filter + " / " + sortBy + " " + order + " / " + offset + "+" + count;
            Slice<Row> slice = run(rows, filter, sortBy, order, offset, count);
            assertThat(slice.items()).as(what)
                    .containsExactlyElementsOf(reference(rows, filter, sortBy, order, offset, count));
            assertThat(slice.total()).as(what)
                    .isEqualTo(reference(rows, filter, null, null, 0, Integer.MAX_VALUE).size());
        }
    }

    @Test
    void keepsOnlyThePageWhileReadingAMillionCandidates() {
        AtomicInteger views = new AtomicInteger();
        Function<Integer, ComplexValue> view = i -> {
            views.incrementAndGet();
            return ComplexValue.of("id", StringValue.of("id" + i), "userName", StringValue.of("u" + i),
                    "loginCount", IntegerValue.of(i % 1000));
        };
        Iterable<Integer> million = () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < 1_000_000;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
        Slice<Integer> unsorted = ResourceQuery.run(million, view, Optional.empty(), Optional.empty(),
                999_990, 20, USER);
        assertThat(unsorted.total()).isEqualTo(1_000_000);
        assertThat(unsorted.items()).hasSize(10).startsWith(999_990).endsWith(999_999);
        assertThat(views).as("no filter, no sort: no view needed").hasValue(0);

        Slice<Integer> sorted = ResourceQuery.run(million, view, Optional.of(Filter.parse("loginCount ge 990")),
                Optional.of(SortBy.descending(AttributePath.of("loginCount"))), 3, 4, USER);
        assertThat(sorted.total()).isEqualTo(10_000);
        // loginCount 999 is held by 999, 1999, ..., 999999, ordered by id as text: id100999, id101999, ...
        assertThat(sorted.items()).containsExactly(103999, 104999, 105999, 106999);
    }

    @Test
    void refusesANegativeOffsetOrCountAndMissingArguments() {
        List<Row> rows = rows(3);
        assertThatThrownBy(() -> ResourceQuery.run(rows, Row::scim, Optional.empty(), Optional.empty(), -1, 1, USER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceQuery.run(rows, Row::scim, Optional.empty(), Optional.empty(), 0, -1, USER))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ResourceQuery.run(rows, Row::scim, Optional.empty(), Optional.empty(), 0, 1, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> SortBy.ascending(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new SortBy(AttributePath.of("userName"), null))
                .isInstanceOf(NullPointerException.class);
        assertThat(SortBy.descending(AttributePath.of("userName")).order()).isEqualTo(SortOrder.DESCENDING);
        assertThat(SortBy.ascending(AttributePath.of("userName")).order()).isEqualTo(SortOrder.ASCENDING);
    }

    @Test
    void anInvalidFilterIsTheFiltersError() {
        assertThatThrownBy(() -> ResourceQuery.run(rows(3), Row::scim, Optional.of(Filter.parse("active gt true")),
                Optional.empty(), 0, 1, USER))
                .isInstanceOfSatisfying(org.provisio.scim.error.ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(org.provisio.scim.error.ScimErrorType.INVALID_FILTER));
    }
}
