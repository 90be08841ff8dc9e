package org.provisio.scim.filter;

import java.util.LinkedHashMap;
import java.util.Map;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * A few users covering the interesting shapes: extension, multi-valued, dateTimes, caseExact ids, empties, and
 * text outside ASCII (a Greek final sigma, a Turkish dotless i, a German ß, accents written as combining marks).
 */
final class SampleUsers {
    private SampleUsers() {
    }

    private static Value str(String s) {
        return StringValue.of(s);
    }

    private static Value date(String s) {
        return DateTimeValue.parse(s).orElseThrow();
    }

    private static ComplexValue email(String value, String type, boolean primary) {
        ComplexValue.Builder b = ComplexValue.builder().put("value", value).put("type", type);
        if (primary) {
            b.put("primary", true);
        }
        return b.build();
    }

    static final ComplexValue BJENSEN = ComplexValue.builder()
            .put("schemas", MultiValue.of(str(FilterCases.CORE), str(FilterCases.ENTERPRISE)))
            .put("id", "2819c223-7f76-453a-919d-413861904646")
            .put("externalId", "bjensen")
            .put("userName", "bjensen@example.com")
            .put("name", ComplexValue.of("familyName", str("Jensen"), "givenName", str("Barbara"),
                    "formatted", str("Ms. Barbara J Jensen III"), "middleName", str("\u039f\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c2")))
            .put("displayName", "Babs Jensen")
            .put("title", "Tour Guide")
            .put("userType", "Employee")
            .put("active", true)
            .put("emails", MultiValue.of(email("bjensen@example.com", "work", true), email("babs@jensen.org", "home", false)))
            .put("ims", MultiValue.of(ComplexValue.of("value", str("someaimhandle"), "type", str("aim")),
                    ComplexValue.of("value", str("bjensen@foo.com"), "type", str("xmpp"))))
            .put("addresses", MultiValue.of(ComplexValue.of("type", str("work"), "postalCode", str("91608"),
                    "locality", str("Hollywood"), "streetAddress", str("Hauptstra\u00dfe 5"),
                    "primary", org.provisio.scim.resource.BooleanValue.TRUE)))
            .put("hometown", "Gro\u00dfenhain")
            .put("roles", MultiValue.of(ComplexValue.of("value", str("admin"))))
            .put("loginCount", IntegerValue.of(42))
            .put("meta", ComplexValue.of("resourceType", str("User"), "created", date("2010-01-23T04:56:22Z"),
                    "lastModified", date("2011-05-13T04:42:34Z"), "version", str("W/\"3694e05e9dff590\""),
                    "location", str("https://example.com/v2/Users/2819c223-7f76-453a-919d-413861904646")))
            .put(FilterCases.ENTERPRISE, ComplexValue.of("employeeNumber", str("701984"), "department",
                    str("Tour Operations"), "manager", ComplexValue.of("value", str("26118915-6090-4610-87e4-49d8ca9f808d"),
                            "displayName", str("John Smith"))))
            .build();

    static final ComplexValue JSMITH = ComplexValue.builder()
            .put("schemas", MultiValue.of(str(FilterCases.CORE)))
            .put("id", "e9e30dba-f08f-4109-8486-d5c6a331660a")
            .put("externalId", "JSMITH")
            .put("userName", "jsmith@example.org")
            .put("name", ComplexValue.of("familyName", str("O'Malley"), "givenName", str("John"),
                    "middleName", str("I\u015f\u0131k")))
            .put("userType", "Intern")
            .put("active", false)
            .put("emails", MultiValue.of(email("JSmith@Example.ORG", "work", true)))
            .put("ims", MultiValue.of(ComplexValue.of("value", str("jsmith@foo.com"), "type", str("skype"))))
            .put("loginCount", IntegerValue.of(7))
            .put("meta", ComplexValue.of("resourceType", str("User"), "created", date("2011-05-13T04:42:34Z"),
                    "lastModified", date("2011-05-13T04:42:34Z"), "version", str("W/\"a330bc54f0671c9\"")))
            .build();

    static final ComplexValue KIM = ComplexValue.builder()
            .put("schemas", MultiValue.of(str(FilterCases.CORE), str(FilterCases.ENTERPRISE)))
            .put("id", "ABC-def")
            .put("externalId", "KIM-1")
            .put("userName", "Kim")
            .put("nickName", "kimmy")
            .put("userType", "Employee")
            .put("active", true)
            .put("emails", MultiValue.of(email("kim@example.com", "home", false)))
            .put("meta", ComplexValue.of("resourceType", str("User"), "created", date("2012-01-01T00:00:00Z"),
                    "lastModified", date("2012-06-30T12:00:00+02:00")))
            .put(FilterCases.ENTERPRISE, ComplexValue.of("employeeNumber", str("7"), "costCenter", str("CC-42"),
                    "organization", str("Socie\u0301te\u0301 Ge\u0301ne\u0301rale")))
            .build();

    /** A user with no optional attribute at all. */
    static final ComplexValue BARE = ComplexValue.builder()
            .put("schemas", MultiValue.of(str(FilterCases.CORE)))
            .put("id", "bare")
            .put("userName", "bare")
            .build();

    static Map<String, ComplexValue> all() {
        Map<String, ComplexValue> users = new LinkedHashMap<>();
        users.put("bjensen", BJENSEN);
        users.put("jsmith", JSMITH);
        users.put("kim", KIM);
        users.put("bare", BARE);
        return users;
    }
}
