package org.provisio.scim.resource;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * A SCIM {@code dateTime} value (RFC 7643 §2.3.5, an {@code xsd:dateTime} such as
 * {@code 2011-08-01T21:32:44.882Z}), held as an instant so that values compare in time
 * whatever offset they were written with.
 */
public record DateTimeValue(Instant value) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitDateTime(this);
    }

    public DateTimeValue {
        Objects.requireNonNull(value, "value");
    }

    public static DateTimeValue of(Instant value) {
        return new DateTimeValue(value);
    }

    /** Parses an {@code xsd:dateTime} with an offset or {@code Z}; empty if the text is not one. */
    public static Optional<DateTimeValue> parse(String text) {
        try {
            return Optional.of(new DateTimeValue(OffsetDateTime.parse(text).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Reads an {@code xsd:dateTime} as filters and stored text use it: with an offset or {@code Z}
     * ({@code 2011-05-13T04:42:34Z}, {@code 2011-05-13T06:42:34+02:00}), or without one, read as UTC
     * ({@code 2011-05-13T04:42:34}); empty if the text is neither.
     */
    public static Optional<Instant> parseLenient(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Optional<DateTimeValue> withOffset = parse(text);
        if (withOffset.isPresent()) {
            return Optional.of(withOffset.get().value());
        }
        try {
            return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String asText() {
        return value.toString();
    }
}
