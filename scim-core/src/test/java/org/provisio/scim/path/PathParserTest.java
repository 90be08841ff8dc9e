package org.provisio.scim.path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.StringValue;

class PathParserTest {
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static Filter eq(String attribute, String value) {
        return new Filter.Compare(AttributePath.of(attribute), CompareOperator.EQ, StringValue.of(value));
    }

    static Stream<Arguments> attributePaths() {
        return Stream.of(
                Arguments.of("userName", AttributePath.of("userName")),
                Arguments.of("name.givenName", AttributePath.of("name", "givenName")),
                Arguments.of("NAME.GIVENNAME", AttributePath.of("NAME", "GIVENNAME")),
                Arguments.of("  name.givenName  ", AttributePath.of("name", "givenName")),
                Arguments.of("members.$ref", AttributePath.of("members", "$ref")),
                Arguments.of("$ref", AttributePath.of("$ref")),
                Arguments.of("x509Certificates", AttributePath.of("x509Certificates")),
                Arguments.of("a-b_c9", AttributePath.of("a-b_c9")),
                Arguments.of(CORE + ":userName", new AttributePath(CORE, "userName", null)),
                Arguments.of(CORE + ":name.familyName", new AttributePath(CORE, "name", "familyName")),
                Arguments.of(ENTERPRISE + ":employeeNumber", new AttributePath(ENTERPRISE, "employeeNumber", null)),
                Arguments.of(ENTERPRISE + ":manager.value", new AttributePath(ENTERPRISE, "manager", "value")),
                Arguments.of(ENTERPRISE + ":manager.$ref", new AttributePath(ENTERPRISE, "manager", "$ref")),
                Arguments.of("urn:acme:scim:1.0:Ext:badge-id", new AttributePath("urn:acme:scim:1.0:Ext", "badge-id", null)),
                Arguments.of("URN:IETF:params:x:Attr", new AttributePath("URN:IETF:params:x", "Attr", null)));
    }

    @ParameterizedTest
    @MethodSource("attributePaths")
    void parsesAttributePaths(String text, AttributePath expected) {
        assertThat(PathParser.parseAttributePath(text)).isEqualTo(expected);
        assertThat(AttributePath.parse(expected.toString())).isEqualTo(expected);
    }

    static Stream<Arguments> invalidAttributePaths() {
        return Stream.of(
                Arguments.of("", 0),
                Arguments.of("   ", 3),
                Arguments.of("1abc", 0),
                Arguments.of("_abc", 0),
                Arguments.of("a b", 1),
                Arguments.of("a.b.c", 3),
                Arguments.of("a.", 2),
                Arguments.of(".a", 0),
                Arguments.of("a..b", 2),
                Arguments.of("name.1", 5),
                Arguments.of("foo:bar", 0),
                Arguments.of(":bar", 0),
                Arguments.of("urn::bar", 3),
                Arguments.of(CORE + ":", CORE.length() + 1),
                Arguments.of(CORE + ":user name", CORE.length() + 5),
                Arguments.of("urn:ietf params:x:y", 8),
                Arguments.of("emails[type eq \"work\"]", 6),
                Arguments.of("$refs", 0),
                Arguments.of("a".repeat(PathParser.MAX_LENGTH + 1), PathParser.MAX_LENGTH));
    }

    @ParameterizedTest
    @MethodSource("invalidAttributePaths")
    void rejectsInvalidAttributePaths(String text, int position) {
        assertInvalidPath(() -> PathParser.parseAttributePath(text), position);
    }

