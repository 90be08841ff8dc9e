package org.provisio.domain.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.usecase.CheckConformance;
import org.provisio.domain.usecase.ReadDeviations;
import org.provisio.domain.usecase.RecordDeviations;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.scim.conformance.DeviationKind;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * The client-deviation report: requests are checked against their tenant's profile and their deviations
 * counted in memory — one striped counter per tenant, kind and outcome, so a request that deviates costs an
 * increment and no write — and the counts are written by {@link #recordNoted()}, which the jobs run every few
 * seconds and at shutdown. A failed write keeps the counts for the next one.
 *
 * <p>Memory stays bounded: a line exists only for a tenant that exists, and the kinds are a closed set.
 */
final class DeviationService implements CheckConformance, RecordDeviations, ReadDeviations {
    private final Context ctx;
    private final ConcurrentMap<Line, Counter> counters = new ConcurrentHashMap<>();

    DeviationService(Context ctx) {
        this.ctx = ctx;
    }

    /** One line of a report. */
    private record Line(TenantId tenant, String kind, Deviation.Outcome outcome) {
    }

    /** What this instance counted of one line since it started; only {@code count} is reset by a write. */
    private static final class Counter {
        final LongAdder count = new LongAdder();
        final AtomicLong first = new AtomicLong(Long.MAX_VALUE);
        final AtomicLong last = new AtomicLong(Long.MIN_VALUE);
        final String example;

        Counter(String example) {
            this.example = example;
        }

        void add(long millis) {
            if (first.get() > millis) {
                first.accumulateAndGet(millis, Math::min);
            }
            if (last.get() < millis) {
                last.accumulateAndGet(millis, Math::max);
            }
            count.increment();
        }
    }

    @Override
    public Optional<RequestConformance> begin(TenantId tenant, Supplier<String> requestLine) {
        Objects.requireNonNull(requestLine, "requestLine");
        return ctx.tenant(tenant).map(t -> new Check(t, requestLine));
    }

    private void note(TenantId tenant, String kind, Deviation.Outcome outcome, Supplier<String> example) {
        counters.computeIfAbsent(new Line(tenant, kind, outcome), l -> new Counter(example(example)))
                .add(ctx.clock.millis());
    }

    private static String example(Supplier<String> requestLine) {
        String line = requestLine.get();
        if (line == null) {
            return "";
        }
        return line.length() > Deviation.MAX_EXAMPLE ? line.substring(0, Deviation.MAX_EXAMPLE) : line;
    }

    @Override
    public int recordNoted() {
        List<Deviation> batch = new ArrayList<>();
        for (Map.Entry<Line, Counter> e : counters.entrySet()) {
            Counter c = e.getValue();
            long n = c.count.sumThenReset();
            if (n > 0) {
                Line l = e.getKey();
                long first = Math.min(c.first.get(), ctx.clock.millis());
                long last = Math.max(c.last.get(), first);
                batch.add(new Deviation(l.tenant(), l.kind(), l.outcome(), n, Instant.ofEpochMilli(first),
                        Instant.ofEpochMilli(last), c.example));
            }
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            ctx.store.unitOfWork().run(() -> ctx.store.deviations().record(batch));
        } catch (RuntimeException e) {
            for (Deviation d : batch) {
                counters.get(new Line(d.tenantId(), d.kind(), d.outcome())).count.add(d.count());
            }
            throw e;
        }
        return batch.size();
    }

    @Override
    public List<Deviation> report(TenantId tenant) {
        recordNoted();
        List<Deviation> lines = new ArrayList<>(ctx.read(() -> ctx.store.deviations().list(tenant)));
        lines.sort(Comparator.comparing(Deviation::lastSeen).reversed().thenComparing(Deviation::kind));
        return lines;
    }

    /**
     * One request's check. Each kind is noted once per request: a bit per tolerance and per error type
     * (fewer than 64 of each) says which were noted.
     */
    private final class Check implements RequestConformance {
        private final TenantId tenant;
        private final ConformanceProfile profile;
        private final Supplier<String> requestLine;
        private final AtomicLong tolerances = new AtomicLong();
        private final AtomicLong refusals = new AtomicLong();
        /** The last strict refusal this check threw, so that it is not noted again as an error. */
        private volatile ScimException strictRefusal;

        Check(Tenant tenant, Supplier<String> requestLine) {
            this.tenant = tenant.id();
            this.profile = tenant.profile();
            this.requestLine = requestLine;
        }

        @Override
        public ConformanceProfile profile() {
            return profile;
        }

        @Override
        public void tolerate(Tolerance tolerance, String where) {
            boolean strict = profile == ConformanceProfile.STRICT;
            if (firstTime(tolerances, tolerance.ordinal())) {
                note(tenant, tolerance.key(), strict ? Deviation.Outcome.REFUSED : Deviation.Outcome.TOLERATED,
                        () -> requestLine.get() + (where == null ? "" : " (" + where + ")"));
            }
            if (strict) {
                ScimException refusal = tolerance.refusal(where);
                strictRefusal = refusal;
                throw refusal;
            }
        }

        @Override
        public void refused(ScimException error) {
            if (error != strictRefusal) {
                noteRefusal(error.type());
            }
        }

        @Override
        public void answered(ScimErrorType type) {
            if (strictRefusal == null) {
                noteRefusal(type);
            }
        }

        private void noteRefusal(ScimErrorType type) {
            if (firstTime(refusals, type.ordinal())) {
                note(tenant, DeviationKind.refusalKey(type), Deviation.Outcome.REFUSED, requestLine);
            }
        }

        private boolean firstTime(AtomicLong bits, int ordinal) {
            long bit = 1L << (ordinal & 63);
            long before = bits.get();
            return (before & bit) == 0 && (bits.getAndUpdate(b -> b | bit) & bit) == 0;
        }
    }
}
