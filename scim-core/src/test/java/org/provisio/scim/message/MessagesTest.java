package org.provisio.scim.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.CoreSchemas;

/** The protocol messages of RFC 7644 §3 and the discovery documents of RFC 7643 §5–§7, value by value. */
class MessagesTest {
    private static final String BASE = "https://scim.example.com/v2";

    // ---- ListResponse ------------------------------------------------------------------------

    @Test
    void listResponseCarriesCountsAndResources() {
        ComplexValue a = Json.obj("{'id':'a','userName':'alice'}");
        ComplexValue b = Json.obj("{'id':'b','userName':'bob'}");
        ListResponse list = new ListResponse(12, 3, List.of(a, b));

        assertThat(list.itemsPerPage()).isEqualTo(2);
        assertThat(ScimJson.writeString(list.toJson())).isEqualTo(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                        + "\"totalResults\":12,\"startIndex\":3,\"itemsPerPage\":2,"
                        + "\"Resources\":[{\"id\":\"a\",\"userName\":\"alice\"},{\"id\":\"b\",\"userName\":\"bob\"}]}");
    }

    @Test
    void emptyListResponseStillHasResources() {
        assertThat(ScimJson.writeString(new ListResponse(0, 1, List.of()).toJson())).isEqualTo(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                        + "\"totalResults\":0,\"startIndex\":1,\"itemsPerPage\":0,\"Resources\":[]}");
    }

    /** RFC 9865 §2: a cursor page has no startIndex and, unless it is the last, a nextCursor. */
    @Test
    void cursorPageCarriesNextCursorAndNoStartIndex() {
        ComplexValue a = Json.obj("{'id':'a'}");

        assertThat(ScimJson.writeString(ListResponse.cursorPage(100, List.of(a), Optional.of("VZUTiyhEQJ94IR"))
                .toJson())).isEqualTo("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],"
                        + "\"totalResults\":100,\"itemsPerPage\":1,\"nextCursor\":\"VZUTiyhEQJ94IR\","
                        + "\"Resources\":[{\"id\":\"a\"}]}");
        assertThat(ListResponse.cursorPage(1, List.of(a), Optional.empty()).toJson().getOrNull("nextCursor"))
                .isNull();
    }

