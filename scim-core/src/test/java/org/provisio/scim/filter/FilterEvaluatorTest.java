package org.provisio.scim.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.ResourceSchema;

class FilterEvaluatorTest {
    private static final ResourceSchema USER = ResourceSchema.user();

    private static Arguments match(String filter, String... users) {
        return Arguments.of(filter, new LinkedHashSet<>(Arrays.asList(users)));
    }

    static Stream<Arguments> table() {
        String ent = FilterCases.ENTERPRISE + ":";
        return Stream.of(
                match("userName eq \"bjensen@example.com\"", "bjensen"),
                match("userName eq \"BJENSEN@EXAMPLE.COM\"", "bjensen"),
                match("USERNAME Eq \"kim\"", "kim"),
                match("userName sw \"J\"", "jsmith"),
                match("userName ew \".ORG\"", "jsmith"),
                match("userName co \"example\"", "bjensen", "jsmith"),
                match("userName gt \"j\"", "jsmith", "kim"),
                match("userName lt \"c\"", "bjensen", "bare"),
                match("name.familyName co \"O'Malley\"", "jsmith"),
                match("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"jensen\"", "bjensen"),
                match("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"", "jsmith"),
                // caseExact: id, externalId, meta.version, schemas
                match("id eq \"ABC-def\"", "kim"),
                match("id eq \"abc-def\""),
                match("externalId eq \"jsmith\""),
                match("externalId eq \"JSMITH\"", "jsmith"),
                match("externalId sw \"kim\""),
                match("externalId sw \"KIM\"", "kim"),
                match("meta.version eq \"W/\\\"3694e05e9dff590\\\"\"", "bjensen"),
                match("meta.version eq \"w/\\\"3694E05E9DFF590\\\"\""),
                match("meta.resourceType eq \"user\""),
                match("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", "bjensen", "kim"),
                // pr
                match("title pr", "bjensen"),
                match("emails pr", "bjensen", "jsmith", "kim"),
                match("name pr", "bjensen", "jsmith"),
                match("name.formatted pr", "bjensen"),
                match("emails.primary pr", "bjensen", "jsmith"),
                match("nickName pr", "kim"),
                match("not (title pr)", "jsmith", "kim", "bare"),
                match("title pr and userType eq \"Employee\"", "bjensen"),
                match("title pr or userType eq \"Intern\"", "bjensen", "jsmith"),
                // dateTime as instants
                match("meta.lastModified gt \"2011-05-13T04:42:34Z\"", "kim"),
                match("meta.lastModified ge \"2011-05-13T04:42:34Z\"", "bjensen", "jsmith", "kim"),
                match("meta.lastModified lt \"2011-05-13T04:42:34Z\""),
                match("meta.lastModified le \"2011-05-13T04:42:34Z\"", "bjensen", "jsmith"),
                match("meta.lastModified eq \"2011-05-13T06:42:34+02:00\"", "bjensen", "jsmith"),
                match("meta.lastModified eq \"2012-06-30T10:00:00Z\"", "kim"),
                match("meta.created lt \"2011-01-01T00:00:00.000Z\"", "bjensen"),
                match("meta.created gt \"2011-05-13T04:42:34\"", "kim"),
                // booleans
                match("active eq true", "bjensen", "kim"),
                match("active eq false", "jsmith"),
                match("active ne true", "jsmith", "bare"),
                match("active eq \"TRUE\"", "bjensen", "kim"),
                match("active eq 1"),
                // numbers (not in the schema: compared by the literal's type)
                match("loginCount gt 10", "bjensen"),
                match("loginCount le 7", "jsmith"),
                match("loginCount eq 7.0", "jsmith"),
                match("loginCount ge 7.5", "bjensen"),
                match("loginCount eq \"7\"", "jsmith"),
                // multi-valued: any value; complex without sub-attribute compares its value
                match("emails co \"example.com\"", "bjensen", "kim"),
                match("emails.value co \"example.org\"", "jsmith"),
                match("emails eq \"babs@jensen.org\"", "bjensen"),
                match("emails.type eq \"work\"", "bjensen", "jsmith"),
                match("emails.type eq \"home\"", "bjensen", "kim"),
                match("roles eq \"admin\"", "bjensen"),
                match("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                        "bjensen", "kim"),
                match("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                        "bare"),
                match("userType eq \"Employee\" and (emails.type eq \"work\")", "bjensen"),
                // value paths: one element satisfies the whole inner filter
                match("emails[type eq \"work\" and value co \"@example.com\"]", "bjensen"),
                match("emails[type eq \"home\" and value co \"@example.com\"]", "kim"),
                match("emails[type eq \"home\" and primary eq true]"),
                match("emails[type eq \"work\" and primary eq true]", "bjensen", "jsmith"),
                match("emails[not (primary pr)]", "bjensen", "kim"),
                match("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]", "bjensen"),
                match("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                        "bjensen"),
                match("ims[type eq \"skype\"]", "jsmith"),
                match("addresses[postalCode sw \"916\" and primary eq true]", "bjensen"),
                match("roles[value eq \"ADMIN\"]", "bjensen"),
                // extension attributes, qualified and not
                match(ent + "employeeNumber eq \"701984\"", "bjensen"),
                match("employeeNumber eq \"7\"", "kim"),
                match(ent + "manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", "bjensen"),
                match(ent + "manager eq \"26118915-6090-4610-87e4-49d8ca9f808d\"", "bjensen"),
                match(ent + "manager.displayName sw \"john\"", "bjensen"),
                match(ent + "costCenter pr", "kim"),
                match(ent + "manager pr", "bjensen"),
                match(ent + "manager[displayName co \"Smith\"]", "bjensen"),
                match("urn:example:unknown:1.0:Ext:thing pr"),
                // missing attributes
                match("title eq \"Tour Guide\"", "bjensen"),
                match("title ne \"Tour Guide\"", "jsmith", "kim", "bare"),
                match("title eq null", "jsmith", "kim", "bare"),
                match("title ne null", "bjensen"),
                match("emails eq null", "bare"),
                match("emails.type ne \"work\"", "kim", "bare"),
                match("nonexistent eq \"x\""),
                match("nonexistent ne \"x\"", "bjensen", "jsmith", "kim", "bare"),
                match("nonexistent pr"),
                match("name.nonexistent pr"),
                // unknown attributes: case-insensitive strings
                match("displayName eq \"BABS JENSEN\"", "bjensen"),
                match("nickname co \"IMM\"", "kim"),
                // beyond ASCII, ignoring case is comparing CaseFolding folds. Greek final sigma: "Οδυσσέας"
                match("name.middleName eq \"\u039f\u0394\u03a5\u03a3\u03a3\u0388\u0391\u03a3\"", "bjensen"),
                match("name.middleName eq \"\u03bf\u03b4\u03c5\u03c3\u03c3\u03ad\u03b1\u03c3\"", "bjensen"),
                match("name.middleName co \"\u0388\u0391\u03a3\"", "bjensen"),
                match("name.middleName sw \"\u039f\u0394\u03a5\"", "bjensen"),
                match("name.middleName sw \"\u039f\u0394\u03a5\u03a3\""),
                match("name.middleName ew \"\u03ad\u03b1\u03c3\"", "bjensen"),
                match("name.middleName ew \"\u03b5\u03b1\u03c2\""),
                // Turkish dotless and dotted i: "Işık"
                match("name.middleName eq \"I\u015e\u0049K\"", "jsmith"),
                match("name.middleName eq \"\u0131\u015f\u0131k\"", "jsmith"),
                match("name.middleName eq \"i\u015fik\"", "jsmith"),
                match("name.middleName eq \"\u0130\u015e\u0130K\""),
                match("name.middleName co \"\u015eI\"", "jsmith"),
                match("name.middleName sw \"\u0131\"", "jsmith"),
                match("name.middleName sw \"\u0130\""),
                match("name.middleName ew \"IK\"", "jsmith"),
                // German ß: "Hauptstraße 5", and "Großenhain" under an attribute no schema defines
                match("addresses.streetAddress eq \"HAUPTSTRASSE 5\"", "bjensen"),
                match("addresses.streetAddress co \"strasse\"", "bjensen"),
                match("addresses.streetAddress sw \"HAUPTSTRASS\"", "bjensen"),
                match("addresses[streetAddress ew \"STRASSE 5\"]", "bjensen"),
                match("hometown eq \"GROSSENHAIN\"", "bjensen"),
                match("hometown co \"\u00df\"", "bjensen"),
                match("hometown sw \"GROSS\"", "bjensen"),
                match("hometown ew \"SSENHAIN\"", "bjensen"),
                // accents: "Société Générale" stored with combining acute accents, compared with precomposed ones
                match(ent + "organization eq \"SOCI\u00c9T\u00c9 G\u00c9N\u00c9RALE\"", "kim"),
                match(ent + "organization co \"\u00e9t\u00e9\"", "kim"),
                match(ent + "organization sw \"soci\u00e9t\u00e9\"", "kim"),
                match(ent + "organization ew \"G\u00c9N\u00c9RALE\"", "kim"),
                match(ent + "organization eq \"SOCIETE GENERALE\""),
                // caseExact stays exact beyond ASCII
                match("externalId eq \"BJENSEN\""));
    }

    @ParameterizedTest
    @MethodSource("table")
    void matchesTheExpectedUsers(String filter, Set<String> expected) {
        Predicate<ComplexValue> p = FilterEvaluator.compile(Filter.parse(filter), USER);
        Set<String> actual = new LinkedHashSet<>();
        for (Map.Entry<String, ComplexValue> user : SampleUsers.all().entrySet()) {
            if (p.test(user.getValue())) {
                actual.add(user.getKey());
            }
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "active gt true", "active le false", "active co \"t\"", "active sw \"t\"",
        "x509Certificates.value gt \"abc\"", "x509Certificates.value le \"abc\"",
        "meta.lastModified gt \"yesterday\"", "meta.created le \"2011-13-45\"", "meta.created lt 5",
        "meta.created eq \"not a date\"", "meta.created ne \"Smith\"", "meta.created eq 5", "meta.created co \"2011\"",
        "title gt null", "title co null", "loginCount co 5", "x gt true", "userName co 5", "userName gt false",
        "emails[type eq \"work\" and primary lt true]"})
    void rejectsComparisonsTheRfcForbids(String filter) {
        assertThatThrownBy(() -> FilterEvaluator.compile(Filter.parse(filter), USER))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_FILTER));
    }

    @Test
    void toleratesBooleansStoredAsStrings() {
        ComplexValue user = ComplexValue.builder().put("userName", "x").put("active", "False").build();
        assertThat(FilterEvaluator.compile(Filter.parse("active eq false"), USER).test(user)).isTrue();
        assertThat(FilterEvaluator.compile(Filter.parse("active eq true"), USER).test(user)).isFalse();
    }

    @Test
    void emptyValuesAreNotPresent() {
        ComplexValue user = ComplexValue.builder().put("title", "").put("emails", MultiValue.EMPTY)
                .put("name", ComplexValue.of("givenName", StringValue.of(""))).build();
        for (String f : new String[] {"title pr", "emails pr", "name pr", "name.givenName pr"}) {
            assertThat(FilterEvaluator.compile(Filter.parse(f), USER).test(user)).as(f).isFalse();
        }
        assertThat(FilterEvaluator.compile(Filter.parse("title eq null"), USER).test(user)).isTrue();
    }

    @Test
    void comparesDateTimesStoredAsText() {
        ComplexValue user = ComplexValue.of("meta", ComplexValue.of("created", StringValue.of("2011-05-13T04:42:34Z")));
        assertThat(FilterEvaluator.compile(Filter.parse("meta.created ge \"2011-05-13T06:42:34+02:00\""), USER)
                .test(user)).isTrue();
    }

    @Test
    void compilesElementFiltersRelativeToTheElement() {
        Predicate<ComplexValue> work = FilterEvaluator.compileElementFilter(
                Filter.parse("type eq \"WORK\" and primary eq true"), USER, AttributePath.of("emails"));
        assertThat(work.test(ComplexValue.of("type", StringValue.of("work"),
                "primary", org.provisio.scim.resource.BooleanValue.TRUE))).isTrue();
        assertThat(work.test(ComplexValue.of("type", StringValue.of("work")))).isFalse();

        Predicate<ComplexValue> member = FilterEvaluator.compileElementFilter(
                Filter.parse("value eq \"2819c223\""), ResourceSchema.group(), AttributePath.of("members"));
        assertThat(member.test(ComplexValue.of("value", StringValue.of("2819c223")))).isTrue();
        assertThat(member.test(ComplexValue.of("value", StringValue.of("2819C223")))).isTrue();

        Predicate<ComplexValue> manager = FilterEvaluator.compileElementFilter(Filter.parse("value pr"), USER,
                new AttributePath(FilterCases.ENTERPRISE, "manager", null));
        assertThat(manager.test(ComplexValue.of("value", StringValue.of("x")))).isTrue();

        assertThatThrownBy(() -> FilterEvaluator.compileElementFilter(Filter.parse("emails[type pr]"), USER,
                AttributePath.of("emails"))).isInstanceOf(ScimException.class);
    }

    @Test
    void evaluatesTenThousandResourcesQuickly() {
        ComplexValue[] users = new ComplexValue[10_000];
        for (int k = 0; k < users.length; k++) {
            users[k] = SampleUsers.BJENSEN.with("userName", StringValue.of("user" + k + "@example.com"));
        }
        Predicate<ComplexValue> p = FilterEvaluator.compile(Filter.parse(
                "userName ew \"9@EXAMPLE.COM\" and emails[type eq \"work\" and value co \"@example.com\"]"
                        + " and meta.lastModified ge \"2011-01-01T00:00:00Z\""), USER);
        int matches = 0;
        for (int round = 0; round < 20; round++) {
            matches = 0;
            for (ComplexValue u : users) {
                if (p.test(u)) {
                    matches++;
                }
            }
        }
        assertThat(matches).isEqualTo(1_000);
    }
}
