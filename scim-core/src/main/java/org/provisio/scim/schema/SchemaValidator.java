package org.provisio.scim.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.BinaryValue;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.text.CaseFolding;

/**
 * Checks a client-sent resource against the schemas of its resource type and gives every value
 * its schema type, tolerant of what real identity providers send.
 *
 * <ul>
 *   <li>{@code "active": "False"} becomes a boolean; {@code "2011-08-01T21:32:44Z"} a dateTime;</li>
 *   <li>readOnly attributes ({@code id}, {@code meta}, {@code groups}) are ignored, not refused
 *       (RFC 7643 §2.2: "any values provided SHALL be ignored"); Entra sends {@code meta};</li>
 *   <li>{@code null} and empty lists mean unassigned (RFC 7643 §2.5) and are dropped;</li>
 *   <li>a plain value for a complex attribute with a {@code value} sub-attribute is wrapped:
 *       {@code "manager": "26118915"} becomes {@code {"value": "26118915"}};</li>
 *   <li>extension schema URNs this service does not know, and attributes no schema defines, are dropped;</li>
 *   <li>attribute names take the schema's spelling, so {@code USERNAME} is stored as {@code userName}.</li>
 * </ul>
 * Wrong types, missing required attributes and two {@code primary: true} elements are
 * {@code invalidValue}; a missing core schema URN is {@code invalidSyntax}.
 *
 * <p>Each tolerance that departs from the RFC (string booleans, numbers for strings and strings for numbers,
 * plain values for complex attributes, arrays for single values and single values for arrays, unknown
 * attributes and schemas, extensions missing from {@code schemas}) asks the {@link Conformance} of the call
 * first, which may refuse it; the methods without one are {@link Conformance#LENIENT}.
 */
public final class SchemaValidator {
    private final ResourceSchema schema;

