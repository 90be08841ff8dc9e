package org.provisio.scim.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.ResourceSchema;

/**
 * {@link ResourceQuery#keyset}: paging a sorted query after a {@link SortPosition} gives, page after
 * page, exactly the sorted result, and a change between pages never repeats or skips a resource
 * that was there throughout.
 */
class KeysetQueryTest {
    private static final ResourceSchema USER = ResourceSchema.user();

    private static ComplexValue user(int i) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("id", String.format("id%04d", (i * 7919) % 10_000))
                .put("userName", (i % 2 == 0 ? "U" : "u") + String.format("%03d", i % 150))
                .put("active", BooleanValue.of(i % 3 != 0));
        if (i % 5 != 0) {
            b.put("title", (i % 2 == 0 ? "T" : "t") + (i % 7));
        }
        return b.build();
    }

    private static List<ComplexValue> users(int from, int to) {
        List<ComplexValue> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(user(i));
        }
        return out;
    }

    private static List<String> ids(List<ComplexValue> page) {
        return page.stream().map(c -> c.getText("id").orElseThrow()).toList();
    }

    /** Every page after the last position, each position passed through its text form as a cursor would. */
    private static List<String> pageThrough(List<ComplexValue> all, Optional<Filter> filter, SortBy sort, int count) {
        List<String> out = new ArrayList<>();
        Optional<SortPosition> after = Optional.empty();
        for (int pages = 0; pages < 1000; pages++) {
            KeysetSlice<ComplexValue> slice = ResourceQuery.keyset(all, c -> c, filter, sort, after, count, USER);
            out.addAll(ids(slice.items()));
            if (!slice.more()) {
                return out;
            }
            after = SortPosition.decode(slice.last().orElseThrow().encode());
        }
        throw new AssertionError("no end");
    }

    @ParameterizedTest(name = "{0} {1}, filter {2}, {3} per page")
    @CsvSource(nullValues = "null", value = {
            "userName, ascending, null, 1",
            "userName, descending, null, 7",
            "title, ascending, null, 10",
            "title, descending, null, 3",
            "active, ascending, null, 50",
            "id, descending, null, 13",
            "title, ascending, 'active eq true', 4",
            "userName, ascending, 'title sw \"t\"', 9",
            "title, descending, 'userName lt \"u050\"', 1000"})
    void pagesAfterPositionsAreTheSortedResult(String by, String order, String filter, int count) {
        List<ComplexValue> all = users(0, 300);
        SortBy sort = new SortBy(AttributePath.parse(by), SortOrder.fromName(order).orElseThrow());
        Optional<Filter> f = Optional.ofNullable(filter).map(Filter::parse);

        List<String> expected = ids(ResourceQuery.run(all, c -> c, f, Optional.of(sort), 0, 1000, USER).items());

        assertThat(pageThrough(all, f, sort, count)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"userName, ascending", "userName, descending", "title, ascending", "title, descending"})
    void changesBetweenPagesNeitherRepeatNorSkipWhatWasThereThroughout(String by, String order) {
        SortBy sort = new SortBy(AttributePath.parse(by), SortOrder.fromName(order).orElseThrow());
        List<ComplexValue> all = new ArrayList<>(users(0, 200));
        Set<String> removed = new HashSet<>();
        List<String> seen = new ArrayList<>();
        Optional<SortPosition> after = Optional.empty();
        int added = 200;
        while (true) {
            KeysetSlice<ComplexValue> slice = ResourceQuery.keyset(all, c -> c, Optional.empty(), sort, after, 9, USER);
            seen.addAll(ids(slice.items()));
            if (!slice.more()) {
                break;
            }
            after = slice.last();
            // between pages: two new users (sorting anywhere), one user gone
            all.add(user(added++));
            all.add(user(added++));
            ComplexValue gone = all.remove((added * 31) % all.size());
            removed.add(gone.getText("id").orElseThrow());
        }
        Set<String> throughout = new HashSet<>(ids(users(0, 200)));
        throughout.removeAll(removed);

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsAll(throughout);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "null", value = {"s", "d", "i", "n", "b", "null"})
    void positionsSurviveTheirTextForm(String kind) {
        Optional<Value> key = Optional.ofNullable(kind).map(k -> switch (k) {
            case "s" -> StringValue.of("Jensen, \u00df");
            case "d" -> DateTimeValue.of(Instant.parse("2024-03-01T09:00:00.123456789Z"));
            case "i" -> IntegerValue.of(-42);
            case "n" -> DecimalValue.of(new BigDecimal("3.140"));
            default -> BooleanValue.TRUE;
        });
        SortPosition position = new SortPosition(key, "2819c223");

        assertThat(SortPosition.decode(position.encode())).contains(position);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"x/a/id", "d/yesterday/id", "i/4.5/id", "b/yes/id", "s/a", "s/a/b/c"})
    void textThatIsNoPositionIsRefused(String parts) {
        assertThat(SortPosition.decode(List.of(parts.split("/")))).isEmpty();
    }
}
