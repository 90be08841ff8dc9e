package org.provisio.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;

class FilterParserTest {

    static Stream<FilterCases.Valid> validFilters() {
        return Stream.concat(FilterCases.valid().stream(), FilterCases.caseInsensitiveLiterals().stream());
    }

    static Stream<FilterCases.Invalid> invalidFilters() {
        return FilterCases.invalid().stream();
    }

    @ParameterizedTest
    @MethodSource("validFilters")
    void parsesToTheExpectedTree(FilterCases.Valid c) {
        assertThat(Filter.parse(c.filter())).isEqualTo(c.expected());
    }

    @ParameterizedTest
    @MethodSource("validFilters")
    void writesBackWhatItReads(FilterCases.Valid c) {
        Filter parsed = Filter.parse(c.filter());
        assertThat(Filter.parse(parsed.toString())).isEqualTo(parsed);
    }

    @ParameterizedTest
    @MethodSource("invalidFilters")
    void rejectsWithThePosition(FilterCases.Invalid c) {
        assertThatThrownBy(() -> Filter.parse(c.filter()))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_FILTER);
                    assertThat(e.position()).hasValue(c.position());
                });
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> Filter.parse(null))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_FILTER));
    }

    @Test
    void acceptsAFilterOfTheMaximumLength() {
        String base = "userName eq \"";
        String filter = base + "x".repeat(FilterParser.MAX_LENGTH - base.length() - 1) + "\"";
        assertThat(filter).hasSize(FilterParser.MAX_LENGTH);
        assertThat(Filter.parse(filter)).isInstanceOf(Filter.Compare.class);
    }

    @Test
    void parsesALongChainOfAndWithoutDeepRecursionProblems() {
        String filter = String.join(" and ", java.util.Collections.nCopies(800, "a pr"));
        Filter parsed = Filter.parse(filter);
        assertThat(Filter.parse(parsed.toString())).isEqualTo(parsed);
        assertThat(FilterEvaluator.compile(parsed, org.provisio.scim.schema.ResourceSchema.user())
                .test(ComplexValue.of("a", StringValue.of("x")))).isTrue();
    }

    @Test
    void writesLiteralsThatParseBack() {
        assertThat(FilterLiterals.write(StringValue.of("a\"b\\c\n\u0001"))).isEqualTo("\"a\\\"b\\\\c\\n\\u0001\"");
        assertThat(FilterLiterals.write(BooleanValue.TRUE)).isEqualTo("true");
        assertThat(FilterLiterals.write(NullValue.INSTANCE)).isEqualTo("null");
        assertThat(FilterLiterals.write(IntegerValue.of(-7))).isEqualTo("-7");
        assertThat(FilterLiterals.write(DecimalValue.of(new java.math.BigDecimal("2")))).isEqualTo("2.0");
        assertThat(FilterLiterals.write(DecimalValue.of(new java.math.BigDecimal("1e5")))).isEqualTo("1E+5");
        assertThat(FilterLiterals.write(DateTimeValue.parse("2011-05-13T04:42:34Z").orElseThrow()))
                .isEqualTo("\"2011-05-13T04:42:34Z\"");
        assertThat(FilterLiterals.write(new ReferenceValue("https://x/Users/1"))).isEqualTo("\"https://x/Users/1\"");
        assertThatThrownBy(() -> FilterLiterals.write(MultiValue.EMPTY)).isInstanceOf(IllegalArgumentException.class);
        Filter f = new Filter.Compare(FilterCases.p("x"), CompareOperator.EQ,
                DecimalValue.of(new java.math.BigDecimal("123456789012345678901234567890")));
        assertThat(Filter.parse(f.toString())).isEqualTo(f);
    }
}
