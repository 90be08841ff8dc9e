package org.provisio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.unboundid.scim2.client.ScimService;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.exceptions.ResourceNotFoundException;
import com.unboundid.scim2.common.exceptions.ScimException;
import com.unboundid.scim2.common.messages.ListResponse;
import com.unboundid.scim2.common.messages.PatchOperation;
import com.unboundid.scim2.common.messages.PatchRequest;
import com.unboundid.scim2.common.messages.SortOrder;
import com.unboundid.scim2.common.types.Email;
import com.unboundid.scim2.common.types.Name;
import com.unboundid.scim2.common.types.ResourceTypeResource;
import com.unboundid.scim2.common.types.SchemaResource;
import com.unboundid.scim2.common.types.ServiceProviderConfigResource;
import com.unboundid.scim2.common.types.UserResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.List;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.client.ClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The running server driven by a real SCIM client from Maven Central, the UnboundID SCIM 2 SDK:
 * discovery, create, retrieve, search, PATCH, PUT and DELETE all round-trip through its model.
 */
class UnboundIdClientInteropTest {
    private static ServerFixture fixture;
    private static Client client;
    private static ScimService scim;

    @BeforeAll
    static void start() {
        fixture = ServerFixture.inMemory();
        ClientConfig config = new ClientConfig()
                .property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true)
                .connectorProvider(new JdkHttpConnector())
                .register(new JacksonJsonProvider(JsonUtils.createObjectMapper()))
                .register((jakarta.ws.rs.client.ClientRequestFilter) request ->
                        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + fixture.secret));
        client = ClientBuilder.newClient(config);
        scim = new ScimService(client.target(fixture.base + fixture.scim()));
    }

    @AfterAll
    static void stop() {
        client.close();
        fixture.close();
    }

    private static UserResource newUser(String userName) {
        return new UserResource()
                .setUserName(userName)
                .setName(new Name().setGivenName("Barbara").setFamilyName("Jensen"))
                .setEmails(new Email().setType("work").setPrimary(true).setValue(userName))
                .setTitle("Engineer")
                .setActive(true);
    }

    @Test
    void discoversWhatTheServerSupports() throws ScimException {
        ServiceProviderConfigResource config = scim.getServiceProviderConfig();
        assertThat(config.getPatch().isSupported()).isTrue();
        assertThat(config.getFilter().isSupported()).isTrue();
        assertThat(config.getFilter().getMaxResults()).isPositive();
        assertThat(config.getSort().isSupported()).isTrue();
        assertThat(config.getEtag().isSupported()).isTrue();
        assertThat(config.getBulk().isSupported()).isTrue();
        assertThat(config.getBulk().getMaxOperations()).isEqualTo(1000);
        assertThat(config.getBulk().getMaxPayloadSize()).isEqualTo(1_048_576);
        assertThat(config.getChangePassword().isSupported()).isFalse();
        assertThat(config.getAuthenticationSchemes()).extracting(s -> s.getType()).contains("oauthbearertoken");

        ListResponse<ResourceTypeResource> types = scim.getResourceTypes();
        assertThat(types.getTotalResults()).isEqualTo(types.getResources().size());
        ResourceTypeResource user = types.getResources().stream().filter(t -> t.getName().equals("User"))
                .findFirst().orElseThrow();
        assertThat(user.getEndpoint()).isEqualTo(URI.create("/Users"));
        assertThat(user.getSchema()).isEqualTo(URI.create("urn:ietf:params:scim:schemas:core:2.0:User"));
        assertThat(user.getSchemaExtensions()).extracting(e -> e.getSchema().toString())
                .contains("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertThat(scim.getResourceType("User").getName()).isEqualTo("User");

        ListResponse<SchemaResource> schemas = scim.getSchemas();
        assertThat(schemas.getResources()).extracting(SchemaResource::getId).contains(
                "urn:ietf:params:scim:schemas:core:2.0:User",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        SchemaResource core = scim.getSchema("urn:ietf:params:scim:schemas:core:2.0:User");
        assertThat(core.getAttributes()).extracting(a -> a.getName()).contains("userName", "name", "emails", "active");
    }

    @Test
    void createsRetrievesSearchesPatchesReplacesAndDeletesAUser() throws ScimException {
        UserResource created = scim.create("Users", newUser("bjensen@example.com"));
        String id = created.getId();
        assertThat(id).isNotBlank();
        assertThat(created.getUserName()).isEqualTo("bjensen@example.com");
        assertThat(created.getActive()).isTrue();
        assertThat(created.getMeta().getResourceType()).isEqualTo("User");
        assertThat(created.getMeta().getLocation())
                .isEqualTo(URI.create(fixture.base + fixture.scim() + "/Users/" + id));
        assertThat(created.getMeta().getVersion()).isNotBlank();
        assertThat(created.getMeta().getCreated()).isNotNull();

        UserResource retrieved = scim.retrieve("Users", id, UserResource.class);
        assertThat(retrieved.getName().getFamilyName()).isEqualTo("Jensen");
        assertThat(retrieved.getEmails()).extracting(Email::getValue).containsExactly("bjensen@example.com");
        assertThat(scim.retrieve(created).getId()).isEqualTo(id);

        scim.create("Users", newUser("other@example.com"));
        ListResponse<UserResource> found = scim.searchRequest("Users")
                .filter("userName eq \"BJENSEN@example.com\"")
                .invoke(UserResource.class);
        assertThat(found.getTotalResults()).isEqualTo(1);
        assertThat(found.getResources()).extracting(UserResource::getId).containsExactly(id);
        ListResponse<UserResource> byEmail = scim.searchRequest("Users")
                .filter("emails[type eq \"work\" and value co \"jensen\"]")
                .invoke(UserResource.class);
        assertThat(byEmail.getResources()).extracting(UserResource::getId).containsExactly(id);
        ListResponse<UserResource> posted = scim.searchRequest("Users").filter("title eq \"Engineer\"")
                .sort("userName", SortOrder.DESCENDING).page(1, 10).invokePost(UserResource.class);
        assertThat(posted.getResources()).extracting(UserResource::getUserName)
                .containsExactly("other@example.com", "bjensen@example.com");
        ListResponse<UserResource> none = scim.search("Users", "userName eq \"nobody@example.com\"", UserResource.class);
        assertThat(none.getTotalResults()).isZero();
        assertThat(none.getResources()).isEmpty();

        UserResource patched = scim.modify("Users", id, new PatchRequest(
                PatchOperation.replace("title", "Principal Engineer"),
                PatchOperation.replace("name.givenName", "Babs")), UserResource.class);
        assertThat(patched.getTitle()).isEqualTo("Principal Engineer");
        assertThat(patched.getName().getGivenName()).isEqualTo("Babs");
        assertThat(patched.getMeta().getVersion()).isNotEqualTo(created.getMeta().getVersion());
        UserResource viaBuilder = scim.modifyRequest("Users", id).replaceValue("displayName", "Babs Jensen")
                .invoke(UserResource.class);
        assertThat(viaBuilder.getDisplayName()).isEqualTo("Babs Jensen");

        UserResource toReplace = scim.retrieve("Users", id, UserResource.class);
        toReplace.setTitle("CTO");
        toReplace.setActive(false);
        UserResource replaced = scim.replace(toReplace);
        assertThat(replaced.getTitle()).isEqualTo("CTO");
        assertThat(replaced.getActive()).isFalse();
        assertThat(scim.retrieve("Users", id, UserResource.class).getActive()).isFalse();

        GenericScimResource generic = scim.retrieve("Users", id, GenericScimResource.class);
        assertThat(generic.getObjectNode().get("userName").asText()).isEqualTo("bjensen@example.com");

        scim.delete("Users", id);
        assertThatThrownBy(() -> scim.retrieve("Users", id, UserResource.class))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> scim.delete("Users", id)).isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void createsAGenericResourceAndSeesTheServersErrorsAsTheirTypes() throws ScimException {
        GenericScimResource generic = new GenericScimResource();
        generic.replaceValue("schemas", JsonUtils.getJsonNodeFactory().arrayNode()
                .add("urn:ietf:params:scim:schemas:core:2.0:User"));
        generic.replaceValue("userName", "generic@example.com");
        generic.replaceValue("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber", "42");
        GenericScimResource created = scim.create("Users", generic);
        assertThat(created.getId()).isNotBlank();
        assertThat(created.getObjectNode().path("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
                .path("employeeNumber").asText()).isEqualTo("42");

        assertThatThrownBy(() -> scim.create("Users", generic))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(409);
                    assertThat(e.getScimError().getScimType()).isEqualTo("uniqueness");
                });
        assertThatThrownBy(() -> scim.search("Users", "userName eq", UserResource.class))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.getScimError().getStatus()).isEqualTo(400);
                    assertThat(e.getScimError().getScimType()).isEqualTo("invalidFilter");
                });
        List<String> stale = List.of(created.getMeta().getVersion());
        scim.modifyRequest("Users", created.getId()).replaceValue("title", "x").invoke(GenericScimResource.class);
        assertThatThrownBy(() -> scim.modifyRequest("Users", created.getId()).ifMatch(stale.get(0))
                .replaceValue("title", "y").invoke(GenericScimResource.class))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.getScimError().getStatus()).isEqualTo(412));
    }
}