    @Test
    void anIndexPageHasNoCursorAndStartsAtOne() {
        assertThatThrownBy(() -> new ListResponse(1, 0, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ListResponse(1, 1, List.of(), Optional.of("c")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** RFC 9865 §4: the pagination element of the ServiceProviderConfig. */
    @Test
    void serviceProviderConfigAdvertisesPagination() {
        ServiceProviderConfig config = new ServiceProviderConfig(true, 1000, 1_048_576, 1000, null,
                new ServiceProviderConfig.Pagination(true, true, "index", 100, 1000, 3600));

        assertThat(ScimJson.writeString(config.toJson("https://x").getComplex("pagination").orElseThrow()))
                .isEqualTo("{\"cursor\":true,\"index\":true,\"defaultPaginationMethod\":\"index\","
                        + "\"defaultPageSize\":100,\"maxPageSize\":1000,\"cursorTimeout\":3600}");
        assertThat(new ServiceProviderConfig(true, 1000, 1_048_576, 1000, null).toJson("https://x")
                .getOrNull("pagination")).isNull();
        assertThatThrownBy(() -> new ServiceProviderConfig.Pagination(true, true, "offset", 100, 1000, 3600))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- ErrorResponse -----------------------------------------------------------------------

    @Test
    void errorResponseHasStatusAsStringAndScimType() {
        ErrorResponse e = ErrorResponse.of(ScimException.invalidFilter("unexpected ')' at position 14", 14));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.scimType()).isEqualTo("invalidFilter");
        assertThat(ScimJson.writeString(e.toJson())).isEqualTo(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"400\","
                        + "\"scimType\":\"invalidFilter\",\"detail\":\"unexpected ')' at position 14\"}");
    }

    @Test
    void uniquenessIsAConflict() {
        ComplexValue json = ErrorResponse.of(ScimException.uniqueness("userName is taken")).toJson();

        assertThat(json.getText("status")).hasValue("409");
        assertThat(json.getText("scimType")).hasValue("uniqueness");
        assertThat(json.getText("detail")).hasValue("userName is taken");
    }

    @Test
    void errorWithoutScimTypeOmitsIt() {
        ErrorResponse e = ErrorResponse.of(ScimException.notFound("Resource 2819c223 not found"));

        assertThat(e.optionalScimType()).isEmpty();
        assertThat(ScimJson.writeString(e.toJson())).isEqualTo(
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"404\","
                        + "\"detail\":\"Resource 2819c223 not found\"}");
    }

    @Test
    void everyScimTypeKeepsItsStatus() {
        assertThat(ErrorResponse.of(ScimException.mutability("x")).toJson().getText("status")).hasValue("400");
        assertThat(ErrorResponse.of(ScimException.tooMany("x")).scimType()).isEqualTo("tooMany");
        assertThat(ErrorResponse.of(ScimException.preconditionFailed("x")).toJson().getText("status")).hasValue("412");
        assertThat(ErrorResponse.of(ScimException.notImplemented("x")).toJson().getText("status")).hasValue("501");
        assertThat(ErrorResponse.of(ScimErrorType.INVALID_VERSION, "x").scimType()).isEqualTo("invalidVers");
    }

    // ---- Discovery ---------------------------------------------------------------------------

    @Test
    void userSchemaDocument() {
        ComplexValue doc = Discovery.schema(CoreSchemas.USER, BASE);

        assertThat(texts(doc.getMulti("schemas"))).containsExactly("urn:ietf:params:scim:schemas:core:2.0:Schema");
        assertThat(doc.getText("id")).hasValue("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(doc.getText("name")).hasValue("User");
        assertThat(doc.getText("description")).hasValue("User Account");
        assertThat(doc.getComplex("meta").orElseThrow().getText("location"))
                .hasValue(BASE + "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(doc.getComplex("meta").orElseThrow().getText("resourceType")).hasValue("Schema");

        ComplexValue userName = attribute(doc, "userName");
        assertThat(userName.getText("type")).hasValue("string");
        assertThat(userName.getText("multiValued")).hasValue("false");
        assertThat(userName.getText("required")).hasValue("true");
        assertThat(userName.getText("caseExact")).hasValue("false");
        assertThat(userName.getText("mutability")).hasValue("readWrite");
        assertThat(userName.getText("returned")).hasValue("default");
        assertThat(userName.getText("uniqueness")).hasValue("server");

        ComplexValue password = attribute(doc, "password");
        assertThat(password.getText("mutability")).hasValue("writeOnly");
        assertThat(password.getText("returned")).hasValue("never");

        ComplexValue emails = attribute(doc, "emails");
        assertThat(emails.getText("type")).hasValue("complex");
        assertThat(emails.getText("multiValued")).hasValue("true");
        List<Value> subs = emails.getMulti("subAttributes").values();
        assertThat(subs).extracting(v -> ((ComplexValue) v).getText("name").orElseThrow())
                .containsExactly("value", "display", "type", "primary");
        ComplexValue type = (ComplexValue) subs.get(2);
        assertThat(texts(type.getMulti("canonicalValues"))).containsExactly("work", "home", "other");

        ComplexValue groups = attribute(doc, "groups");
        assertThat(groups.getText("mutability")).hasValue("readOnly");
        ComplexValue ref = (ComplexValue) groups.getMulti("subAttributes").get(1);
        assertThat(ref.getText("name")).hasValue("$ref");
        assertThat(ref.getText("type")).hasValue("reference");
        assertThat(texts(ref.getMulti("referenceTypes"))).containsExactly("User", "Group");
    }

    @Test
    void everyBinaryAttributeIsDeclaredCaseExact() {
        // RFC 7643 §2.3.6: "A binary is case exact and has no uniqueness."
        ComplexValue x509 = attribute(Discovery.schema(CoreSchemas.USER, BASE), "x509Certificates");
        ComplexValue value = (ComplexValue) x509.getMulti("subAttributes").get(0);
        assertThat(value.getText("name")).hasValue("value");
        assertThat(value.getText("type")).hasValue("binary");
        assertThat(value.getText("caseExact")).hasValue("true");

        List<String> binaries = new java.util.ArrayList<>();
        for (org.provisio.scim.schema.Schema schema : org.provisio.scim.schema.SchemaRegistry.defaults().schemas()) {
            for (Value attribute : Discovery.schema(schema, BASE).getMulti("attributes").values()) {
                collectBinaries((ComplexValue) attribute, schema.name() + ":", binaries);
            }
        }
        assertThat(binaries).containsExactly("User:x509Certificates.value=true");
        assertThat(org.provisio.scim.schema.AttributeDefinition.builder("photo",
                org.provisio.scim.schema.AttributeType.BINARY).build().caseExact()).isTrue();
    }

    private static void collectBinaries(ComplexValue attribute, String prefix, List<String> into) {
        String name = prefix + attribute.getText("name").orElseThrow();
        if (attribute.getText("type").orElseThrow().equals("binary")) {
            into.add(name + "=" + attribute.getText("caseExact").orElseThrow());
        }
        for (Value sub : attribute.getMulti("subAttributes").values()) {
            collectBinaries((ComplexValue) sub, name + ".", into);
        }
    }

    @Test
    void enterpriseExtensionSchemaDocument() {
        ComplexValue doc = Discovery.schema(CoreSchemas.ENTERPRISE_USER, BASE);

        assertThat(doc.getText("id")).hasValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(doc.getText("name")).hasValue("EnterpriseUser");
        assertThat(doc.getMulti("attributes").values()).extracting(v -> ((ComplexValue) v).getText("name").orElseThrow())
                .containsExactly("employeeNumber", "costCenter", "organization", "division", "department", "manager");
        ComplexValue manager = attribute(doc, "manager");
        assertThat(manager.getMulti("subAttributes").values())
                .extracting(v -> ((ComplexValue) v).getText("name").orElseThrow())
                .containsExactly("value", "$ref", "displayName");
        ComplexValue displayName = (ComplexValue) manager.getMulti("subAttributes").get(2);
        assertThat(displayName.getText("mutability")).hasValue("readOnly");
    }

    @Test
    void userResourceTypeDocument() {
        ComplexValue doc = Discovery.resourceType(CoreSchemas.USER_RESOURCE_TYPE, BASE);

        assertThat(ScimJson.writeString(doc)).isEqualTo(
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:ResourceType\"],"
                        + "\"id\":\"User\",\"name\":\"User\",\"endpoint\":\"/Users\",\"description\":\"User Account\","
                        + "\"schema\":\"urn:ietf:params:scim:schemas:core:2.0:User\","
                        + "\"schemaExtensions\":[{\"schema\":\"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\","
                        + "\"required\":false}],"
                        + "\"meta\":{\"resourceType\":\"ResourceType\",\"location\":\"" + BASE + "/ResourceTypes/User\"}}");
    }

    @Test
    void groupResourceTypeHasNoExtensions() {
        ComplexValue doc = Discovery.resourceType(CoreSchemas.GROUP_RESOURCE_TYPE, BASE);

        assertThat(doc.getText("endpoint")).hasValue("/Groups");
        assertThat(doc.has("schemaExtensions")).isFalse();
    }

    // ---- ServiceProviderConfig ---------------------------------------------------------------

    @Test
    void serviceProviderConfigDocument() {
        ComplexValue doc = new ServiceProviderConfig(true, 1000, 1_048_576, 200, "https://provisio.example/docs")
                .toJson(BASE);

        assertThat(texts(doc.getMulti("schemas")))
                .containsExactly("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        assertThat(doc.getText("documentationUri")).hasValue("https://provisio.example/docs");
        assertThat(ScimJson.writeString(doc.getComplex("patch").orElseThrow())).isEqualTo("{\"supported\":true}");
        assertThat(ScimJson.writeString(doc.getComplex("bulk").orElseThrow()))
                .isEqualTo("{\"supported\":true,\"maxOperations\":1000,\"maxPayloadSize\":1048576}");
        assertThat(ScimJson.writeString(doc.getComplex("filter").orElseThrow()))
                .isEqualTo("{\"supported\":true,\"maxResults\":200}");
        assertThat(ScimJson.writeString(doc.getComplex("changePassword").orElseThrow())).isEqualTo("{\"supported\":false}");
        assertThat(ScimJson.writeString(doc.getComplex("sort").orElseThrow())).isEqualTo("{\"supported\":true}");
        assertThat(ScimJson.writeString(doc.getComplex("etag").orElseThrow())).isEqualTo("{\"supported\":true}");
        ComplexValue scheme = (ComplexValue) doc.getMulti("authenticationSchemes").get(0);
        assertThat(scheme.getText("type")).hasValue("oauthbearertoken");
        assertThat(scheme.getText("primary")).hasValue("true");
        assertThat(doc.getComplex("meta").orElseThrow().getText("location")).hasValue(BASE + "/ServiceProviderConfig");
    }

    @Test
    void bulkUnsupportedAdvertisesZeroOperations() {
        ComplexValue doc = new ServiceProviderConfig(false, 1000, 1_048_576, 200, null).toJson(BASE);

        assertThat(doc.has("documentationUri")).isFalse();
        assertThat(ScimJson.writeString(doc.getComplex("bulk").orElseThrow()))
                .isEqualTo("{\"supported\":false,\"maxOperations\":0,\"maxPayloadSize\":1048576}");
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static ComplexValue attribute(ComplexValue schemaDoc, String name) {
        for (Value v : schemaDoc.getMulti("attributes").values()) {
            ComplexValue a = (ComplexValue) v;
            if (a.getText("name").orElseThrow().equals(name)) {
                return a;
            }
        }
        throw new AssertionError("no attribute " + name);
    }

    private static List<String> texts(MultiValue m) {
        return m.values().stream().map(Value::asText).toList();
    }
}
