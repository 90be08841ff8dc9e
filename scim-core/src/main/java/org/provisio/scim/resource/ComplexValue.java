package org.provisio.scim.resource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable complex value, and so also a whole resource: named attributes in the order they
 * were given, looked up case-insensitively (RFC 7643 §2.1) while keeping the spelling they
 * were first written with. Extension attributes sit under their schema URN, e.g.
 * {@code "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User" -> {"employeeNumber":"7"}}.
 *
 * <p>{@link #with(String, Value)} and {@link Builder#put(String, Value)} treat a {@link NullValue} as
 * "remove"; only the JSON codec keeps explicit {@code null}s of a request body
 * ({@link Builder#putKeepingNull(String, Value)}) until schema validation drops them.
 */
public final class ComplexValue implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitComplex(this);
    }

    /** The complex value with no attributes. */
    public static final ComplexValue EMPTY = new ComplexValue(new String[0], new Value[0]);

    private final String[] names;
    private final Value[] values;
    private int hash;

    private ComplexValue(String[] names, Value[] values) {
        this.names = names;
        this.values = values;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A complex value of the given pairs: {@code of("type", StringValue.of("work"), "value", ...)}. */
    public static ComplexValue of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values come in pairs");
        }
        Builder b = builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.put((String) namesAndValues[i], (Value) namesAndValues[i + 1]);
        }
        return b.build();
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The value of an attribute, looked up case-insensitively. */
    public Optional<Value> get(String name) {
        int i = indexOf(name);
        return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    /** The value of an attribute, or {@code null} when absent: for hot paths that must not allocate. */
    public Value getOrNull(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** The text of a simple attribute, if present. */
    public Optional<String> getText(String name) {
        Value v = getOrNull(name);
        return v == null ? Optional.empty() : Optional.ofNullable(v.asText());
    }

    /** A nested complex attribute, if present and complex. */
    public Optional<ComplexValue> getComplex(String name) {
        return getOrNull(name) instanceof ComplexValue c ? Optional.of(c) : Optional.empty();
    }

    /** A multi-valued attribute, or the empty list. */
    public MultiValue getMulti(String name) {
        Value v = getOrNull(name);
        if (v instanceof MultiValue m) {
            return m;
        }
        return v == null ? MultiValue.EMPTY : MultiValue.of(v);
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The attribute names, in order, as spelt when first written. */
    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    public int size() {
        return names.length;
    }

    /** The name at a position, see {@link #size()}. */
    public String nameAt(int index) {
        return names[index];
    }

    /** The value at a position, see {@link #size()}. */
    public Value valueAt(int index) {
        return values[index];
    }

    /** The attributes as an ordered map keyed by their spelling. */
    public Map<String, Value> asMap() {
        Map<String, Value> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.put(names[i], values[i]);
        }
        return Collections.unmodifiableMap(map);
    }

    /**
     * A copy with the attribute set; an existing attribute keeps its position and spelling.
     * An unassigned value ({@code null}) removes it.
     */
    public ComplexValue with(String name, Value value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (value == NullValue.INSTANCE) {
            return without(name);
        }
        int i = indexOf(name);
        if (i >= 0) {
            if (values[i].equals(value)) {
                return this;
            }
            Value[] v = values.clone();
            v[i] = value;
            return new ComplexValue(names, v);
        }
        String[] n = Arrays.copyOf(names, names.length + 1);
        Value[] v = Arrays.copyOf(values, values.length + 1);
        n[names.length] = name;
        v[values.length] = value;
        return new ComplexValue(n, v);
    }

    /** A copy without the attribute (case-insensitive); this value itself if it was absent. */
    public ComplexValue without(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return this;
        }
        String[] n = new String[names.length - 1];
        Value[] v = new Value[values.length - 1];
        System.arraycopy(names, 0, n, 0, i);
        System.arraycopy(values, 0, v, 0, i);
        System.arraycopy(names, i + 1, n, i, names.length - i - 1);
        System.arraycopy(values, i + 1, v, i, values.length - i - 1);
        return new ComplexValue(n, v);
    }

    /** A builder seeded with this value's attributes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        for (int i = 0; i < names.length; i++) {
            b.names.add(names[i]);
            b.values.add(values[i]);
        }
        return b;
    }

    @Override
    public boolean isUnassigned() {
        return names.length == 0;
    }

    /** Equal when the same attributes (names compared case-insensitively) have equal values, in any order. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ComplexValue o) || o.names.length != names.length) {
            return false;
        }
        for (int i = 0; i < names.length; i++) {
            int j = o.indexOf(names[i]);
            if (j < 0 || !values[i].equals(o.values[j])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            for (int i = 0; i < names.length; i++) {
                h += names[i].toLowerCase(java.util.Locale.ROOT).hashCode() ^ values[i].hashCode();
            }
            hash = h;
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < names.length; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(names[i]).append('=').append(values[i]);
        }
        return sb.append('}').toString();
    }

    /** Builds a {@link ComplexValue}; later puts of the same name (any case) replace earlier ones. */
    public static final class Builder {
        private final List<String> names = new ArrayList<>();
        private final List<Value> values = new ArrayList<>();

        private Builder() {
        }

        private int indexOf(String name) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        /** Sets an attribute; {@link NullValue} removes it. */
        public Builder put(String name, Value value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            int i = indexOf(name);
            if (value == NullValue.INSTANCE) {
                if (i >= 0) {
                    names.remove(i);
                    values.remove(i);
                }
            } else if (i >= 0) {
                values.set(i, value);
            } else {
                names.add(name);
                values.add(value);
            }
            return this;
        }

        /**
         * Sets an attribute, keeping an explicit {@code null}: for request bodies, where
         * {@code "nickName": null} means "unassign" (RFC 7643 §2.5) and must reach PATCH.
         */
        public Builder putKeepingNull(String name, Value value) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
            int i = indexOf(name);
            if (i >= 0) {
                values.set(i, value);
            } else {
                names.add(name);
                values.add(value);
            }
            return this;
        }

        public Builder put(String name, String value) {
            return put(name, StringValue.of(value));
        }

        public Builder put(String name, boolean value) {
            return put(name, BooleanValue.of(value));
        }

        public Builder remove(String name) {
            return put(name, NullValue.INSTANCE);
        }

        public Optional<Value> get(String name) {
            int i = indexOf(name);
            return i < 0 ? Optional.empty() : Optional.of(values.get(i));
        }

        public ComplexValue build() {
            if (names.isEmpty()) {
                return EMPTY;
            }
            return new ComplexValue(names.toArray(new String[0]), values.toArray(new Value[0]));
        }
    }
}
