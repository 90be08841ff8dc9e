package org.provisio.scim.query;

import java.util.ArrayList;
import java.util.List;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.Returned;
import org.provisio.scim.schema.Schema;

/**
 * The {@code attributes} and {@code excludedAttributes} parameters (RFC 7644 §3.4.2.5, §3.9)
 * applied to a resource.
 *
 * <p>{@code returned: always} attributes ({@code id}, {@code schemas}) survive both lists;
 * {@code returned: never} ones ({@code password}) never appear; {@code returned: request} ones
 * appear only when named in {@code attributes}. A path may name a sub-attribute
 * ({@code name.givenName}, {@code emails.value}), an extension attribute
 * ({@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber}) or a whole
 * extension by its URN. When both lists are given, {@code attributes} wins.
 */
public final class Projection {
    /** No parameters: every attribute returned by default. */
    public static final Projection DEFAULT = new Projection(List.of(), List.of());

    private final List<AttributePath> attributes;
    private final List<AttributePath> excluded;

    private Projection(List<AttributePath> attributes, List<AttributePath> excluded) {
        this.attributes = List.copyOf(attributes);
        this.excluded = attributes.isEmpty() ? List.copyOf(excluded) : List.of();
    }

    public static Projection of(List<AttributePath> attributes, List<AttributePath> excludedAttributes) {
        return new Projection(attributes, excludedAttributes);
    }

    /** Parses the comma-separated query parameters; {@code null} or blank means absent. */
    public static Projection parse(String attributes, String excludedAttributes) {
        return new Projection(parseList(attributes), parseList(excludedAttributes));
    }

