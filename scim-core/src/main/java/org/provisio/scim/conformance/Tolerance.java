package org.provisio.scim.conformance;

import java.util.Optional;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;

/**
 * Every departure from RFC 7643/7644 that Provisio tolerates, because Microsoft Entra ID, Okta or a common
 * client library sends it: each with a stable {@link #key() key} for reports, what the client did, the rule
 * it departs from with its RFC section, and the error a strict service answers with.
 *
 * <p>What the RFC itself allows is not here: attribute names in any case (RFC 7643 §2.1), {@code null} and
 * {@code []} for unassigned (§2.5), readOnly attributes ignored in a POST or PUT body (RFC 7644 §3.3,
 * §3.5.1), {@code startIndex} below 1 read as 1 (§3.4.2.4), {@code application/json} bodies (§3.8).
 */
public enum Tolerance {
    /** {@code {"op":"Replace"}}: Entra ID. */
    OP_CASE("op-case", ScimErrorType.INVALID_SYNTAX,
            "PATCH \"op\" not in lower case (\"Replace\", \"Add\", \"Remove\")",
            "RFC 7644 §3.5.2: \"op\" is \"add\", \"remove\" or \"replace\""),
    /** {@code "active": "False"}: Entra ID. */
    BOOLEAN_AS_STRING("boolean-as-string", ScimErrorType.INVALID_VALUE,
            "a boolean sent as the string \"True\" or \"False\"",
            "RFC 7643 §2.3.2: a boolean is the JSON literal true or false"),
    /** {@code "employeeNumber": 7}. */
    NUMBER_FOR_STRING("number-for-string", ScimErrorType.INVALID_VALUE,
            "a number sent for a string attribute",
            "RFC 7643 §2.3.1: a string attribute's value is a JSON string"),
    /** {@code "count": "10"} for an integer. */
    STRING_FOR_NUMBER("string-for-number", ScimErrorType.INVALID_VALUE,
            "a number sent as a string (\"10\")",
            "RFC 7643 §2.3.3, §2.3.4: integer and decimal values are JSON numbers"),
    /** {@code 5.0} for an integer. */
    DECIMAL_FOR_INTEGER("decimal-for-integer", ScimErrorType.INVALID_VALUE,
            "an integer sent with a fractional part (5.0)",
            "RFC 7643 §2.3.4: an integer has no fractional part"),
    /** {@code "manager": "26118915"} for {@code {"value": "26118915"}}: Entra ID. */
    VALUE_FOR_COMPLEX("value-for-complex", ScimErrorType.INVALID_VALUE,
            "a plain value for a complex attribute (\"manager\": \"<id>\" for {\"value\": \"<id>\"})",
            "RFC 7643 §2.3.8: a complex attribute's value is a JSON object"),
    /** {@code "displayName": ["Babs"]}. */
    ARRAY_FOR_SINGULAR("array-for-singular", ScimErrorType.INVALID_VALUE,
            "a one-element array for a single-valued attribute",
            "RFC 7643 §2.3: a single-valued attribute holds one value, not an array"),
    /** {@code "emails": {"value": "x@example.com"}}, or a comma-separated {@code "attributes"} string. */
    SINGULAR_FOR_ARRAY("singular-for-array", ScimErrorType.INVALID_VALUE,
            "a single value for a multi-valued attribute",
            "RFC 7643 §2.4: a multi-valued attribute's value is a JSON array"),
    /** An attribute no schema of the resource type defines: ignored. */
    UNKNOWN_ATTRIBUTE("unknown-attribute", ScimErrorType.INVALID_SYNTAX,
            "an attribute no schema of the resource type defines, ignored",
            "RFC 7644 §3.12 (invalidSyntax): a request conforms to the resource's schemas, RFC 7643 §2"),
    /** Entra ID's {@code http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group}. */
    UNKNOWN_SCHEMA("unknown-schema", ScimErrorType.INVALID_SYNTAX,
            "a schema URN the service does not support, in \"schemas\" or as an extension, ignored",
            "RFC 7643 §3: \"schemas\" names schemas the service provider supports"),
    /** Extension attributes whose URN is missing from {@code schemas}. */
    EXTENSION_NOT_IN_SCHEMAS("extension-not-in-schemas", ScimErrorType.INVALID_SYNTAX,
            "extension attributes whose schema URN \"schemas\" does not list",
            "RFC 7643 §3: \"schemas\" lists the core schema and every extension present"),
    /** A PatchOp or SearchRequest body without its message schema. */
    MESSAGE_SCHEMA_MISSING("message-schema-missing", ScimErrorType.INVALID_SYNTAX,
            "a PatchOp or SearchRequest body without its message URN in \"schemas\"",
            "RFC 7644 §3.5.2, §3.4.3: \"schemas\" holds urn:ietf:params:scim:api:messages:2.0:PatchOp"
                    + " or :SearchRequest"),
    /** {@code "path": ""}, taken as no path. */
    BLANK_PATH("blank-path", ScimErrorType.INVALID_PATH,
            "an empty PATCH \"path\", taken as no path",
            "RFC 7644 §3.5.2: \"path\" is an attribute path; an operation on the resource itself omits it"),
    /** {@code "value": [{"displayName": "x"}]} without a path: the captaingoldfish client. */
    PATHLESS_VALUE_ARRAY("pathless-value-array", ScimErrorType.INVALID_VALUE,
            "a path-less PATCH \"value\" that is an array holding one object",
            "RFC 7644 §3.5.2.1, §3.5.2.3: without \"path\", \"value\" is a JSON object of attributes"),
    /** {@code {"op":"replace","value":{"name.givenName":"Kim"}}}: Entra ID. */
    PATH_KEY_IN_VALUE("path-key-in-value", ScimErrorType.INVALID_VALUE,
            "a path-less PATCH value with dotted or URN-qualified keys (\"name.givenName\")",
            "RFC 7644 §3.5.2.1, §3.5.2.3: the keys of a path-less value are attribute names; sub-attributes sit"
                    + " in nested objects and extension attributes under their schema URN"),
    /** {@code {"op":"replace","value":{"id":"...","displayName":"..."}}}: Okta. */
    READ_ONLY_IN_PATCH("readonly-in-patch", ScimErrorType.MUTABILITY,
            "a readOnly attribute (such as \"id\") in a PATCH value, ignored",
            "RFC 7644 §3.5.2: a client MUST NOT modify an attribute whose mutability is readOnly"),
    /** {@code "path": "employeeNumber"}. */
    UNQUALIFIED_EXTENSION("unqualified-extension-attribute", ScimErrorType.INVALID_PATH,
            "an extension attribute named without its schema URN (\"employeeNumber\")",
            "RFC 7644 §3.10: an attribute name without a schema URN is of the core schema"),
    /** {@code replace} on {@code emails[type eq "work"].value} of a user without a work email: Entra ID. */
    FILTERED_REPLACE_CREATES("filtered-replace-creates", ScimErrorType.NO_TARGET,
            "a replace on a value filter that matches nothing (emails[type eq \"work\"].value), which creates"
                    + " the element",
            "RFC 7644 §3.5.2.3: a replace whose value filter matches no value fails with noTarget"),
    /** {@code {"op":"Remove","path":"members","value":[{"value":"<id>"}]}}: Entra ID. */
    REMOVE_WITH_VALUE("remove-with-value", ScimErrorType.INVALID_SYNTAX,
            "a remove with a \"value\" array, which removes just those values",
            "RFC 7644 §3.5.2.2: remove takes no value (without a filter it removes every value); select values"
                    + " with a filter, members[value eq \"...\"]"),
    /** {@code emails[type eq "work"].value eq "x"}: Entra ID. */
    FILTER_VALUE_PATH_SUB_ATTRIBUTE("filter-value-path-subattribute", ScimErrorType.INVALID_FILTER,
            "a filter with a sub-attribute after a value path (emails[type eq \"work\"].value eq \"...\")",
            "RFC 7644 §3.4.2.2: the filter grammar has no valuePath.subAttr; write"
                    + " emails[type eq \"work\" and value eq \"...\"]"),
    /** {@code nosuch eq "x"}. */
    FILTER_UNKNOWN_ATTRIBUTE("filter-unknown-attribute", ScimErrorType.INVALID_FILTER,
            "a filter on an attribute no schema of the resource type defines",
            "RFC 7644 §3.4.2.2, §3.12 (invalidFilter): the filter names an attribute the service does not support"),
    /** {@code active eq "true"}. */
    FILTER_BOOLEAN_AS_STRING("filter-boolean-as-string", ScimErrorType.INVALID_FILTER,
            "a boolean attribute compared with a string (active eq \"true\")",
            "RFC 7644 §3.4.2.2: a boolean is compared with the literal true or false"),
    /** {@code employeeNumber eq "7"}. */
    FILTER_UNQUALIFIED_EXTENSION("filter-unqualified-extension-attribute", ScimErrorType.INVALID_FILTER,
            "a filter on an extension attribute named without its schema URN (employeeNumber eq \"7\")",
            "RFC 7644 §3.10: an attribute name without a schema URN is of the core schema"),
    /** {@code sortOrder=Descending}. */
    SORT_ORDER_CASE("sort-order-case", ScimErrorType.INVALID_VALUE,
            "\"sortOrder\" not in lower case (\"Descending\")",
            "RFC 7644 §3.4.2.3: sortOrder is \"ascending\" or \"descending\""),
    /** {@code "method": "post"} in a Bulk operation. */
    BULK_METHOD_CASE("bulk-method-case", ScimErrorType.INVALID_VALUE,
            "a Bulk operation's \"method\" not in upper case (\"post\")",
            "RFC 7644 §3.7: method is \"POST\", \"PUT\", \"PATCH\" or \"DELETE\"");

