package org.provisio.adapters.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.function.Predicate;
import org.provisio.domain.model.KeysetRequest;
import org.provisio.domain.model.Page;
import org.provisio.domain.model.PageKey;
import org.provisio.domain.model.Paging;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.query.KeysetSlice;
import org.provisio.scim.query.ResourceQuery;
import org.provisio.scim.query.Slice;
import org.provisio.scim.query.SortBy;
import org.provisio.scim.query.SortPosition;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Keyset pages (RFC 9865 cursors) over a tenant's {@link SeqMap}: in creation order the key is
 * the insertion sequence number ({@code ["seq", "42"]}) and a page reads on from there; sorted,
 * the key is the last item's {@link SortPosition} ({@code ["sort", kind, text, id]}) and
 * scim-core's {@link ResourceQuery#keyset} picks the page, as the JDBC store does for a sort
 * no column serves. The caller holds the tenant's lock.
 */
final class InMemoryKeyset {
    private InMemoryKeyset() {
    }

    /**
     * A query's page of either kind: an index page, which scim-core evaluates, sorts and slices from
     * {@code candidates}, or a keyset page after the request's key ({@link #page}).
     */
    static <T> Page<T> query(Paging paging, Iterable<T> candidates,
                             LongFunction<Iterable<SeqMap.Entry<T>>> candidatesAfter,
                             Function<? super T, ComplexValue> view, Optional<Filter> filter, Optional<SortBy> sort,
                             ResourceSchema schema) {
        return paging.fold(page -> {
            Slice<T> slice = ResourceQuery.run(candidates, view, filter, sort, page.offset(), page.count(), schema);
            return new Page<>(slice.items(), page.startIndex(), slice.total());
        }, keyset -> page(candidatesAfter, view, filter, sort, keyset, schema));
    }

    /**
     * The page of {@code request} of the candidates: {@code candidatesAfter} gives those placed after
     * a sequence number ({@code -1} for all), in insertion order — every item of the tenant, or the
     * one an indexed lookup found.
     */
    static <T> Page<T> page(LongFunction<Iterable<SeqMap.Entry<T>>> candidatesAfter,
                            Function<? super T, ComplexValue> view, Optional<Filter> filter, Optional<SortBy> sort,
                            KeysetRequest request, ResourceSchema schema) {
        if (sort.isPresent()) {
            Optional<SortPosition> after = request.after().isStart() ? Optional.empty() : Optional.of(request.after().position());
            List<T> candidates = new ArrayList<>();
            candidatesAfter.apply(-1).forEach(e -> candidates.add(e.value()));
            KeysetSlice<T> slice = ResourceQuery.keyset(candidates, view, filter, sort.get(), after, request.count(),
                    schema);
            Optional<PageKey> next = !slice.more() ? Optional.empty()
                    : Optional.of(slice.last().map(PageKey::ofPosition).orElse(request.after()));
            return Page.keyset(slice.items(), request.knownTotal().orElse(slice.total()), next);
        }
        long after = request.after().isStart() ? -1 : request.after().sequence();
        Predicate<ComplexValue> matches = filter.isPresent() ? FilterEvaluator.compile(filter.get(), schema) : c -> true;
        Iterable<SeqMap.Entry<T>> candidates = candidatesAfter.apply(request.knownTotal().isPresent() ? after : -1);
        List<SeqMap.Entry<T>> page = new ArrayList<>();
        long total = 0;
        for (SeqMap.Entry<T> candidate : candidates) {
            if (!matches.test(view.apply(candidate.value()))) {
                continue;
            }
            total++;
            if (candidate.seq() > after && page.size() <= request.count()) {
                page.add(candidate);
            }
            if (page.size() > request.count() && request.knownTotal().isPresent()) {
                break;
            }
        }
        boolean more = page.size() > request.count();
        List<SeqMap.Entry<T>> items = more ? page.subList(0, request.count()) : page;
        Optional<PageKey> next = !more ? Optional.empty()
                : Optional.of(items.isEmpty() ? request.after() : PageKey.ofSequence(items.get(items.size() - 1).seq()));
        return Page.keyset(items.stream().map(SeqMap.Entry::value).toList(), request.knownTotal().orElse(total), next);
    }
}