    /** Parses one comma-separated list of attribute paths ({@code invalidPath} on a malformed one). */
    public static List<AttributePath> parseList(String text) {
        List<AttributePath> out = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split(",")) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(AttributePath.parse(p));
            }
        }
        return out;
    }

    public List<AttributePath> attributes() {
        return attributes;
    }

    public List<AttributePath> excludedAttributes() {
        return excluded;
    }

    public boolean isDefault() {
        return attributes.isEmpty() && excluded.isEmpty();
    }

    /** Whether the projection excludes a top-level attribute of the core schema entirely (e.g. {@code members}). */
    public boolean excludes(String attributeName) {
        if (!attributes.isEmpty()) {
            for (AttributePath p : attributes) {
                if (p.attribute().equalsIgnoreCase(attributeName) && inCoreSchema(p)) {
                    return false;
                }
            }
            return true;
        }
        for (AttributePath p : excluded) {
            if (p.attribute().equalsIgnoreCase(attributeName) && !p.hasSubAttribute() && inCoreSchema(p)) {
                return true;
            }
        }
        return false;
    }

    /** Unqualified, or qualified with a core schema URN ({@code urn:ietf:params:scim:schemas:core:2.0:Group:members}). */
    private static boolean inCoreSchema(AttributePath p) {
        return !p.hasSchemaUrn() || p.schemaUrn().regionMatches(true, 0, "urn:ietf:params:scim:schemas:core:", 0, 33);
    }

    /** The resource as the client asked to see it. */
    public ComplexValue apply(ComplexValue resource, ResourceSchema schema) {
        ComplexValue.Builder out = ComplexValue.builder();
        for (int i = 0; i < resource.size(); i++) {
            String name = resource.nameAt(i);
            Value value = resource.valueAt(i);
            Schema ext = schema.extension(name).orElse(null);
            if (ext != null && value instanceof ComplexValue body) {
                ComplexValue projected = projectContainer(body, ext.id(), ext.attributes(), false);
                if (!projected.isUnassigned()) {
                    out.put(name, projected);
                }
                continue;
            }
            ComplexValue single = ComplexValue.of(name, value);
            ComplexValue projected = projectContainer(single, null, coreDefinitions(schema, name), true);
            if (!projected.isUnassigned()) {
                out.put(name, projected.valueAt(0));
            }
        }
        return out.build();
    }

    private static List<AttributeDefinition> coreDefinitions(ResourceSchema schema, String name) {
        return schema.resolve(AttributePath.of(name))
                .filter(r -> !r.extension())
                .map(r -> List.of(r.attribute()))
                .orElse(List.of());
    }

    private ComplexValue projectContainer(ComplexValue container, String urn, List<AttributeDefinition> defs,
                                          boolean core) {
        ComplexValue.Builder out = ComplexValue.builder();
        for (int i = 0; i < container.size(); i++) {
            String name = container.nameAt(i);
            Value value = container.valueAt(i);
            AttributeDefinition def = find(defs, name);
            Returned returned = def == null ? Returned.DEFAULT : def.returned();
            if (core && (name.equalsIgnoreCase("schemas") || name.equalsIgnoreCase("id"))) {
                returned = Returned.ALWAYS;
            }
            if (returned == Returned.NEVER) {
                continue;
            }
            if (returned == Returned.ALWAYS) {
                out.put(name, value);
                continue;
            }
            Value kept = decide(urn, name, value, def, returned);
            if (kept != null && !kept.isUnassigned()) {
                out.put(name, kept);
            }
        }
        return out.build();
    }

    private Value decide(String urn, String name, Value value, AttributeDefinition def, Returned returned) {
        if (!attributes.isEmpty()) {
            List<String> subs = new ArrayList<>();
            boolean whole = false;
            for (AttributePath p : attributes) {
                if (namesExtension(p, urn)) {
                    whole = true;
                } else if (sameAttribute(p, urn, name)) {
                    if (p.hasSubAttribute()) {
                        subs.add(p.subAttribute());
                    } else {
                        whole = true;
                    }
                }
            }
            if (whole) {
                return value;
            }
            return subs.isEmpty() ? null : keepSubs(value, subs, def, true);
        }
        if (returned == Returned.REQUEST) {
            return null;
        }
        List<String> dropSubs = new ArrayList<>();
        for (AttributePath p : excluded) {
            if (namesExtension(p, urn)) {
                return null;
            }
            if (sameAttribute(p, urn, name)) {
                if (!p.hasSubAttribute()) {
                    return null;
                }
                dropSubs.add(p.subAttribute());
            }
        }
        return dropSubs.isEmpty() ? value : keepSubs(value, dropSubs, def, false);
    }

    private static boolean namesExtension(AttributePath p, String urn) {
        return urn != null && p.hasSchemaUrn() && !p.hasSubAttribute()
                && (p.schemaUrn() + ":" + p.attribute()).equalsIgnoreCase(urn);
    }

    private static boolean sameAttribute(AttributePath p, String urn, String name) {
        if (!p.attribute().equalsIgnoreCase(name)) {
            return false;
        }
        if (urn == null) {
            return inCoreSchema(p);
        }
        return !p.hasSchemaUrn() || p.schemaUrn().equalsIgnoreCase(urn);
    }

    /** Keeps ({@code keep}) or drops the named sub-attributes of a complex or multi-valued complex value. */
    private static Value keepSubs(Value value, List<String> subs, AttributeDefinition def, boolean keep) {
        if (value instanceof MultiValue m) {
            List<Value> out = new ArrayList<>(m.size());
            for (Value v : m.values()) {
                Value k = keepSubs(v, subs, def, keep);
                if (k != null && !k.isUnassigned()) {
                    out.add(k);
                }
            }
            return new MultiValue(out);
        }
        if (!(value instanceof ComplexValue c)) {
            return keep ? null : value;
        }
        ComplexValue.Builder b = ComplexValue.builder();
        for (int i = 0; i < c.size(); i++) {
            boolean named = false;
            for (String s : subs) {
                named |= s.equalsIgnoreCase(c.nameAt(i));
            }
            AttributeDefinition sub = def == null ? null : def.subAttribute(c.nameAt(i)).orElse(null);
            if (sub != null && sub.returned() == Returned.NEVER) {
                continue;
            }
            if (named == keep || (sub != null && sub.returned() == Returned.ALWAYS)) {
                b.put(c.nameAt(i), c.valueAt(i));
            }
        }
        return b.build();
    }

    private static AttributeDefinition find(List<AttributeDefinition> defs, String name) {
        for (AttributeDefinition d : defs) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }
}
