package org.provisio.scim.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.ResourceSchema;

/**
 * Where a resource stands in a sorted result (RFC 7644 §3.4.2.3): its sort key — the value
 * {@link Sorting#sortKey} picks, or none — and its {@code id}, the tie-breaker. Positions order
 * exactly as {@link Sorting#comparator} orders the resources they come from
 * ({@link Sorting#positionOrder}), so "the resources after this position" is the rest of a sorted
 * result however it changed since: the key of cursor paging (RFC 9865) over a sort that no index
 * serves.
 *
 * <p>A position travels as text ({@link #encode()}, {@link #decode(List)}): the key's kind and its
 * text, then the id, e.g. {@code ["s", "Jensen", "2819c223"]} or {@code ["-", "", "2819c223"]} for
 * a resource without a value.
 *
 * @param key the sort key; empty when the resource has no value for the sort attribute
 * @param id  the resource's {@code id}
 */
public record SortPosition(Optional<Value> key, String id) {
    public SortPosition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(id, "id");
    }

    /** The position of {@code resource} in a result sorted by {@code sort}. */
    public static SortPosition of(ComplexValue resource, SortBy sort, ResourceSchema schema) {
        Value key = Sorting.sortKey(resource, sort.by(), schema.resolve(sort.by()).orElse(null));
        return new SortPosition(Optional.ofNullable(key), resource.getText("id").orElse(""));
    }

    /** The position as three strings: the kind of the key, its text, the id. */
    public List<String> encode() {
        List<String> out = new ArrayList<>(3);
        if (key.isEmpty()) {
            out.add("-");
            out.add("");
        } else {
            Value v = key.get();
            if (v instanceof DateTimeValue d) {
                out.add("d");
                out.add(d.value().toString());
            } else if (v instanceof IntegerValue i) {
                out.add("i");
                out.add(Long.toString(i.value()));
            } else if (v instanceof DecimalValue n) {
                out.add("n");
                out.add(n.value().toString());
            } else if (v instanceof BooleanValue b) {
                out.add("b");
                out.add(Boolean.toString(b.value()));
            } else {
                out.add("s");
                out.add(v.asText() == null ? "" : v.asText());
            }
        }
        out.add(id);
        return out;
    }

    /** The position {@link #encode()} wrote, or empty if {@code parts} is not one. */
    public static Optional<SortPosition> decode(List<String> parts) {
        if (parts.size() != 3) {
            return Optional.empty();
        }
        String text = parts.get(1);
        try {
            Optional<Value> key = switch (parts.get(0)) {
                case "-" -> Optional.empty();
                case "s" -> Optional.of(StringValue.of(text));
                case "d" -> Optional.of(DateTimeValue.of(Instant.parse(text)));
                case "i" -> Optional.of(IntegerValue.of(Long.parseLong(text)));
                case "n" -> Optional.of(DecimalValue.of(new BigDecimal(text)));
                case "b" -> text.equals("true") || text.equals("false")
                        ? Optional.of(BooleanValue.of(Boolean.parseBoolean(text))) : null;
                default -> null;
            };
            return key == null ? Optional.empty() : Optional.of(new SortPosition(key, parts.get(2)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
