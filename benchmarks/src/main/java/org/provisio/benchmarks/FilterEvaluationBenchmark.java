package org.provisio.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;

/**
 * One filter over 10,000 users, counting the matches: Provisio with the filter compiled once
 * against the User schema over {@link ComplexValue}s, UnboundID's {@code FilterEvaluator} over the
 * same users as Jackson {@link ObjectNode}s. The setup checks that both count the same matches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterEvaluationBenchmark {
    static final int USERS = 10_000;

    @Param({"entraUserName", "emailValuePath", "enterpriseAnd", "dateOrNot"})
    public String filter;

    private List<ComplexValue> ours;
    private List<ObjectNode> theirs;
    private Predicate<ComplexValue> compiled;
    private com.unboundid.scim2.common.filters.Filter theirFilter;

    static String filterText(String name) {
        switch (name) {
            case "entraUserName":
                return "userName eq \"" + SampleData.userName(7777) + "\"";
            case "emailValuePath":
                return "emails[type eq \"work\" and value co \"@example.com\"]";
            case "enterpriseAnd":
                return SampleData.ENTERPRISE + ":department eq \"Sales\" and active eq true";
            case "dateOrNot":
                return "meta.lastModified gt \"2024-06-01T00:00:00Z\" or (title sw \"Senior\" and not (nickName pr))";
            default:
                throw new IllegalArgumentException(name);
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        List<String> json = SampleData.usersJson(USERS);
        ours = SampleData.provisioUsers(json);
        theirs = SampleData.unboundIdUsers(json);
        String text = filterText(filter);
        compiled = FilterEvaluator.compile(Filter.parse(text), ResourceSchema.user());
        theirFilter = com.unboundid.scim2.common.filters.Filter.fromString(text);
        int a = provisio();
        int b = unboundid();
        if (a != b || a == 0) {
            throw new IllegalStateException(filter + ": provisio counts " + a + ", unboundid " + b);
        }
        System.out.println("\n" + filter + " [" + text + "]: " + a + " of " + USERS + " users match");
    }

    @Benchmark
    public int provisio() {
        int n = 0;
        for (ComplexValue user : ours) {
            if (compiled.test(user)) {
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public int unboundid() throws Exception {
        int n = 0;
        for (ObjectNode user : theirs) {
            if (com.unboundid.scim2.common.utils.FilterEvaluator.evaluate(theirFilter, user)) {
                n++;
            }
        }
        return n;
    }
}
