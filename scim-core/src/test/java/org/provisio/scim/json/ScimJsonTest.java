package org.provisio.scim.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;

class ScimJsonTest {

    @Test
    void readsEveryJsonKindAndKeepsExplicitNulls() {
        ComplexValue v = ScimJson.readObject(
                "{\"s\":\"x\\u00e9\",\"t\":true,\"i\":42,\"d\":1.50,\"n\":null,\"a\":[1,\"b\"],\"o\":{\"k\":false}}");
        assertThat(v.getOrNull("s")).isEqualTo(StringValue.of("x\u00e9"));
        assertThat(v.getOrNull("t")).isEqualTo(BooleanValue.TRUE);
        assertThat(v.getOrNull("i")).isEqualTo(IntegerValue.of(42));
        assertThat(v.getOrNull("d")).isEqualTo(DecimalValue.of(new BigDecimal("1.5")));
        assertThat(v.getOrNull("n")).isEqualTo(NullValue.INSTANCE);
        assertThat(v.getOrNull("a")).isEqualTo(MultiValue.of(IntegerValue.of(1), StringValue.of("b")));
        assertThat(v.getComplex("O").orElseThrow().getOrNull("K")).isEqualTo(BooleanValue.FALSE);
    }

    @Test
    void roundTripsAndKeepsOrderAndSpelling() {
        String json = "{\"schemas\":[\"urn:x\"],\"userName\":\"bjensen\",\"Emails\":[{\"value\":\"a@b\",\"primary\":true}],"
                + "\"n\":12,\"d\":0.25}";
        assertThat(ScimJson.writeString(ScimJson.readObject(json))).isEqualTo(json);
    }

    @Test
    void writesTypedValuesAsJsonStrings() {
        ComplexValue v = ComplexValue.of("created", DateTimeValue.of(Instant.parse("2011-08-01T21:32:44.882Z")));
        assertThat(new String(ScimJson.write(v), StandardCharsets.UTF_8))
                .isEqualTo("{\"created\":\"2011-08-01T21:32:44.882Z\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "[]", "\"x\"", "42", "{", "{\"a\":}", "{\"a\":1,}", "{\"a\":1}{}", "{'a':1}",
            "{\"a\":tru}", "{\"a\":\"\\x\"}", "nul"})
    void malformedBodiesAreInvalidSyntax(String body) {
        assertThatThrownBy(() -> ScimJson.readObject(body))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX));
    }

    @Test
    void deepNestingIsInvalidSyntaxNotStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        assertThatThrownBy(() -> ScimJson.readObject(deep))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX));
    }

    @Test
    void theNulCharacterIsRefusedInValuesAndNames() {
        for (String body : new String[]{"{\"userName\":\"a\\u0000b\"}", "{\"a\\u0000\":1}"}) {
            assertThatThrownBy(() -> ScimJson.readObject(body))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
        }
    }

    @Test
    void anUnpairedSurrogateIsRefusedButAPairIsKept() {
        // stored as '?' by PostgreSQL, a lone surrogate made two different userNames collide
        for (String body : new String[]{"{\"userName\":\"a\\ud800\"}", "{\"userName\":\"\\udc00b\"}",
                "{\"userName\":\"\\ud800\\ud800\"}", "{\"a\\udfff\":1}"}) {
            assertThatThrownBy(() -> ScimJson.readObject(body)).as(body)
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_SYNTAX));
        }
        assertThat(ScimJson.readObject("{\"userName\":\"\\ud83d\\ude00\"}").getText("userName"))
                .hasValue("\ud83d\ude00");
    }

    @Test
    void hugeIntegerBecomesDecimal() {
        ComplexValue v = ScimJson.readObject("{\"n\":123456789012345678901234567890}");
        assertThat(v.getOrNull("n")).isEqualTo(DecimalValue.of(new BigDecimal("123456789012345678901234567890")));
    }
}
