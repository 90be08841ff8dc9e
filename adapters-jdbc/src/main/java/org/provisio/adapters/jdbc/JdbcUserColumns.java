package org.provisio.adapters.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.provisio.domain.model.User;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.text.CaseFolding;

/**
 * The filterable columns of a user, derived from its profile exactly as scim-core's filter
 * evaluator sees the SCIM view: {@code displayName}, {@code name.givenName},
 * {@code name.familyName} and one row per element of {@code emails}. Text is stored
 * {@link #fold folded}. A profile whose shape these columns cannot represent exactly (an email
 * element that is not an object, a {@code displayName} list...) makes the user
 * {@link #irregular()}: filters check it in memory.
 */
final class JdbcUserColumns {
    /** The attribute whose elements are the rows of {@code user_emails}. */
    private static final String EMAILS = "emails";

    /** One element of {@code emails}: folded value and type, primary flag; each may be null. */
    record Email(String valueFold, String typeFold, Boolean primary) {
    }

    private final String displayNameFold;
    private final String givenNameFold;
    private final String familyNameFold;
    private final List<Email> emails = new ArrayList<>();
    private boolean irregular;

    private JdbcUserColumns(User user) {
        ComplexValue profile = user.profile().attributes();
        displayNameFold = text(profile.getOrNull("displayName"));
        Value name = profile.getOrNull("name");
        if (name == null || name instanceof NullValue) {
            givenNameFold = null;
            familyNameFold = null;
        } else if (name instanceof ComplexValue n) {
            givenNameFold = text(n.getOrNull("givenName"));
            familyNameFold = text(n.getOrNull("familyName"));
        } else {
            irregular = true;
            givenNameFold = null;
            familyNameFold = null;
        }
        Value all = profile.getOrNull(EMAILS);
        if (all instanceof MultiValue list) {
            for (Value element : list.values()) {
                if (element instanceof ComplexValue e) {
                    emails.add(new Email(text(e.getOrNull("value")), text(e.getOrNull("type")),
                            primary(e.getOrNull("primary"))));
                } else {
                    irregular = true;
                }
            }
        } else if (all != null && !(all instanceof NullValue)) {
            irregular = true;
        }
    }

    static JdbcUserColumns of(User user) {
        return new JdbcUserColumns(user);
    }

    /** Whether two versions of a user have the same {@link #emails} rows: their {@code emails} are equal. */
    static boolean sameEmails(User before, User after) {
        return Objects.equals(before.profile().attributes().getOrNull(EMAILS),
                after.profile().attributes().getOrNull(EMAILS));
    }

    String displayNameFold() {
        return displayNameFold;
    }

    String givenNameFold() {
        return givenNameFold;
    }

    String familyNameFold() {
        return familyNameFold;
    }

    List<Email> emails() {
        return emails;
    }

    boolean irregular() {
        return irregular;
    }

    /**
     * The case fold of text, scim-core's {@link CaseFolding#fold}: what every store compares
     * case-insensitive text with, so that a filter, a sort and a uniqueness check agree on every
     * store. {@code co}, {@code sw} and {@code ew} become {@code LIKE} on folded columns.
     */
    static String fold(String text) {
        return CaseFolding.fold(text);
    }

    /** The folded text of a textual value; null when absent; anything else is irregular. */
    private String text(Value value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof StringValue || value instanceof ReferenceValue || value instanceof BinaryValue) {
            return fold(value.asText());
        }
        irregular = true;
        return null;
    }

    private Boolean primary(Value value) {
        if (value == null || value instanceof NullValue) {
            return null;
        }
        if (value instanceof BooleanValue b) {
            return b.value();
        }
        if (value instanceof StringValue s && (s.value().equalsIgnoreCase("true") || s.value().equalsIgnoreCase("false"))) {
            return s.value().equalsIgnoreCase("true");
        }
        irregular = true;
        return null;
    }
}
