package org.provisio.scim.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link EntityTag}: weak tags of versions, and the versions tags name. */
class EntityTagTest {

    @ParameterizedTest(name = "[{index}] <{0}> -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "W/\"3\"|3",
            "\"3\"|3",
            "' W/\"12\" '|12",
            "'\tW/\"12\"\t'|12",
            "W/\"1\"|1",
            "W/\"007\"|7",
            "W/\"999999999999999999\"|999999999999999999",
            "\"100000000000000000\"|100000000000000000",
            // not a version
            "W/\"0\"|-",
            "\"000\"|-",
            "W/\"-1\"|-",
            "W/\"+1\"|-",
            "W/\"1000000000000000000\"|-",
            "W/3|-",
            "3|-",
            "*|-",
            "W/\"\"|-",
            "\"\"|-",
            "\"|-",
            "W/\"|-",
            "w/\"3\"|-",
            "W/ \"3\"|-",
            "W/\" 3\"|-",
            "W/\"3\", W/\"4\"|-",
            "W/\"3|-",
            "W/\"abc\"|-",
            "\"1.5\"|-",
            "W/\"\u0663\"|-",
            "''|-",
            "'  '|-"})
    void readsTheVersion(String etag, Long expected) {
        assertThat(EntityTag.version(etag))
                .isEqualTo(expected == null ? OptionalLong.empty() : OptionalLong.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(longs = {1, 2, 3, 42, 999_999_999_999_999_999L})
    void writesWeakTagsThatReadBack(long version) {
        assertThat(EntityTag.weak(version)).isEqualTo("W/\"" + version + "\"");
        assertThat(EntityTag.version(EntityTag.weak(version))).hasValue(version);
    }

    @Test
    void writesW3AndRefusesNoVersion() {
        assertThat(EntityTag.weak(3)).isEqualTo("W/\"3\"");
        assertThat(EntityTag.version(null)).isEmpty();
        assertThatThrownBy(() -> EntityTag.weak(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntityTag.weak(-3)).isInstanceOf(IllegalArgumentException.class);
    }
}
