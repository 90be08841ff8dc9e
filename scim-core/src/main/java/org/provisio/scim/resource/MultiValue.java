package org.provisio.scim.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The values of a multi-valued attribute, in order (RFC 7643 §2.4). */
public record MultiValue(List<Value> values) implements Value {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.visitMulti(this);
    }

    public static final MultiValue EMPTY = new MultiValue(List.of());

    public MultiValue {
        values = List.copyOf(values);
    }

    public static MultiValue of(Value... values) {
        return new MultiValue(List.of(values));
    }

    public int size() {
        return values.size();
    }

    public Value get(int index) {
        return values.get(index);
    }

    @Override
    public boolean isUnassigned() {
        return values.isEmpty();
    }

    /** A copy with {@code value} appended. */
    public MultiValue append(Value value) {
        List<Value> copy = new ArrayList<>(values.size() + 1);
        copy.addAll(values);
        copy.add(value);
        return new MultiValue(copy);
    }

    /** A copy with every element mapped. */
    public MultiValue map(UnaryOperator<Value> mapper) {
        List<Value> copy = new ArrayList<>(values.size());
        for (Value v : values) {
            copy.add(mapper.apply(v));
        }
        return new MultiValue(copy);
    }
}
