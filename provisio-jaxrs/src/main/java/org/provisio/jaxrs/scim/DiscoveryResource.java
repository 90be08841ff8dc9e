package org.provisio.jaxrs.scim;

import java.util.function.Supplier;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.provisio.domain.service.Cursors;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.Discovery;
import org.provisio.scim.message.ListResponse;
import org.provisio.scim.message.ServiceProviderConfig;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceType;
import org.provisio.scim.schema.Schema;
import org.provisio.scim.schema.SchemaRegistry;
import org.provisio.jaxrs.http.ScimMediaType;

/**
 * Discovery (RFC 7644 §4): {@code /ServiceProviderConfig}, {@code /ResourceTypes} and
 * {@code /Schemas}, generated from the schema registry restricted to the resource types this
 * server serves, so that it advertises exactly what it does.
 */
@Guarded(Realm.SCIM)
@Path("scim/v2/{tenantId}")
public final class DiscoveryResource {
    private final Supplier<String> publicUrl;
    private final List<ResourceType> resourceTypes;
    private final List<Schema> schemas;
    private final ServiceProviderConfig config;

    public DiscoveryResource(Supplier<String> publicUrl, SchemaRegistry registry, List<String> servedResourceTypes,
                             long maxPayloadSize) {
        this(publicUrl, registry, servedResourceTypes, maxPayloadSize, BulkResource.DEFAULT_MAX_OPERATIONS);
    }

    /** Discovery that advertises {@code /Bulk} with its limits (RFC 7643 §5 {@code bulk}). */
    public DiscoveryResource(Supplier<String> publicUrl, SchemaRegistry registry, List<String> servedResourceTypes,
                             long maxPayloadSize, int maxBulkOperations) {
        this(publicUrl, registry, servedResourceTypes, maxPayloadSize, maxBulkOperations, Cursors.DEFAULT_TIMEOUT);
    }

    /**
     * Discovery that advertises {@code /Bulk} with its limits and both paging methods (RFC 9865 §4
     * {@code pagination}): index paging stays the default, so that clients that know nothing of
     * cursors see no change; a cursor is good for {@code cursorTimeout}.
     */
    public DiscoveryResource(Supplier<String> publicUrl, SchemaRegistry registry, List<String> servedResourceTypes,
                             long maxPayloadSize, int maxBulkOperations, Duration cursorTimeout) {
        this.publicUrl = publicUrl;
        this.resourceTypes = new ArrayList<>();
        this.schemas = new ArrayList<>();
        for (String name : servedResourceTypes) {
            ResourceType type = registry.resourceType(name).orElseThrow();
            resourceTypes.add(type);
            for (String urn : registry.resourceSchema(name).schemaUrns()) {
                Schema s = registry.schema(urn).orElseThrow();
                if (!schemas.contains(s)) {
                    schemas.add(s);
                }
            }
        }
        this.config = new ServiceProviderConfig(true, maxBulkOperations, maxPayloadSize, ScimResponses.MAX_COUNT,
                null, new ServiceProviderConfig.Pagination(true, true, "index", ScimResponses.DEFAULT_COUNT,
                        ScimResponses.MAX_COUNT, cursorTimeout.toSeconds()));
    }

    private String base(String tenantId) {
        return publicUrl.get() + "/scim/v2/" + tenantId;
    }

    @GET
    @Path("ServiceProviderConfig")
    public Response serviceProviderConfig(@PathParam("tenantId") String tenantId) {
        return scim(config.toJson(base(tenantId)));
    }

    @GET
    @Path("ResourceTypes")
    public Response resourceTypes(@PathParam("tenantId") String tenantId) {
        List<ComplexValue> out = new ArrayList<>();
        resourceTypes.forEach(t -> out.add(Discovery.resourceType(t, base(tenantId))));
        return scim(new ListResponse(out.size(), 1, out).toJson());
    }

    @GET
    @Path("ResourceTypes/{name}")
    public Response resourceType(@PathParam("tenantId") String tenantId, @PathParam("name") String name) {
        for (ResourceType t : resourceTypes) {
            if (t.name().equalsIgnoreCase(name) || t.id().equalsIgnoreCase(name)) {
                return scim(Discovery.resourceType(t, base(tenantId)));
            }
        }
        throw ScimException.notFound("No resource type " + name);
    }

    @GET
    @Path("Schemas")
    public Response schemas(@PathParam("tenantId") String tenantId) {
        List<ComplexValue> out = new ArrayList<>();
        schemas.forEach(s -> out.add(Discovery.schema(s, base(tenantId))));
        return scim(new ListResponse(out.size(), 1, out).toJson());
    }

    @GET
    @Path("Schemas/{urn}")
    public Response schema(@PathParam("tenantId") String tenantId, @PathParam("urn") String urn) {
        for (Schema s : schemas) {
            if (s.id().equalsIgnoreCase(urn)) {
                return scim(Discovery.schema(s, base(tenantId)));
            }
        }
        throw ScimException.notFound("No schema " + urn);
    }

    /** {@code /Me} is not offered: 501. ({@code /Bulk} is {@link BulkResource}.) */
    @GET
    @Path("Me")
    public Response me() {
        throw ScimException.notImplemented("/Me is not supported: credentials belong to the identity provider, not a user");
    }

    private static Response scim(ComplexValue body) {
        return Response.ok(body, ScimMediaType.SCIM_JSON_UTF8_TYPE).build();
    }
}
