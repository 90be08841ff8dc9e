package org.provisio.scim.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link DateTimeValue#parse} and {@link DateTimeValue#parseLenient}: which xsd:dateTime texts each reads. */
class DateTimeValueTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // text | instant (lenient) | strict parse succeeds
            "2011-05-13T04:42:34Z|2011-05-13T04:42:34Z|true",
            "2011-05-13T06:42:34+02:00|2011-05-13T04:42:34Z|true",
            "2011-05-13T04:42:34.882-00:30|2011-05-13T05:12:34.882Z|true",
            "2011-08-01T21:32:44.882Z|2011-08-01T21:32:44.882Z|true",
            // without an offset: UTC, for the lenient reading only
            "2011-05-13T04:42:34|2011-05-13T04:42:34Z|false",
            "2011-05-13T04:42|2011-05-13T04:42:00Z|false",
            "2011-05-13T04:42:34.5|2011-05-13T04:42:34.5Z|false",
            // not a dateTime
            "2011-05-13|-|false",
            "yesterday|-|false",
            "2011-13-45T00:00:00Z|-|false",
            "2011-05-13 04:42:34Z|-|false",
            "' 2011-05-13T04:42:34Z'|-|false",
            "''|-|false"})
    void readsXsdDateTimes(String text, String expected, boolean strict) {
        Optional<Instant> lenient = DateTimeValue.parseLenient(text);
        assertThat(lenient).isEqualTo(Optional.ofNullable(expected).map(Instant::parse));
        assertThat(DateTimeValue.parse(text).isPresent()).isEqualTo(strict);
        DateTimeValue.parse(text).ifPresent(v -> assertThat(lenient).hasValue(v.value()));
    }

    @Test
    void nullIsNoDateTime() {
        assertThat(DateTimeValue.parseLenient(null)).isEmpty();
    }
}
