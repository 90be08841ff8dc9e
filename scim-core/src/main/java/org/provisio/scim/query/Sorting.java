package org.provisio.scim.query;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.ResolvedAttribute;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.text.CaseFolding;

/**
 * {@code sortBy} and {@code sortOrder} (RFC 7644 §3.4.2.3) as a comparator over resources.
 *
 * <p>Strings compare by their {@link CaseFolding#fold folds} unless the attribute is {@code caseExact}
 * ({@code "straße"} and {@code "STRASSE"} tie); numbers as
 * numbers; dateTimes as instants. For a multi-valued attribute the sort key is the
 * {@code primary} value, or else the first one ({@code emails} sorts by its primary
 * {@code value}). Resources without a value sort last in ascending order and first in
 * descending order, as UnboundID and most servers do; ties are broken by {@code id} so that pages
 * are stable.
 */
public final class Sorting {
    private Sorting() {
    }

    /** The comparator for {@code sortBy} in {@code order}. */
    public static Comparator<ComplexValue> comparator(AttributePath sortBy, SortOrder order, ResourceSchema schema) {
        ResolvedAttribute resolved = schema.resolve(sortBy).orElse(null);
        Comparator<SortPosition> positions = positionOrder(sortBy, order, schema);
        return Comparator.comparing(c -> new SortPosition(Optional.ofNullable(sortKey(c, sortBy, resolved)),
                c.getText("id").orElse("")), positions);
    }

    /**
     * The order of {@link SortPosition}s for {@code sortBy} in {@code order}: the order of
     * {@link #comparator} over the resources they are the positions of.
     */
    public static Comparator<SortPosition> positionOrder(AttributePath sortBy, SortOrder order, ResourceSchema schema) {
        ResolvedAttribute resolved = schema.resolve(sortBy).orElse(null);
        boolean caseExact = resolved != null && resolved.leaf().caseExact();
        Comparator<SortPosition> byKey = (a, b) -> {
            Value ka = a.key().orElse(null);
            Value kb = b.key().orElse(null);
            if (ka == null || kb == null) {
                return ka == kb ? 0 : ka == null ? 1 : -1;
            }
            return compareValues(ka, kb, caseExact);
        };
        Comparator<SortPosition> ordered = order == SortOrder.DESCENDING ? byKey.reversed() : byKey;
        return ordered.thenComparing(SortPosition::id);
    }

    /** The value a resource sorts by, or {@code null} if it has none. */
    public static Value sortKey(ComplexValue resource, AttributePath path, ResolvedAttribute resolved) {
        ComplexValue container = resource;
        if (resolved != null && resolved.extension()) {
            container = resource.getComplex(resolved.schema()).orElse(null);
            if (container == null) {
                return null;
            }
        }
        Value v = container.getOrNull(path.attribute());
        if (v instanceof MultiValue m) {
            v = pick(m);
        }
        if (v instanceof ComplexValue c) {
            String sub = path.hasSubAttribute() ? path.subAttribute() : "value";
            v = c.getOrNull(sub);
        } else if (path.hasSubAttribute()) {
            return null;
        }
        return v == null || v.isUnassigned() ? null : v;
    }

    private static Value pick(MultiValue m) {
        for (Value v : m.values()) {
            if (v instanceof ComplexValue c && c.getOrNull("primary") == BooleanValue.TRUE) {
                return v;
            }
        }
        return m.values().isEmpty() ? null : m.get(0);
    }

    static int compareValues(Value a, Value b, boolean caseExact) {
        if (a instanceof DateTimeValue da && b instanceof DateTimeValue db) {
            return da.value().compareTo(db.value());
        }
        BigDecimal na = number(a);
        BigDecimal nb = number(b);
        if (na != null && nb != null) {
            return na.compareTo(nb);
        }
        if (a instanceof BooleanValue ba && b instanceof BooleanValue bb) {
            return Boolean.compare(ba.value(), bb.value());
        }
        String sa = a.asText() == null ? "" : a.asText();
        String sb = b.asText() == null ? "" : b.asText();
        return caseExact ? sa.compareTo(sb) : CaseFolding.compareIgnoreCase(sa, sb);
    }

    private static BigDecimal number(Value v) {
        if (v instanceof IntegerValue i) {
            return BigDecimal.valueOf(i.value());
        }
        if (v instanceof DecimalValue d) {
            return d.value();
        }
        return null;
    }

}