    static Stream<Arguments> patchPaths() {
        AttributePath emails = AttributePath.of("emails");
        return Stream.of(
                Arguments.of("userName", PatchPath.of(AttributePath.of("userName"))),
                Arguments.of("name.familyName", PatchPath.of(AttributePath.of("name", "familyName"))),
                Arguments.of(ENTERPRISE + ":manager", PatchPath.of(new AttributePath(ENTERPRISE, "manager", null))),
                Arguments.of(ENTERPRISE + ":employeeNumber",
                        PatchPath.of(new AttributePath(ENTERPRISE, "employeeNumber", null))),
                Arguments.of("members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
                        new PatchPath(AttributePath.of("members"),
                                eq("value", "2819c223-7f76-453a-919d-413861904646"), null)),
                Arguments.of("emails[type eq \"work\"].value", new PatchPath(emails, eq("type", "work"), "value")),
                Arguments.of("emails[type eq \"work\"]", new PatchPath(emails, eq("type", "work"), null)),
                Arguments.of("addresses[type eq \"work\"].streetAddress",
                        new PatchPath(AttributePath.of("addresses"), eq("type", "work"), "streetAddress")),
                Arguments.of("emails[type eq \"work\" and primary eq true].display",
                        new PatchPath(emails, new Filter.And(eq("type", "work"), new Filter.Compare(
                                AttributePath.of("primary"), CompareOperator.EQ, BooleanValue.TRUE)), "display")),
                Arguments.of("emails[value eq \"a]b[c\"]", new PatchPath(emails, eq("value", "a]b[c"), null)),
                Arguments.of("emails[value eq \"say \\\"]\\\"\"]", new PatchPath(emails, eq("value", "say \"]\""), null)),
                Arguments.of("  emails [ type eq \"work\" ].value  ", new PatchPath(emails, eq("type", "work"), "value")),
                Arguments.of(CORE + ":emails[type eq \"work\"].value",
                        new PatchPath(new AttributePath(CORE, "emails", null), eq("type", "work"), "value")),
                Arguments.of("members[not (value pr)]",
                        new PatchPath(AttributePath.of("members"),
                                new Filter.Not(new Filter.Present(AttributePath.of("value"))), null)));
    }

    @ParameterizedTest
    @MethodSource("patchPaths")
    void parsesPatchPaths(String text, PatchPath expected) {
        assertThat(PathParser.parsePatchPath(text)).isEqualTo(expected);
        assertThat(PatchPath.parse(expected.toString())).isEqualTo(expected);
    }

    static Stream<Arguments> invalidPatchPaths() {
        return Stream.of(
                Arguments.of("", 0),
                Arguments.of("[type eq \"work\"]", 0),
                Arguments.of("emails[type eq \"work\"", 21),
                Arguments.of("emails[type eq \"work]", 15),
                Arguments.of("emails[]", 7),
                Arguments.of("emails[type eq]", 14),
                Arguments.of("emails[type eq \"work\"]value", 22),
                Arguments.of("emails[type eq \"work\"].", 23),
                Arguments.of("emails[type eq \"work\"].value.x", 28),
                Arguments.of("emails[type eq \"work\"][value pr]", 22),
                Arguments.of("emails[type[value pr]]", 11),
                Arguments.of("emails[type eq \"work\" and ims[value pr]]", 29),
                Arguments.of("emails[type eq \"work\" junk]", 22),
                Arguments.of("emails[type eq \"\\q\"]", 16),
                Arguments.of("name.givenName[value pr].x", 24),
                Arguments.of("1emails[value pr]", 0),
                Arguments.of("emails]", 6),
                Arguments.of("em ails", 2));
    }

    @ParameterizedTest
    @MethodSource("invalidPatchPaths")
    void rejectsInvalidPatchPaths(String text, int position) {
        assertInvalidPath(() -> PathParser.parsePatchPath(text), position);
    }

    @Test
    void rejectsNull() {
        assertThatThrownBy(() -> PathParser.parsePatchPath(null)).isInstanceOf(ScimException.class);
        assertThatThrownBy(() -> PathParser.parseAttributePath(null)).isInstanceOf(ScimException.class);
    }

    private static void assertInvalidPath(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int position) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ScimException.class, e -> {
            assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_PATH);
            assertThat(e.position()).hasValue(position);
        });
    }
}
