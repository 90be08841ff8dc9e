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
 *
 * <p>{@link #nonAsciiCases()} holds the rows of case-insensitive text beyond ASCII, over the
 * people seeded in a tenant of their own (in this order), each spelling the same phenomenon in
 * {@code userName}, {@code displayName}, {@code name.givenName} and {@code emails.value}:
 *
 * <ul>
 *   <li>{@code Οδυσσέας} (Greek final sigma): displayName {@code ΟΔΥΣΣΈΑΣ}, givenName
 *       {@code Οδυσσέας}, email {@code οδυσσέας@example.gr}</li>
 *   <li>{@code straße} (German ß): displayName {@code Weißbier}, givenName {@code Gauß}, email
 *       {@code GROSS@example.de}</li>
 *   <li>{@code ınci} (Turkish dotless ı): displayName {@code İstanbul} (dotted capital İ),
 *       givenName {@code Işık}, email {@code ınci@example.com.tr}</li>
 *   <li>{@code José} (precomposed é): displayName {@code Résumé} written with combining accents,
 *       givenName {@code Zoë} precomposed, email {@code zoë@example.fr} with a combining diaeresis</li>
 * </ul>
 *
 * Text is compared by its scim-core {@code CaseFolding} fold on every store: {@code ς} ≡ {@code σ},
 * {@code ß} ≡ {@code SS}, {@code ı} ≡ {@code i} but {@code İ} ≢ {@code i}, precomposed ≡ combining,
 * and accents are never dropped. A part of {@code co}, {@code sw} and {@code ew} is folded on its
 * own, so a part ending in σ ends in a final ς.
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

    /** The international people, in creation order. */
    public static final List<String> NON_ASCII_PEOPLE = List.of("Οδυσσέας", "straße", "ınci", "José");

    /** Rows of (filter, expected userNames in creation order) over the {@linkplain #NON_ASCII_PEOPLE international people}. */
    public static Stream<Arguments> nonAsciiCases() {
        AttributePath userName = AttributePath.of("userName");
        AttributePath displayName = AttributePath.of("displayName");
        AttributePath givenName = AttributePath.of("name", "givenName");
        AttributePath email = AttributePath.of("emails", "value");
        return Stream.of(
                // Greek final sigma
                row(cmp(userName, CompareOperator.EQ, "ΟΔΥΣΣΈΑΣ"), "Οδυσσέας"),
                row(cmp(userName, CompareOperator.EQ, "οδυσσέασ"), "Οδυσσέας"),
                row(cmp(userName, CompareOperator.EQ, "οδυσσεας")),
                row(cmp(userName, CompareOperator.SW, "ΟΔΥ"), "Οδυσσέας"),
                row(cmp(userName, CompareOperator.SW, "ΟΔΥΣ")),
                row(cmp(userName, CompareOperator.EW, "ΈΑΣ"), "Οδυσσέας"),
                row(cmp(userName, CompareOperator.CO, "σσέ"), "Οδυσσέας"),
                row(cmp(userName, CompareOperator.CO, "ΣΣ")),
                row(cmp(displayName, CompareOperator.EQ, "οδυσσέας"), "Οδυσσέας"),
                row(cmp(displayName, CompareOperator.EW, "έασ"), "Οδυσσέας"),
                row(cmp(displayName, CompareOperator.SW, "Οδυσσ")),
                row(cmp(displayName, CompareOperator.CO, "ΔΥΣΣ")),
                row(cmp(givenName, CompareOperator.EQ, "ΟΔΥΣΣΈΑΣ"), "Οδυσσέας"),
                row(cmp(givenName, CompareOperator.SW, "οδυ"), "Οδυσσέας"),
                row(cmp(givenName, CompareOperator.CO, "ΔΥΣΣΈ"), "Οδυσσέας"),
                row(cmp(givenName, CompareOperator.EW, "ας"), "Οδυσσέας"),
                row(cmp(email, CompareOperator.EQ, "ΟΔΥΣΣΈΑΣ@EXAMPLE.GR"), "Οδυσσέας"),
                row(cmp(email, CompareOperator.SW, "ΟΔΥΣΣΈΑΣ@"), "Οδυσσέας"),
                row(cmp(email, CompareOperator.EW, "@Example.GR"), "Οδυσσέας"),
                row(cmp(email, CompareOperator.CO, "σέασ@"), "Οδυσσέας"),
                // German ß
                row(cmp(userName, CompareOperator.EQ, "STRASSE"), "straße"),
                row(cmp(userName, CompareOperator.EQ, "Strasse"), "straße"),
                row(cmp(userName, CompareOperator.EQ, "STRAẞE")),
                row(cmp(userName, CompareOperator.CO, "ß"), "straße"),
                row(cmp(userName, CompareOperator.SW, "STRAS"), "straße"),
                row(cmp(userName, CompareOperator.EW, "SSE"), "straße"),
                row(cmp(displayName, CompareOperator.EQ, "WEISSBIER"), "straße"),
                row(cmp(displayName, CompareOperator.CO, "eiß"), "straße"),
                row(cmp(displayName, CompareOperator.SW, "weis"), "straße"),
                row(cmp(displayName, CompareOperator.EW, "ssBIER"), "straße"),
                row(cmp(givenName, CompareOperator.EQ, "GAUSS"), "straße"),
                row(cmp(givenName, CompareOperator.SW, "gaus"), "straße"),
                row(cmp(givenName, CompareOperator.CO, "AUS"), "straße"),
                row(cmp(givenName, CompareOperator.EW, "uß"), "straße"),
                row(cmp(email, CompareOperator.EQ, "groß@example.de"), "straße"),
                row(cmp(email, CompareOperator.CO, "ROß@"), "straße"),
                row(cmp(email, CompareOperator.SW, "gro"), "straße"),
                row(cmp(email, CompareOperator.EW, "ß@EXAMPLE.de"), "straße"),
                // Turkish dotless ı and dotted İ
                row(cmp(userName, CompareOperator.EQ, "INCI"), "ınci"),
                row(cmp(userName, CompareOperator.EQ, "inci"), "ınci"),
                row(cmp(userName, CompareOperator.EQ, "İNCİ")),
                row(cmp(userName, CompareOperator.SW, "I"), "ınci"),
                row(cmp(userName, CompareOperator.CO, "NC"), "ınci"),
                row(cmp(userName, CompareOperator.EW, "cı"), "ınci"),
                row(cmp(displayName, CompareOperator.EQ, "istanbul")),
                row(cmp(displayName, CompareOperator.EQ, "i\u0307stanbul"), "ınci"),
                row(cmp(displayName, CompareOperator.SW, "İSTAN"), "ınci"),
                row(cmp(displayName, CompareOperator.SW, "istan")),
                row(cmp(displayName, CompareOperator.CO, "STANB"), "ınci"),
                row(cmp(displayName, CompareOperator.EW, "BUL"), "ınci"),
                row(cmp(givenName, CompareOperator.EQ, "IŞIK"), "ınci"),
                row(cmp(givenName, CompareOperator.EQ, "işik"), "ınci"),
                row(cmp(givenName, CompareOperator.EQ, "isik")),
                row(cmp(givenName, CompareOperator.SW, "Iş"), "ınci"),
                row(cmp(givenName, CompareOperator.CO, "ŞI"), "ınci"),
                row(cmp(givenName, CompareOperator.EW, "ık"), "ınci"),
                row(cmp(email, CompareOperator.EQ, "INCI@EXAMPLE.COM.TR"), "ınci"),
                row(cmp(email, CompareOperator.SW, "inci@"), "ınci"),
                row(cmp(email, CompareOperator.CO, "ncı@"), "ınci"),
                row(cmp(email, CompareOperator.EW, ".tr"), "ınci"),
                // precomposed and combining accents
                row(cmp(userName, CompareOperator.EQ, "JOSÉ"), "José"),
                row(cmp(userName, CompareOperator.EQ, "Jose\u0301"), "José"),
                row(cmp(userName, CompareOperator.EQ, "Jose")),
                row(cmp(userName, CompareOperator.EW, "e\u0301"), "José"),
                row(cmp(userName, CompareOperator.SW, "JOS"), "José"),
                row(cmp(userName, CompareOperator.CO, "OSÉ"), "José"),
                row(cmp(userName, CompareOperator.CO, "\u0301")),
                row(cmp(displayName, CompareOperator.EQ, "résumé"), "José"),
                row(cmp(displayName, CompareOperator.EQ, "RESUME")),
                row(cmp(displayName, CompareOperator.SW, "RÉ"), "José"),
                row(cmp(displayName, CompareOperator.CO, "sume\u0301"), "José"),
                row(cmp(displayName, CompareOperator.EW, "MÉ"), "José"),
                row(cmp(givenName, CompareOperator.EQ, "ZOE\u0308"), "José"),
                row(cmp(givenName, CompareOperator.EQ, "zoe")),
                row(cmp(givenName, CompareOperator.SW, "ZO"), "José"),
                row(cmp(givenName, CompareOperator.CO, "ë"), "José"),
                row(cmp(givenName, CompareOperator.EW, "OË"), "José"),
                row(cmp(email, CompareOperator.EQ, "ZOË@EXAMPLE.FR"), "José"),
                row(cmp(email, CompareOperator.EW, "ë@example.fr"), "José"),
                row(cmp(email, CompareOperator.CO, "e\u0308@"), "José"),
                row(cmp(email, CompareOperator.SW, "zoe@")),
                // across the phenomena
                row(new Filter.Or(cmp(userName, CompareOperator.EQ, "ΟΔΥΣΣΈΑΣ"), cmp(email, CompareOperator.EQ,
                        "groß@example.de")), "Οδυσσέας", "straße"),
                row(new Filter.Not(cmp(userName, CompareOperator.EQ, "inci")), "Οδυσσέας", "straße", "José"),
                row(cmp(userName, CompareOperator.NE, "JOSE\u0301"), "Οδυσσέας", "straße", "ınci"),
                row(new Filter.ValuePath(AttributePath.of("emails"), new Filter.Compare(AttributePath.of("value"),
                        CompareOperator.EQ, StringValue.of("GROSS@EXAMPLE.DE"))), "straße"));
    }

    private static Filter cmp(AttributePath path, CompareOperator op, String value) {
        return new Filter.Compare(path, op, StringValue.of(value));
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
