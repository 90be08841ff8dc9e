package org.provisio.testkit;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.CoreSchemas;

/**
 * The shared table of user filters and the users they must select, over the people that
 * {@link UserQueryContract} seeds (in this order, one minute apart from {@link StoreContract#T0}):
 *
 * <ul>
 *   <li>{@code bjensen}: active; Barbara Jensen, Tour Guide, work email (primary) and home email,
 *       externalId {@code ext-1}, employeeNumber 701</li>
 *   <li>{@code JSmith}: pending; John, Engineer, work email (not primary)</li>
 *   <li>{@code mwong}: suspended; home email at example.org, employeeNumber 702</li>
 *   <li>{@code 6f1c1a5e-guid}: active, nothing else</li>
 * </ul>
 *
 * Every adapter runs the same rows.
 */
public final class UserFilterTable {
    private UserFilterTable() {
    }

    /** Rows of (filter, expected userNames in creation order). */
    public static Stream<Arguments> cases() {
        String enterprise = CoreSchemas.ENTERPRISE_USER_URN;
        return Stream.of(
                row(eq("userName", "bjensen"), "bjensen"),
                row(eq("userName", "BJENSEN"), "bjensen"),
                row(eq("userName", "a0b8c4d2-3f6e-4e7a-9b1c-5d2e8f9a0b1c")),
                row(cmp("userName", CompareOperator.NE, StringValue.of("bjensen")), "JSmith", "mwong", "6f1c1a5e-guid"),
                row(cmp("userName", CompareOperator.SW, StringValue.of("j")), "JSmith"),
                row(cmp("userName", CompareOperator.CO, StringValue.of("WO")), "mwong"),
                row(cmp("userName", CompareOperator.EW, StringValue.of("sen")), "bjensen"),
                row(cmp("active", CompareOperator.EQ, BooleanValue.FALSE), "mwong"),
                row(cmp("active", CompareOperator.EQ, BooleanValue.TRUE), "bjensen", "JSmith", "6f1c1a5e-guid"),
                row(new Filter.Present(AttributePath.of("title")), "bjensen", "JSmith"),
                row(new Filter.Not(new Filter.Present(AttributePath.of("title"))), "mwong", "6f1c1a5e-guid"),
                row(new Filter.Compare(AttributePath.of("name", "givenName"), CompareOperator.EQ, StringValue.of("john")),
                        "JSmith"),
                row(eq("externalId", "ext-1"), "bjensen"),
                row(new Filter.Compare(AttributePath.of("emails", "value"), CompareOperator.EW,
                        StringValue.of("example.org")), "mwong"),
                row(new Filter.ValuePath(AttributePath.of("emails"), new Filter.And(eq("type", "work"),
                        cmp("primary", CompareOperator.EQ, BooleanValue.TRUE))), "bjensen"),
                row(new Filter.ValuePath(AttributePath.of("emails"), eq("type", "home")), "bjensen", "mwong"),
                row(new Filter.Compare(new AttributePath(enterprise, "employeeNumber", null), CompareOperator.EQ,
                        StringValue.of("702")), "mwong"),
                row(new Filter.Or(eq("userName", "bjensen"), eq("userName", "mwong")), "bjensen", "mwong"),
                row(new Filter.And(eq("title", "Engineer"), cmp("active", CompareOperator.EQ, BooleanValue.TRUE)),
                        "JSmith"),
                row(new Filter.Compare(AttributePath.of("meta", "created"), CompareOperator.GE,
                        StringValue.of("2024-03-01T09:02:00Z")), "mwong", "6f1c1a5e-guid"),
                row(new Filter.Compare(AttributePath.of("meta", "created"), CompareOperator.LT,
                        StringValue.of("2024-03-01T09:01:00Z")), "bjensen"));
    }

    private static Arguments row(Filter filter, String... userNames) {
        return Arguments.of(filter, List.of(userNames));
    }

    private static Filter eq(String attribute, String value) {
        return cmp(attribute, CompareOperator.EQ, StringValue.of(value));
    }

    private static Filter cmp(String attribute, CompareOperator op, Value value) {
        return new Filter.Compare(AttributePath.of(attribute), op, value);
    }
}
