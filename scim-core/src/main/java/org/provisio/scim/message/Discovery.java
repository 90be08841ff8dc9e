package org.provisio.scim.message;

import java.util.ArrayList;
import java.util.List;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.ResourceType;
import org.provisio.scim.schema.Schema;
import org.provisio.scim.schema.SchemaExtension;

/**
 * The discovery documents of RFC 7643 §6 and §7 ({@code /ResourceTypes}, {@code /Schemas}),
 * generated from the schema definitions so that they advertise exactly what the code does.
 */
public final class Discovery {
    public static final String SCHEMA_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public static final String RESOURCE_TYPE_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private Discovery() {
    }

    /** A schema as served at {@code /Schemas/{id}}; {@code baseUrl} feeds {@code meta.location}. */
    public static ComplexValue schema(Schema schema, String baseUrl) {
        List<Value> attrs = new ArrayList<>();
        for (AttributeDefinition a : schema.attributes()) {
            attrs.add(attribute(a));
        }
        return ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(SCHEMA_SCHEMA)))
                .put("id", schema.id())
                .put("name", schema.name())
                .put("description", schema.description())
                .put("attributes", new MultiValue(attrs))
                .put("meta", ComplexValue.builder()
                        .put("resourceType", "Schema")
                        .put("location", new ReferenceValue(baseUrl + "/Schemas/" + schema.id()))
                        .build())
                .build();
    }

    private static ComplexValue attribute(AttributeDefinition a) {
        ComplexValue.Builder b = ComplexValue.builder()
                .put("name", a.name())
                .put("type", a.type().schemaName())
                .put("multiValued", a.multiValued())
                .put("description", a.description())
                .put("required", a.required())
                .put("caseExact", a.caseExact())
                .put("mutability", a.mutability().schemaName())
                .put("returned", a.returned().schemaName())
                .put("uniqueness", a.uniqueness().schemaName());
        if (!a.canonicalValues().isEmpty()) {
            b.put("canonicalValues", strings(a.canonicalValues()));
        }
        if (!a.referenceTypes().isEmpty()) {
            b.put("referenceTypes", strings(a.referenceTypes()));
        }
        if (!a.subAttributes().isEmpty()) {
            List<Value> subs = new ArrayList<>();
            for (AttributeDefinition s : a.subAttributes()) {
                subs.add(attribute(s));
            }
            b.put("subAttributes", new MultiValue(subs));
        }
        return b.build();
    }

    /** A resource type as served at {@code /ResourceTypes/{name}}. */
    public static ComplexValue resourceType(ResourceType type, String baseUrl) {
        List<Value> exts = new ArrayList<>();
        for (SchemaExtension e : type.schemaExtensions()) {
            exts.add(ComplexValue.builder()
                    .put("schema", new ReferenceValue(e.schema()))
                    .put("required", BooleanValue.of(e.required()))
                    .build());
        }
        ComplexValue.Builder b = ComplexValue.builder()
                .put("schemas", MultiValue.of(new ReferenceValue(RESOURCE_TYPE_SCHEMA)))
                .put("id", type.id())
                .put("name", type.name())
                .put("endpoint", type.endpoint())
                .put("description", type.description())
                .put("schema", new ReferenceValue(type.schema()));
        if (!exts.isEmpty()) {
            b.put("schemaExtensions", new MultiValue(exts));
        }
        return b.put("meta", ComplexValue.builder()
                        .put("resourceType", "ResourceType")
                        .put("location", new ReferenceValue(baseUrl + "/ResourceTypes/" + type.name()))
                        .build())
                .build();
    }

    private static MultiValue strings(List<String> values) {
        List<Value> out = new ArrayList<>(values.size());
        values.forEach(v -> out.add(StringValue.of(v)));
        return new MultiValue(out);
    }
}
