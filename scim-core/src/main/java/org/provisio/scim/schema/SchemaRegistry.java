package org.provisio.scim.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas and resource types a service provider offers; the source of {@code /Schemas}
 * and {@code /ResourceTypes}. Immutable; an embedding product registers its own extension
 * schemas through {@link #builder()}:
 *
 * <pre>{@code
 * SchemaRegistry registry = SchemaRegistry.builder().withDefaults()
 *     .schema(acmeExtension)
 *     .extend("User", new SchemaExtension(acmeExtension.id(), false))
 *     .build();
 * }</pre>
 */
public final class SchemaRegistry {
    private static final SchemaRegistry DEFAULTS = builder().withDefaults().build();

    private final Map<String, Schema> schemas;
    private final Map<String, ResourceType> resourceTypes;
    private final Map<String, ResourceSchema> resourceSchemas;

    private SchemaRegistry(Map<String, Schema> schemas, Map<String, ResourceType> resourceTypes) {
        this.schemas = schemas;
        this.resourceTypes = resourceTypes;
        Map<String, ResourceSchema> rs = new LinkedHashMap<>();
        for (ResourceType rt : resourceTypes.values()) {
            Schema core = schemas.get(key(rt.schema()));
            if (core == null) {
                throw new IllegalStateException("resource type " + rt.name() + " names unknown schema " + rt.schema());
            }
            List<Schema> exts = new ArrayList<>();
            for (SchemaExtension e : rt.schemaExtensions()) {
                Schema s = schemas.get(key(e.schema()));
                if (s == null) {
                    throw new IllegalStateException("resource type " + rt.name() + " names unknown extension " + e.schema());
                }
                exts.add(s);
            }
            rs.put(key(rt.name()), new ResourceSchema(rt, core, exts));
        }
        this.resourceSchemas = rs;
    }

    /** User, Group and the Enterprise User extension of RFC 7643. */
    public static SchemaRegistry defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Every schema, in registration order. */
    public List<Schema> schemas() {
        return List.copyOf(schemas.values());
    }

    /** A schema by URN, case-insensitively. */
    public Optional<Schema> schema(String urn) {
        return Optional.ofNullable(schemas.get(key(urn)));
    }

    /** Every resource type, in registration order. */
    public List<ResourceType> resourceTypes() {
        return List.copyOf(resourceTypes.values());
    }

    /** A resource type by name ({@code User}), case-insensitively. */
    public Optional<ResourceType> resourceType(String name) {
        return Optional.ofNullable(resourceTypes.get(key(name)));
    }

    /** The combined schema of a resource type; throws if the name is unknown. */
    public ResourceSchema resourceSchema(String resourceTypeName) {
        ResourceSchema rs = resourceSchemas.get(key(resourceTypeName));
        if (rs == null) {
            throw new IllegalArgumentException("unknown resource type " + resourceTypeName);
        }
        return rs;
    }

    /** Builds a registry. */
    public static final class Builder {
        private final Map<String, Schema> schemas = new LinkedHashMap<>();
        private final Map<String, ResourceType> resourceTypes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Adds the RFC 7643 schemas and the User and Group resource types. */
        public Builder withDefaults() {
            schema(CoreSchemas.USER);
            schema(CoreSchemas.GROUP);
            schema(CoreSchemas.ENTERPRISE_USER);
            resourceType(CoreSchemas.USER_RESOURCE_TYPE);
            resourceType(CoreSchemas.GROUP_RESOURCE_TYPE);
            return this;
        }

        public Builder schema(Schema schema) {
            schemas.put(key(schema.id()), schema);
            return this;
        }

        public Builder resourceType(ResourceType type) {
            resourceTypes.put(key(type.name()), type);
            return this;
        }

        /** Adds an extension to an already registered resource type. */
        public Builder extend(String resourceTypeName, SchemaExtension extension) {
            ResourceType rt = resourceTypes.get(key(resourceTypeName));
            if (rt == null) {
                throw new IllegalArgumentException("unknown resource type " + resourceTypeName);
            }
            List<SchemaExtension> exts = new ArrayList<>(rt.schemaExtensions());
            exts.add(extension);
            resourceTypes.put(key(rt.name()), new ResourceType(rt.id(), rt.name(), rt.endpoint(), rt.description(),
                    rt.schema(), exts));
            return this;
        }

        public SchemaRegistry build() {
            return new SchemaRegistry(new LinkedHashMap<>(schemas), new LinkedHashMap<>(resourceTypes));
        }
    }
}
