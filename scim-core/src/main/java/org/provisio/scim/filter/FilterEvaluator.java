package org.provisio.scim.filter;

import java.util.function.Predicate;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;

/** Evaluates filters over resources. (stub: being implemented) */
public final class FilterEvaluator {
    private FilterEvaluator() {
    }

    /** Compiles a filter into a predicate over whole resources of the given schema. */
    public static Predicate<ComplexValue> compile(Filter filter, ResourceSchema schema) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /**
     * Compiles the filter of a value path ({@code emails[type eq "work"]}) into a predicate over one
     * element of the multi-valued attribute {@code attribute}; the filter's paths are relative to
     * the element ({@code type} means {@code emails.type}).
     */
    public static Predicate<ComplexValue> compileElementFilter(Filter filter, ResourceSchema schema,
                                                               AttributePath attribute) {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
