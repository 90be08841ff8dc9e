package org.provisio.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.provisio.scim.filter.Filter;

/**
 * Parsing a mix of realistic filters, from Entra's {@code userName eq} probe to value paths and
 * {@code and}/{@code or}/{@code not} chains. One operation parses the whole mix once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterParseBenchmark {
    /** The mix; both parsers accept every one of them (checked by scim-core's interop test table). */
    static final List<String> FILTERS = List.of(
            "userName eq \"bjensen@example.com\"",
            "externalId eq \"0a21f0f2-8d2a-4f8e-bf98-7b2a0e0f2e6e\"",
            "emails[type eq \"work\" and value co \"@example.com\"]",
            "userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
            "title pr and userType eq \"Employee\" and not (active eq false)",
            "meta.lastModified gt \"2011-05-13T04:42:34Z\" or meta.created le \"2010-01-23T04:56:22Z\"",
            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
            "displayName sw \"Babs\" or (name.familyName eq \"O'Malley\" and name.givenName ew \"n\")",
            "addresses[type eq \"work\" and postalCode sw \"916\"] and not (nickName pr)",
            "members[value eq \"2819c223-7f76-453a-919d-413861904646\"]");

    @Benchmark
    public void provisio(Blackhole bh) {
        for (String f : FILTERS) {
            bh.consume(Filter.parse(f));
        }
    }

    @Benchmark
    public void unboundid(Blackhole bh) throws Exception {
        for (String f : FILTERS) {
            bh.consume(com.unboundid.scim2.common.filters.Filter.fromString(f));
        }
    }
}