    public SchemaValidator(ResourceSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    public ResourceSchema schema() {
        return schema;
    }

    /**
     * Validates a whole resource as sent in POST or PUT, or as produced by PATCH: types
     * coerced, ignored attributes dropped, {@code schemas} rewritten to the core URN plus the
     * extensions present, required attributes checked.
     */
    public ComplexValue validate(ComplexValue raw) {
        return validate(raw, Conformance.LENIENT);
    }

    /** {@link #validate(ComplexValue)}, each tolerance asked of {@code conformance} before it applies. */
    public ComplexValue validate(ComplexValue raw, Conformance conformance) {
        checkSchemas(raw, conformance);
        ComplexValue coerced = coerce(raw, conformance);
        checkRequired(coerced);
        return coerced;
    }

    /** Gives every value its schema type and drops what is ignored, without checking required attributes. */
    public ComplexValue coerce(ComplexValue raw) {
        return coerce(raw, Conformance.LENIENT);
    }

    /** {@link #coerce(ComplexValue)}, each tolerance asked of {@code conformance} before it applies. */
    public ComplexValue coerce(ComplexValue raw, Conformance conformance) {
        ComplexValue.Builder out = ComplexValue.builder();
        out.put("schemas", MultiValue.EMPTY);
        List<String> presentExtensions = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String name = raw.nameAt(i);
            Value value = raw.valueAt(i);
            if (value.isUnassigned() || name.equalsIgnoreCase("schemas")) {
                continue;
            }
            if (isUrn(name)) {
                Schema ext = schema.extension(name).orElse(null);
                if (ext == null) {
                    conformance.tolerate(Tolerance.UNKNOWN_SCHEMA);
                    continue;
                }
                if (!(value instanceof ComplexValue c)) {
                    throw ScimException.invalidValue("The extension " + ext.id() + " must be a JSON object");
                }
                ComplexValue body = coerceAttributes(c, ext.attributes(), ext.id() + ":", conformance);
                if (!body.isUnassigned()) {
                    if (conformance != Conformance.LENIENT && !lists(raw.getMulti("schemas"), ext.id())) {
                        conformance.tolerate(Tolerance.EXTENSION_NOT_IN_SCHEMAS, ext.id());
                    }
                    out.put(ext.id(), body);
                    presentExtensions.add(ext.id());
                }
                continue;
            }
            AttributeDefinition def = topLevel(name);
            if (def == null) {
                conformance.tolerate(Tolerance.UNKNOWN_ATTRIBUTE);
                continue;
            }
            if (def.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            Value v = coerceValue(def, value, def.name(), conformance);
            if (!v.isUnassigned()) {
                out.put(def.name(), v);
            }
        }
        List<Value> urns = new ArrayList<>();
        urns.add(new ReferenceValue(schema.core().id()));
        presentExtensions.forEach(u -> urns.add(new ReferenceValue(u)));
        out.put("schemas", new MultiValue(urns));
        return out.build();
    }

    private AttributeDefinition topLevel(String name) {
        for (AttributeDefinition common : CoreSchemas.COMMON_ATTRIBUTES) {
            if (common.name().equalsIgnoreCase(name)) {
                return common;
            }
        }
        return schema.core().attribute(name).orElse(null);
    }

    private static boolean isUrn(String name) {
        return name.regionMatches(true, 0, "urn:", 0, 4);
    }

    private void checkSchemas(ComplexValue raw, Conformance conformance) {
        MultiValue schemas = raw.getMulti("schemas");
        if (!lists(schemas, schema.core().id())) {
            throw ScimException.invalidSyntax("The \"schemas\" attribute must contain " + schema.core().id());
        }
        for (Value v : schemas.values()) {
            if (v.asText() == null || !schema.knowsSchema(v.asText())) {
                // Entra ID lists http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group
                conformance.tolerate(Tolerance.UNKNOWN_SCHEMA);
            }
        }
    }

    private static boolean lists(MultiValue schemas, String urn) {
        for (Value v : schemas.values()) {
            if (v.asText() != null && v.asText().equalsIgnoreCase(urn)) {
                return true;
            }
        }
        return false;
    }

    private void checkRequired(ComplexValue resource) {
        for (AttributeDefinition a : schema.core().attributes()) {
            if (a.required() && !resource.has(a.name())) {
                throw ScimException.invalidValue("The attribute \"" + a.name() + "\" is required");
            }
        }
        for (SchemaExtension e : schema.resourceType().schemaExtensions()) {
            if (e.required() && !resource.has(e.schema())) {
                throw ScimException.invalidValue("The extension " + e.schema() + " is required");
            }
        }
        for (Schema ext : schema.extensions()) {
            ComplexValue body = resource.getComplex(ext.id()).orElse(null);
            if (body == null) {
                continue;
            }
            for (AttributeDefinition a : ext.attributes()) {
                if (a.required() && !body.has(a.name())) {
                    throw ScimException.invalidValue("The attribute \"" + ext.id() + ":" + a.name() + "\" is required");
                }
            }
        }
    }

    /** The attributes of an extension or of a complex value; {@code prefix} names them in errors ({@code "name."}). */
    private ComplexValue coerceAttributes(ComplexValue raw, List<AttributeDefinition> defs, String prefix,
                                          Conformance conformance) {
        ComplexValue.Builder out = ComplexValue.builder();
        for (int i = 0; i < raw.size(); i++) {
            Value value = raw.valueAt(i);
            if (value.isUnassigned()) {
                continue;
            }
            AttributeDefinition def = find(defs, raw.nameAt(i));
            if (def == null) {
                conformance.tolerate(Tolerance.UNKNOWN_ATTRIBUTE);
                continue;
            }
            if (def.mutability() == Mutability.READ_ONLY) {
                continue;
            }
            Value v = coerceValue(def, value, prefix + def.name(), conformance);
            if (!v.isUnassigned()) {
                out.put(def.name(), v);
            }
        }
        return out.build();
    }

    private static AttributeDefinition find(List<AttributeDefinition> defs, String name) {
        for (AttributeDefinition d : defs) {
            if (d.name().equalsIgnoreCase(name)) {
                return d;
            }
        }
        return null;
    }

    /**
     * Coerces one attribute's value (single or multi-valued) to its definition.
     *
     * @param label how to name the attribute in an error
     */
    public Value coerceValue(AttributeDefinition def, Value value, String label) {
        return coerceValue(def, value, label, Conformance.LENIENT);
    }

    /**
     * {@link #coerceValue(AttributeDefinition, Value, String)}, each tolerance asked of {@code conformance}
     * before it applies.
     *
     * @param label how to name the attribute in an error, spelt as the schema spells it
     */
    public Value coerceValue(AttributeDefinition def, Value value, String label, Conformance conformance) {
        if (value == NullValue.INSTANCE) {
            return value;
        }
        if (def.multiValued()) {
            List<Value> items = value instanceof MultiValue m ? m.values() : List.of(value);
            List<Value> out = new ArrayList<>(items.size());
            int primaries = 0;
            for (Value item : items) {
                if (item.isUnassigned()) {
                    continue;
                }
                if (item instanceof MultiValue) {
                    throw ScimException.invalidValue("\"" + label + "\" must not contain nested arrays");
                }
                Value v = coerceSingle(def, item, label, conformance);
                if (v.isUnassigned()) {
                    continue;
                }
                if (v instanceof ComplexValue c && c.getOrNull("primary") == BooleanValue.TRUE) {
                    primaries++;
                }
                out.add(v);
            }
            if (primaries > 1) {
                // RFC 7643 §2.4: the primary attribute value "true" MUST appear no more than once.
                throw ScimException.invalidValue("More than one element of \"" + label + "\" is primary");
            }
            if (!(value instanceof MultiValue) && !out.isEmpty()) {
                conformance.tolerate(Tolerance.SINGULAR_FOR_ARRAY, label);
            }
            return new MultiValue(out);
        }
        if (value instanceof MultiValue m) {
            if (m.size() == 1) {
                Value v = coerceSingle(def, m.get(0), label, conformance);
                conformance.tolerate(Tolerance.ARRAY_FOR_SINGULAR, label);
                return v;
            }
            throw ScimException.invalidValue("\"" + label + "\" is single-valued but an array was given");
        }
        return coerceSingle(def, value, label, conformance);
    }

    private Value coerceSingle(AttributeDefinition def, Value value, String label, Conformance conformance) {
        if (def.type() == AttributeType.COMPLEX) {
            if (value instanceof ComplexValue c) {
                return coerceAttributes(c, def.subAttributes(), label + ".", conformance);
            }
            if (def.subAttribute("value").isPresent() && value.asText() != null) {
                // Entra sends "manager": "<id>" for {"value": "<id>"}.
                AttributeDefinition sub = def.subAttribute("value").orElseThrow();
                Value v = coerceSimple(sub, value, label + ".value", conformance);
                conformance.tolerate(Tolerance.VALUE_FOR_COMPLEX, label);
                return ComplexValue.builder().put(sub.name(), v).build();
            }
            throw ScimException.invalidValue("\"" + label + "\" must be a complex value (a JSON object)");
        }
        return coerceSimple(def, value, label, conformance);
    }

    /** Coerces a simple value to the attribute's type, accepting the usual string spellings. */
    public static Value coerceSimple(AttributeDefinition def, Value value, String label) {
        return coerceSimple(def, value, label, Conformance.LENIENT);
    }

    /**
     * {@link #coerceSimple(AttributeDefinition, Value, String)}, each tolerance (a string for a boolean or a
     * number, a number for a string, a fraction for an integer) asked of {@code conformance} once the value is
     * known to convert.
     */
    public static Value coerceSimple(AttributeDefinition def, Value value, String label, Conformance conformance) {
        if (value instanceof ComplexValue || value instanceof MultiValue) {
            throw ScimException.invalidValue("\"" + label + "\" must be a single " + def.type().schemaName());
        }
        if (value == NullValue.INSTANCE) {
            // [null] for a single-valued attribute: null only means "unassigned" as the attribute's own value.
            throw ScimException.invalidValue("\"" + label + "\" must be a " + def.type().schemaName() + ", not null");
        }
        String text = value.asText();
        switch (def.type()) {
            case STRING:
                if (value instanceof BooleanValue) {
                    throw wrongType(def, label);
                }
                if (value instanceof IntegerValue || value instanceof DecimalValue) {
                    conformance.tolerate(Tolerance.NUMBER_FOR_STRING, label);
                }
                return value instanceof StringValue ? value : StringValue.of(text);
            case BOOLEAN:
                if (value instanceof BooleanValue) {
                    return value;
                }
                if (value instanceof StringValue) {
                    if (CaseFolding.equalsIgnoreCase(text.trim(), "true")) {
                        conformance.tolerate(Tolerance.BOOLEAN_AS_STRING, label);
                        return BooleanValue.TRUE;
                    }
                    if (CaseFolding.equalsIgnoreCase(text.trim(), "false")) {
                        conformance.tolerate(Tolerance.BOOLEAN_AS_STRING, label);
                        return BooleanValue.FALSE;
                    }
                }
                throw wrongType(def, label);
            case INTEGER: {
                Value v;
                try {
                    if (value instanceof IntegerValue) {
                        return value;
                    }
                    if (!(value instanceof DecimalValue) && !(value instanceof StringValue)) {
                        throw wrongType(def, label);
                    }
                    v = IntegerValue.of(new BigDecimal(text.trim()).longValueExact());
                } catch (ArithmeticException | NumberFormatException e) {
                    throw wrongType(def, label);
                }
                conformance.tolerate(value instanceof StringValue ? Tolerance.STRING_FOR_NUMBER
                        : Tolerance.DECIMAL_FOR_INTEGER, label);
                return v;
            }
            case DECIMAL:
                try {
                    if (value instanceof DecimalValue || value instanceof IntegerValue) {
                        return value instanceof DecimalValue ? value : DecimalValue.of(new BigDecimal(text.trim()));
                    }
                    if (value instanceof StringValue) {
                        Value v = DecimalValue.of(new BigDecimal(text.trim()));
                        conformance.tolerate(Tolerance.STRING_FOR_NUMBER, label);
                        return v;
                    }
                } catch (NumberFormatException e) {
                    throw wrongType(def, label);
                }
                throw wrongType(def, label);
            case DATE_TIME:
                if (value instanceof DateTimeValue) {
                    return value;
                }
                if (value instanceof StringValue) {
                    return DateTimeValue.parse(text.trim()).orElseThrow(() -> wrongType(def, label));
                }
                throw wrongType(def, label);
            case BINARY:
                if (value instanceof BinaryValue) {
                    return value;
                }
                if (value instanceof StringValue) {
                    try {
                        Base64.getDecoder().decode(text);
                    } catch (IllegalArgumentException e) {
                        throw ScimException.invalidValue("\"" + label + "\" must be base64-encoded binary");
                    }
                    return new BinaryValue(text);
                }
                throw wrongType(def, label);
            case REFERENCE:
                if (value instanceof ReferenceValue) {
                    return value;
                }
                if (value instanceof StringValue) {
                    return new ReferenceValue(text);
                }
                throw wrongType(def, label);
            default:
                throw wrongType(def, label);
        }
    }

    private static ScimException wrongType(AttributeDefinition def, String label) {
        return ScimException.invalidValue("\"" + label + "\" must be of type " + def.type().schemaName());
    }

    /**
     * Refuses a change to an immutable attribute that already had a value (RFC 7643 §7:
     * "immutable: the attribute MAY be defined at resource creation or in a replace request,
     * but SHALL NOT be updated"): a {@code mutability} error.
     */
    public void checkImmutable(ComplexValue before, ComplexValue after) {
        checkImmutable(before, after, schema.core().attributes(), "");
        for (Schema ext : schema.extensions()) {
            ComplexValue b = before.getComplex(ext.id()).orElse(ComplexValue.EMPTY);
            ComplexValue a = after.getComplex(ext.id()).orElse(ComplexValue.EMPTY);
            checkImmutable(b, a, ext.attributes(), ext.id() + ":");
        }
    }

    private static void checkImmutable(ComplexValue before, ComplexValue after, List<AttributeDefinition> defs,
                                       String prefix) {
        for (AttributeDefinition d : defs) {
            Value b = before.getOrNull(d.name());
            if (d.mutability() == Mutability.IMMUTABLE && b != null && !b.equals(after.getOrNull(d.name()))) {
                throw ScimException.mutability("The attribute \"" + prefix + d.name() + "\" is immutable");
            }
            if (d.isComplex() && !d.multiValued() && b instanceof ComplexValue bc) {
                ComplexValue ac = after.getComplex(d.name()).orElse(ComplexValue.EMPTY);
                checkImmutable(bc, ac, d.subAttributes(), prefix + d.name() + ".");
            }
        }
    }

    /** A copy without the attributes that are never returned (RFC 7643 §7 {@code returned: never}, e.g. password). */
    public ComplexValue forResponse(ComplexValue resource) {
        ComplexValue out = stripNever(resource, schema.core().attributes());
        for (Schema ext : schema.extensions()) {
            ComplexValue body = out.getComplex(ext.id()).orElse(null);
            if (body != null) {
                out = out.with(ext.id(), stripNever(body, ext.attributes()));
            }
        }
        return out;
    }

    private static ComplexValue stripNever(ComplexValue c, List<AttributeDefinition> defs) {
        ComplexValue out = c;
        for (AttributeDefinition d : defs) {
            if (d.returned() == Returned.NEVER) {
                out = out.without(d.name());
            }
        }
        return out;
    }

}
