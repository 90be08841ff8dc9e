package org.provisio.server.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;

/**
 * A user's SCIM profile as label–value rows for the user page: {@code name.givenName},
 * {@code emails (work, primary)}, the Enterprise extension's {@code employeeNumber}... Everything
 * the identity provider sent is shown, and shown as text (the template escapes it).
 */
final class Profile {
    /** Shown elsewhere on the page, or not profile at all. */
    private static final Set<String> SKIPPED = Set.of("schemas", "id", "meta", "groups", "active", "username",
            "externalid");
    private static final int MAX_ROWS = 200;

    private Profile() {
    }

    static List<Views.Field> rows(UserView view) {
        List<Views.Field> rows = new ArrayList<>();
        ComplexValue scim = view.toScim();
        for (int i = 0; i < scim.size(); i++) {
            String name = scim.nameAt(i);
            if (!SKIPPED.contains(name.toLowerCase(Locale.ROOT))) {
                add(rows, label(name), scim.valueAt(i));
            }
        }
        return rows.size() > MAX_ROWS ? List.copyOf(rows.subList(0, MAX_ROWS)) : rows;
    }

    /** An extension's attributes under its short name: {@code urn:...:enterprise:2.0:User} as "Enterprise". */
    private static String label(String name) {
        if (!name.regionMatches(true, 0, "urn:", 0, 4)) {
            return name;
        }
        if (name.toLowerCase(Locale.ROOT).contains(":enterprise:")) {
            return "Enterprise";
        }
        return name.substring(name.lastIndexOf(':') + 1);
    }

    private static void add(List<Views.Field> rows, String label, Value value) {
        if (rows.size() > MAX_ROWS || value.isUnassigned()) {
            return;
        }
        if (value instanceof ComplexValue complex) {
            for (int i = 0; i < complex.size(); i++) {
                add(rows, label + "." + complex.nameAt(i), complex.valueAt(i));
            }
        } else if (value instanceof MultiValue multi) {
            for (Value element : multi.values()) {
                if (element instanceof ComplexValue c && c.getText("value").isPresent()) {
                    rows.add(new Views.Field(label + qualifiers(c), c.getText("value").get()));
                } else {
                    add(rows, label, element);
                }
            }
        } else if (value.asText() != null) {
            rows.add(new Views.Field(label, value.asText()));
        }
    }

    /** {@code " (work, primary)"} for an element of {@code emails}, {@code ""} when it has neither. */
    private static String qualifiers(ComplexValue element) {
        List<String> parts = new ArrayList<>();
        element.getText("type").ifPresent(parts::add);
        if (element.getOrNull("primary") instanceof BooleanValue b && b.value()) {
            parts.add("primary");
        }
        return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
    }
}
