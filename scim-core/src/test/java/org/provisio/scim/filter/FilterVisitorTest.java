package org.provisio.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.ResourceSchema;

/** {@link Filter#accept(Filter.Visitor)}: every node reaches the method for its kind. */
class FilterVisitorTest {

    /** Writes a filter in prefix notation, one word per visit method. */
    private static final Filter.Visitor<String> PREFIX = new Filter.Visitor<>() {
        @Override
        public String visitAnd(Filter.And f) {
            return "and(" + f.left().accept(this) + "," + f.right().accept(this) + ")";
        }

        @Override
        public String visitOr(Filter.Or f) {
            return "or(" + f.left().accept(this) + "," + f.right().accept(this) + ")";
        }

        @Override
        public String visitNot(Filter.Not f) {
            return "not(" + f.inner().accept(this) + ")";
        }

        @Override
        public String visitPresent(Filter.Present f) {
            return "pr(" + f.path() + ")";
        }

        @Override
        public String visitCompare(Filter.Compare f) {
            return f.operator().keyword() + "(" + f.path() + ")";
        }

        @Override
        public String visitValuePath(Filter.ValuePath f) {
            return "vp(" + f.path() + "," + f.filter().accept(this) + ")";
        }
    };

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "title pr|pr(title)",
        "userName eq \"x\"|eq(userName)",
        "not (title pr)|not(pr(title))",
        "a pr and b pr|and(pr(a),pr(b))",
        "a pr or b pr and c pr|or(pr(a),and(pr(b),pr(c)))",
        "a pr and b pr and c pr|and(and(pr(a),pr(b)),pr(c))",
        "emails[type eq \"work\" and value co \"@x\"]|vp(emails,and(eq(type),co(value)))",
        "not (emails[primary eq true]) or meta.created gt \"2011-01-01T00:00:00Z\"|or(not(vp(emails,eq(primary))),gt(meta.created))"})
    void dispatchesEveryKindOfNode(String filter, String expected) {
        assertThat(Filter.parse(filter).accept(PREFIX)).isEqualTo(expected);
    }

    @Test
    void longChainsAreWrittenAndCompiledWithoutDeepRecursion() {
        Filter chain = new Filter.Present(AttributePath.of("userName"));
        Filter or = chain;
        for (int i = 0; i < 50_000; i++) {
            chain = new Filter.And(chain, new Filter.Present(AttributePath.of("userName")));
            or = new Filter.Or(or, new Filter.Compare(AttributePath.of("userName"), CompareOperator.EQ,
                    StringValue.of("u" + i)));
        }
        assertThat(chain.toString()).startsWith("(userName pr and userName pr").endsWith("userName pr)");
        assertThat(or.toString()).contains(" or userName eq \"u49999\")");
        ComplexValue user = ComplexValue.of("userName", StringValue.of("U49999"));
        Predicate<ComplexValue> all = FilterEvaluator.compile(chain, ResourceSchema.user());
        Predicate<ComplexValue> any = FilterEvaluator.compile(or, ResourceSchema.user());
        assertThat(all.test(user)).isTrue();
        assertThat(any.test(user)).isTrue();
    }
}
