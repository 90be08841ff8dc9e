package org.provisio.scim.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.Json;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;

/** {@code attributes} / {@code excludedAttributes} as a table (RFC 7644 §3.4.2.5, §3.9). */
class ProjectionTest {
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String USER = "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENT + "'],"
            + "'id':'2819c223','userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
            + "'emails':[{'value':'b@example.com','type':'work'}],'password':'secret','active':true,"
            + "'" + ENT + "':{'employeeNumber':'7','department':'Tours'},"
            + "'meta':{'resourceType':'User','version':'W/\\\"1\\\"'}}";

    static Stream<Arguments> cases() {
        String s = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENT + "'],'id':'2819c223'";
        return Stream.of(
                Arguments.of("default drops returned-never password", null, null,
                        USER.replace("'password':'secret',", "")),
                Arguments.of("attributes keeps always-returned id and schemas", "userName", null,
                        "{" + s + ",'userName':'bjensen'}"),
                Arguments.of("attribute names are case-insensitive", "USERNAME,Active", null,
                        "{" + s + ",'userName':'bjensen','active':true}"),
                Arguments.of("sub-attribute selection", "name.familyName", null,
                        "{" + s + ",'name':{'familyName':'Jensen'}}"),
                Arguments.of("multi-valued sub-attribute", "emails.value", null,
                        "{" + s + ",'emails':[{'value':'b@example.com'}]}"),
                Arguments.of("extension attribute by URN", ENT + ":employeeNumber", null,
                        "{" + s + ",'" + ENT + "':{'employeeNumber':'7'}}"),
                Arguments.of("whole extension by URN", ENT, null,
                        "{" + s + ",'" + ENT + "':{'employeeNumber':'7','department':'Tours'}}"),
                Arguments.of("password never even when asked", "password,userName", null,
                        "{" + s + ",'userName':'bjensen'}"),
                Arguments.of("excluded attribute", null, "emails,meta",
                        "{" + s + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                                + "'active':true,'" + ENT + "':{'employeeNumber':'7','department':'Tours'}}"),
                Arguments.of("excluding id is ignored", null, "id,schemas,name,emails,active,meta," + ENT,
                        "{" + s + ",'userName':'bjensen'}"),
                Arguments.of("excluded sub-attribute", null, "name.givenName,emails,meta,active," + ENT + ":department",
                        "{" + s + ",'userName':'bjensen','name':{'familyName':'Jensen'},'" + ENT + "':{'employeeNumber':'7'}}"),
                Arguments.of("attributes wins over excludedAttributes", "userName", "userName",
                        "{" + s + ",'userName':'bjensen'}"),
                Arguments.of("meta sub-attribute", "meta.version", null,
                        "{" + s + ",'meta':{'version':'W/\\\"1\\\"'}}"),
                Arguments.of("unknown attribute selects nothing extra", "nosuch", null, "{" + s + "}"),
                Arguments.of("core-URN-qualified attribute", "urn:ietf:params:scim:schemas:core:2.0:User:userName", null,
                        "{" + s + ",'userName':'bjensen'}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void projects(String name, String attributes, String excluded, String expected) {
        ComplexValue result = Projection.parse(attributes, excluded).apply(Json.obj(USER), ResourceSchema.user());
        assertThat(result).isEqualTo(Json.obj(expected));
    }

    @org.junit.jupiter.api.Test
    void excludesNamesTopLevelCoreAttributesQualifiedOrNot() {
        assertThat(Projection.parse("urn:ietf:params:scim:schemas:core:2.0:Group:members", null).excludes("members")).isFalse();
        assertThat(Projection.parse("displayName", null).excludes("members")).isTrue();
        assertThat(Projection.parse(null, "urn:ietf:params:scim:schemas:core:2.0:Group:members").excludes("members")).isTrue();
        assertThat(Projection.parse(null, "members.display").excludes("members")).isFalse();
    }
}
