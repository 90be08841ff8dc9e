package org.provisio.scim.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;

class SchemaValidatorTest {
    private static final String U = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private final SchemaValidator users = new SchemaValidator(ResourceSchema.user());
    private final SchemaValidator groups = new SchemaValidator(ResourceSchema.group());

    @Test
    void entraCreateWithMetaEmptyRolesAndStringBoolean() {
        // The body Microsoft documents for Entra ID's POST /Users, with client-sent meta and roles: [].
        ComplexValue v = users.validate(Json.obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:User',"
                + "'" + ENT + "'],'externalId':'0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',"
                + "'userName':'Test_User_ab6490ee-1e48-479e-a20b-2d77186b5dd1','active':'True',"
                + "'emails':[{'primary':true,'type':'work','value':'Test_User_fd0ea19b-0777-472c-9f96-4f70d2226f2e@testuser.com'}],"
                + "'meta':{'resourceType':'User'},'name':{'formatted':'givenName familyName','familyName':'familyName',"
                + "'givenName':'givenName'},'roles':[],'" + ENT + "':{'manager':'mgr-1'}}"));
        assertThat(v.getOrNull("active")).isEqualTo(BooleanValue.TRUE);
        assertThat(v.has("meta")).isFalse();
        assertThat(v.has("roles")).isFalse();
        assertThat(v.getComplex(ENT).orElseThrow().getComplex("manager").orElseThrow().getOrNull("value"))
                .isEqualTo(StringValue.of("mgr-1"));
        assertThat(v.getOrNull("schemas")).isEqualTo(MultiValue.of(
                new ReferenceValue(CoreSchemas.USER_URN), new ReferenceValue(ENT)));
    }

    @Test
    void namesTakeTheSchemaSpellingAndUnknownThingsAreDropped() {
        ComplexValue v = users.validate(Json.obj("{" + U + ",'USERNAME':'a','NickName':'b','bogus':1,"
                + "'urn:example:unknown:2.0:Thing':{'x':1},'id':'client-id','groups':[{'value':'g'}],'nickName2':null}"));
        assertThat(v.names()).containsExactly("schemas", "userName", "nickName");
    }

    @Test
    void passwordIsAcceptedButNeverReturned() {
        ComplexValue v = users.validate(Json.obj("{" + U + ",'userName':'a','password':'t1meMa$heen'}"));
        assertThat(v.has("password")).isTrue();
        assertThat(users.forResponse(v).has("password")).isFalse();
        assertThat(ScimJson.writeString(users.forResponse(v))).doesNotContain("t1meMa$heen");
    }

    @Test
    void dateTimesAreInstants() {
        ComplexValue v = new SchemaValidator(ResourceSchema.user()).coerceValue(
                CoreSchemas.COMMON_ATTRIBUTES.get(3).subAttribute("created").orElseThrow(),
                StringValue.of("2011-08-01T23:32:44.882+02:00"), "meta.created") instanceof DateTimeValue d
                ? ComplexValue.of("t", d) : ComplexValue.EMPTY;
        assertThat(v.getOrNull("t")).isEqualTo(DateTimeValue.of(Instant.parse("2011-08-01T21:32:44.882Z")));
    }

    @Test
    void singleValueForMultiValuedIsWrapped() {
        ComplexValue v = users.validate(Json.obj("{" + U + ",'userName':'a','emails':{'value':'a@b'}}"));
        assertThat(v.getMulti("emails").size()).isEqualTo(1);
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("missing userName", "{" + U + ",'displayName':'x'}", ScimErrorType.INVALID_VALUE),
                Arguments.of("null userName", "{" + U + ",'userName':null}", ScimErrorType.INVALID_VALUE),
                Arguments.of("missing schemas", "{'userName':'x'}", ScimErrorType.INVALID_SYNTAX),
                Arguments.of("wrong schemas", "{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group'],'userName':'x'}",
                        ScimErrorType.INVALID_SYNTAX),
                Arguments.of("active not boolean", "{" + U + ",'userName':'x','active':'yes'}", ScimErrorType.INVALID_VALUE),
                Arguments.of("active number", "{" + U + ",'userName':'x','active':1}", ScimErrorType.INVALID_VALUE),
                Arguments.of("userName boolean", "{" + U + ",'userName':true}", ScimErrorType.INVALID_VALUE),
                Arguments.of("name not complex", "{" + U + ",'userName':'x','name':'Bob'}", ScimErrorType.INVALID_VALUE),
                Arguments.of("title array", "{" + U + ",'userName':'x','title':['a','b']}", ScimErrorType.INVALID_VALUE),
                Arguments.of("nested arrays", "{" + U + ",'userName':'x','emails':[[{'value':'a'}]]}", ScimErrorType.INVALID_VALUE),
                Arguments.of("two primaries", "{" + U + ",'userName':'x','emails':[{'value':'a','primary':true},"
                        + "{'value':'b','primary':'True'}]}", ScimErrorType.INVALID_VALUE),
                Arguments.of("extension not object", "{" + U + ",'userName':'x','" + ENT + "':'x'}", ScimErrorType.INVALID_VALUE),
                Arguments.of("bad binary", "{" + U + ",'userName':'x','x509Certificates':[{'value':'%%%'}]}",
                        ScimErrorType.INVALID_VALUE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void refusesInvalidResources(String name, String json, ScimErrorType expected) {
        assertThatThrownBy(() -> users.validate(Json.obj(json)))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.type()).isEqualTo(expected));
    }

    @Test
    void groupNeedsDisplayName() {
        assertThatThrownBy(() -> groups.validate(Json.obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']}")))
                .isInstanceOfSatisfying(ScimException.class,
                        e -> assertThat(e.type()).isEqualTo(ScimErrorType.INVALID_VALUE));
    }

    @Test
    void entraGroupSchemaUrnIsTolerated() {
        ComplexValue v = groups.validate(Json.obj("{'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group',"
                + "'http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group'],"
                + "'externalId':'8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159','displayName':'displayName','members':[]}"));
        assertThat(v.names()).containsExactly("schemas", "externalId", "displayName");
    }

    @Test
    void immutableValuesCannotChangeOnceSet() {
        Schema custom = new Schema("urn:example:params:scim:schemas:extension:acme:2.0:User", "Acme", "", java.util.List.of(
                AttributeDefinition.builder("badge", AttributeType.STRING).mutability(Mutability.IMMUTABLE).build()));
        SchemaRegistry registry = SchemaRegistry.builder().withDefaults().schema(custom)
                .extend("User", new SchemaExtension(custom.id(), false)).build();
        SchemaValidator v = new SchemaValidator(registry.resourceSchema("User"));
        ComplexValue before = v.validate(Json.obj("{" + U + ",'userName':'x','" + custom.id() + "':{'badge':'1'}}"));
        ComplexValue same = v.validate(Json.obj("{" + U + ",'userName':'y','" + custom.id() + "':{'badge':'1'}}"));
        ComplexValue changed = v.validate(Json.obj("{" + U + ",'userName':'x','" + custom.id() + "':{'badge':'2'}}"));
        v.checkImmutable(before, same);
        assertThatThrownBy(() -> v.checkImmutable(before, changed))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.type()).isEqualTo(ScimErrorType.MUTABILITY));
        v.checkImmutable(ComplexValue.EMPTY, changed);
    }
}