    private final String key;
    private final ScimErrorType error;
    private final String description;
    private final String rule;

    Tolerance(String key, ScimErrorType error, String description, String rule) {
        this.key = key;
        this.error = error;
        this.description = description;
        this.rule = rule;
    }

    /** The stable name of this tolerance in reports and the admin API, e.g. {@code boolean-as-string}. */
    public String key() {
        return key;
    }

    /** The error a strict service answers with. */
    public ScimErrorType error() {
        return error;
    }

    /** What the client did, in a sentence fragment, e.g. {@code a boolean sent as the string "True" or "False"}. */
    public String description() {
        return description;
    }

    /** The rule the client departs from, with its RFC section. */
    public String rule() {
        return rule;
    }

    /**
     * The error of a strict service: {@link #error()}, with a detail that names what was sent, where, and the
     * rule with its section.
     *
     * @param where the attribute or member concerned, as {@link Conformance#tolerate} passes it, or {@code null}
     */
    public ScimException refusal(String where) {
        String at = where == null ? "" : " (" + where + ")";
        return ScimException.of(error, "Strict conformance profile: " + description + at + ". " + rule + ".");
    }

    /** The tolerance of a key, if any. */
    public static Optional<Tolerance> byKey(String key) {
        for (Tolerance t : values()) {
            if (t.key.equals(key)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
