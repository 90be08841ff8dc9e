package org.provisio.scim.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.provisio.scim.path.AttributePath;

/**
 * The schemas of one resource type taken together (core schema, its extensions and the common
 * attributes of RFC 7643 §3.1), able to resolve an {@link AttributePath} to its definitions.
 *
 * <p>Unqualified names belong to the core schema (RFC 7644 §3.10). As a tolerance for
 * clients that leave the URN off an extension attribute, an unqualified name that is not in
 * the core schema resolves to the one extension that defines it.
 */
public final class ResourceSchema {
    private final ResourceType resourceType;
    private final Schema core;
    private final List<Schema> extensions;

    public ResourceSchema(ResourceType resourceType, Schema core, List<Schema> extensions) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.core = Objects.requireNonNull(core, "core");
        this.extensions = List.copyOf(extensions);
    }

    /** The User resource type with the Enterprise User extension. */
    public static ResourceSchema user() {
        return SchemaRegistry.defaults().resourceSchema("User");
    }

    /** The Group resource type. */
    public static ResourceSchema group() {
        return SchemaRegistry.defaults().resourceSchema("Group");
    }

    public ResourceType resourceType() {
        return resourceType;
    }

    public Schema core() {
        return core;
    }

    public List<Schema> extensions() {
        return extensions;
    }

    /** The core schema URN followed by the extension URNs. */
    public List<String> schemaUrns() {
        List<String> urns = new ArrayList<>(extensions.size() + 1);
        urns.add(core.id());
        extensions.forEach(e -> urns.add(e.id()));
        return urns;
    }

    /** The extension schema with this URN (case-insensitive). */
    public Optional<Schema> extension(String urn) {
        for (Schema s : extensions) {
            if (s.id().equalsIgnoreCase(urn)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** Whether the URN is the core schema or one of the extensions. */
    public boolean knowsSchema(String urn) {
        return core.id().equalsIgnoreCase(urn) || extension(urn).isPresent();
    }

    /** Resolves a path, or empty when no schema of this resource type defines it. */
    public Optional<ResolvedAttribute> resolve(AttributePath path) {
        String urn = path.schemaUrn();
        if (urn == null || core.id().equalsIgnoreCase(urn)) {
            for (AttributeDefinition common : CoreSchemas.COMMON_ATTRIBUTES) {
                if (urn == null && common.name().equalsIgnoreCase(path.attribute())) {
                    return withSub(null, false, common, path);
                }
            }
            Optional<AttributeDefinition> a = core.attribute(path.attribute());
            if (a.isPresent()) {
                return withSub(core.id(), false, a.get(), path);
            }
            if (urn != null) {
                return Optional.empty();
            }
            ResolvedAttribute found = null;
            for (Schema ext : extensions) {
                Optional<AttributeDefinition> e = ext.attribute(path.attribute());
                if (e.isPresent()) {
                    if (found != null) {
                        return Optional.empty();
                    }
                    found = withSub(ext.id(), true, e.get(), path).orElse(null);
                    if (found == null) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.ofNullable(found);
        }
        Optional<Schema> ext = extension(urn);
        if (ext.isEmpty()) {
            return Optional.empty();
        }
        Optional<AttributeDefinition> a = ext.get().attribute(path.attribute());
        return a.flatMap(def -> withSub(ext.get().id(), true, def, path));
    }

    /** Resolves a sub-attribute of a complex attribute definition, case-insensitively. */
    private static Optional<ResolvedAttribute> withSub(String schema, boolean extension, AttributeDefinition def,
                                                       AttributePath path) {
        if (!path.hasSubAttribute()) {
            return Optional.of(new ResolvedAttribute(schema, extension, def, null));
        }
        return def.subAttribute(path.subAttribute())
                .map(sub -> new ResolvedAttribute(schema, extension, def, sub));
    }
}
