package org.provisio.scim.query;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Function;
import java.util.function.Predicate;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;

/**
 * A query answered in memory, the same way by every store that cannot push it down: filter the
 * candidates, sort them, cut out one page and count the rest.
 *
 * <pre>{@code
 * Slice<User> page = ResourceQuery.run(users, User::toScim,
 *         Optional.of(Filter.parse("userType eq \"Employee\"")),
 *         Optional.of(SortBy.ascending(AttributePath.of("userName"))),
 *         0, 100, ResourceSchema.user());
 * }</pre>
 *
 * <p>The filter is compiled once ({@link FilterEvaluator#compile}) and tested on each candidate's SCIM
 * view; {@code total} is the number of matches. The items are the matches at positions
 * {@code [offset, offset + count)}: in candidate order without a sort, else in the order of
 * {@link Sorting#comparator} (ties broken by {@code id}, then by candidate order, as a stable sort of
 * all matches would leave them). Memory stays bounded by the page, not by the candidates: without a
 * sort only the page is kept while counting; with one, a heap of the best {@code offset + count}
 * (view, item) pairs. {@code offset} is 0-based, so a SCIM {@code startIndex} is {@code offset + 1}.
 */
public final class ResourceQuery {
    private ResourceQuery() {
    }

    /**
     * Filters, sorts and slices {@code candidates}.
     *
     * @param view   the SCIM view of a candidate, which the filter and the sort look at
     * @param offset how many matches to skip, {@code >= 0}
     * @param count  the most items to return, {@code >= 0}; with 0 only the total is computed
     */
    public static <T> Slice<T> run(Iterable<? extends T> candidates, Function<? super T, ComplexValue> view,
                                   Optional<Filter> filter, Optional<SortBy> sort, int offset, int count,
                                   ResourceSchema schema) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(schema, "schema");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Predicate<ComplexValue> matches = filter.isPresent() ? FilterEvaluator.compile(filter.get(), schema) : null;
        if (sort.isPresent() && count > 0) {
            Comparator<ComplexValue> order = Sorting.comparator(sort.get().by(), sort.get().order(), schema);
            return sorted(candidates, view, matches, order, offset, count);
        }
        return inCandidateOrder(candidates, view, matches, offset, count);
    }

    /**
     * The matches of a sorted query that come after the position {@code after} (all of them
     * without one), the first {@code count} of them, in the order of {@link Sorting#comparator}:
     * keyset paging (RFC 9865 cursors) in memory. A match that was there when the position was
     * taken and still is, with the same sort key, is on a later page exactly once, whatever was
     * added or removed meanwhile. Memory stays bounded by the page: a heap of the best
     * {@code count + 1} matches after the position.
     *
     * @param count the most items to return, {@code >= 0}; {@code more} says whether matches follow
     *              the last item (or, with 0, the position)
     */
    public static <T> KeysetSlice<T> keyset(Iterable<? extends T> candidates, Function<? super T, ComplexValue> view,
                                            Optional<Filter> filter, SortBy sort, Optional<SortPosition> after,
                                            int count, ResourceSchema schema) {
        Objects.requireNonNull(candidates, "candidates");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(sort, "sort");
        Objects.requireNonNull(after, "after");
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        Predicate<ComplexValue> matches = filter.isPresent() ? FilterEvaluator.compile(filter.get(), schema) : null;
        Comparator<SortPosition> order = Sorting.positionOrder(sort.by(), sort.order(), schema);
        Comparator<Positioned<T>> ranking = Comparator.comparing(Positioned::position, order);
        PriorityQueue<Positioned<T>> best = new PriorityQueue<>(Math.min(count + 1, 1024), ranking.reversed());
        long total = 0;
        for (T candidate : candidates) {
            ComplexValue scim = view.apply(candidate);
            if (matches != null && !matches.test(scim)) {
                continue;
            }
            total++;
            SortPosition position = SortPosition.of(scim, sort, schema);
            if (after.isPresent() && order.compare(position, after.get()) <= 0) {
                continue;
            }
            Positioned<T> p = new Positioned<>(position, candidate);
            if (best.size() <= count) {
                best.add(p);
            } else if (ranking.compare(p, best.peek()) < 0) {
                best.poll();
                best.add(p);
            }
        }
        List<Positioned<T>> kept = new ArrayList<>(best);
        kept.sort(ranking);
        boolean more = kept.size() > count;
        List<T> page = new ArrayList<>(Math.min(count, kept.size()));
        for (int i = 0; i < Math.min(count, kept.size()); i++) {
            page.add(kept.get(i).item());
        }
        Optional<SortPosition> last = page.isEmpty() ? Optional.empty()
                : Optional.of(kept.get(page.size() - 1).position());
        return new KeysetSlice<>(page, last, more, total);
    }

    /** A match with its position. */
    private record Positioned<T>(SortPosition position, T item) {
    }

    private static <T> Slice<T> inCandidateOrder(Iterable<? extends T> candidates,
                                                 Function<? super T, ComplexValue> view,
                                                 Predicate<ComplexValue> matches, int offset, int count) {
        long end = (long) offset + count;
        List<T> page = new ArrayList<>(Math.min(count, 64));
        long total = 0;
        for (T candidate : candidates) {
            if (matches != null && !matches.test(view.apply(candidate))) {
                continue;
            }
            if (total >= offset && total < end) {
                page.add(candidate);
            }
            total++;
        }
        return new Slice<>(page, total);
    }

    private static <T> Slice<T> sorted(Iterable<? extends T> candidates, Function<? super T, ComplexValue> view,
                                       Predicate<ComplexValue> matches, Comparator<ComplexValue> order,
                                       int offset, int count) {
        long keep = (long) offset + count;
        Comparator<Ranked<T>> ranking = Comparator.<Ranked<T>, ComplexValue>comparing(Ranked::view, order)
                .thenComparingLong(Ranked::sequence);
        // The worst of the kept pairs on top, to be replaced by a better one.
        PriorityQueue<Ranked<T>> best = new PriorityQueue<>((int) Math.min(keep, 1024), ranking.reversed());
        long total = 0;
        for (T candidate : candidates) {
            ComplexValue scim = view.apply(candidate);
            if (matches != null && !matches.test(scim)) {
                continue;
            }
            Ranked<T> ranked = new Ranked<>(scim, candidate, total++);
            if (best.size() < keep) {
                best.add(ranked);
            } else if (ranking.compare(ranked, best.peek()) < 0) {
                best.poll();
                best.add(ranked);
            }
        }
        List<Ranked<T>> kept = new ArrayList<>(best);
        kept.sort(ranking);
        List<T> page = new ArrayList<>(Math.max(0, kept.size() - offset));
        for (int i = offset; i < kept.size(); i++) {
            page.add(kept.get(i).item());
        }
        return new Slice<>(page, total);
    }

    /** A match with its view and its position among the matches, the last tie-breaker. */
    private record Ranked<T>(ComplexValue view, T item, long sequence) {
    }
}
