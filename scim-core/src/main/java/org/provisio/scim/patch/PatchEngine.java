package org.provisio.scim.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.filter.FilterEvaluator;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.path.PatchPath;
import org.provisio.scim.patch.PatchOperation.Op;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.AttributeDefinition;
import org.provisio.scim.schema.Mutability;
import org.provisio.scim.schema.ResolvedAttribute;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.Schema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * Applies PATCH operations (RFC 7644 §3.5.2) to the writable view of a resource and returns the
 * new view. The input is a validated resource (see {@link SchemaValidator#validate}); so is the output.
 *
 * <p>What the RFC decides: {@code remove} without a path is {@code noTarget} (§3.5.2.2); a value
 * filter that matches nothing is {@code noTarget} (§3.5.2.3); removing a required attribute, or
 * naming a readOnly one in {@code path}, is {@code mutability} (§3.5.2); changing an immutable
 * value is {@code mutability} (RFC 7643 §7); a malformed or unknown path is {@code invalidPath}; a
 * missing or ill-typed value is {@code invalidValue}.
 *
 * <p>What real clients need on top (DESIGN.md, "Real-world tolerance"): op names in any case;
 * path-less {@code add}/{@code replace} whose value map has dotted ({@code name.givenName}) and
 * URN-qualified keys, where readOnly and unknown keys are ignored, and whose value may also be that map
 * alone in an array ({@code [{"displayName":"x"}]}, as the captaingoldfish client sends); {@code add}/{@code replace} on
 * {@code emails[type eq "work"].value} when no element matches creates
 * {@code {"type":"work","value":...}}, so later operations on the same filter merge into it;
 * removal of {@code members} given as a value array removes just those members; a
 * {@code primary: true} element clears {@code primary} on its siblings (RFC 7643 §2.4).
 *
 * <p>Each of those that departs from the RFC asks the {@link Conformance} of the call before it applies, which
 * may refuse it: path-less values in an array or with dotted or URN-qualified keys, readOnly and unknown keys
 * ignored, unqualified extension attributes, a replace whose value filter matches nothing, a remove with a
 * value, and the value types the {@link SchemaValidator} tolerates. The methods without one are
 * {@link Conformance#LENIENT}.
 */
public final class PatchEngine {
    private final ResourceSchema schema;
    private final SchemaValidator validator;

    public PatchEngine(ResourceSchema schema) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.validator = new SchemaValidator(schema);
    }

    /** Applies a whole request, atomically: any error leaves the caller's resource as it was. */
    public ComplexValue apply(ComplexValue resource, PatchRequest request) {
        return apply(resource, request.operations(), Conformance.LENIENT);
    }

    /** {@link #apply(ComplexValue, PatchRequest)}, each tolerance asked of {@code conformance} before it applies. */
    public ComplexValue apply(ComplexValue resource, PatchRequest request, Conformance conformance) {
        return apply(resource, request.operations(), conformance);
    }

    /** Applies operations in order and checks the result's required and immutable attributes. */
    public ComplexValue apply(ComplexValue resource, List<PatchOperation> operations) {
        return apply(resource, operations, Conformance.LENIENT);
    }

    /**
     * {@link #apply(ComplexValue, List)}, each tolerance asked of {@code conformance} before it applies.
     */
    public ComplexValue apply(ComplexValue resource, List<PatchOperation> operations, Conformance conformance) {
        ComplexValue r = resource;
        for (PatchOperation op : operations) {
            r = applyOne(r, op, conformance);
        }
        ComplexValue result = validator.coerce(r);
        for (AttributeDefinition a : schema.core().attributes()) {
            if (a.required() && !result.has(a.name())) {
                // RFC 7644 §3.5.2: a required attribute that becomes unassigned is a mutability error.
                throw ScimException.mutability("The required attribute \"" + a.name() + "\" cannot be removed");
            }
        }
        validator.checkImmutable(resource, result);
        return result;
    }

    private ComplexValue applyOne(ComplexValue root, PatchOperation op, Conformance conformance) {
        if (op.path() == null) {
            return applyPathless(root, op, conformance);
        }
        return applyPath(root, op.op(), op.path(), op.value(), false, conformance);
    }

    private ComplexValue applyPathless(ComplexValue root, PatchOperation op, Conformance conformance) {
        if (op.op() == Op.REMOVE) {
            throw ScimException.noTarget("A remove operation needs a \"path\" (RFC 7644 §3.5.2.2)");
        }
        ComplexValue map = pathlessValue(op, conformance);
        ComplexValue r = root;
        for (int i = 0; i < map.size(); i++) {
            String key = map.nameAt(i);
            Value v = map.valueAt(i);
            if (key.equalsIgnoreCase("schemas")) {
                continue;
            }
            Schema ext = schema.extension(key).orElse(null);
            if (ext != null) {
                if (!(v instanceof ComplexValue extMap)) {
                    throw ScimException.invalidValue("The value of " + ext.id() + " must be a JSON object");
                }
                r = applyExtensionMap(r, op.op(), ext, extMap, conformance);
                continue;
            }
            r = applyLenient(r, op.op(), key, v, true, conformance);
        }
        return r;
    }

    /** The keys of an extension's value map, each an attribute of the extension. */
    private ComplexValue applyExtensionMap(ComplexValue root, Op op, Schema ext, ComplexValue map,
                                           Conformance conformance) {
        ComplexValue r = root;
        for (int j = 0; j < map.size(); j++) {
            String name = map.nameAt(j);
            if (name.indexOf('.') >= 0 || name.indexOf('[') >= 0) {
                conformance.tolerate(Tolerance.PATH_KEY_IN_VALUE, ext.id());
            }
            r = applyLenient(r, op, ext.id() + ":" + name, map.valueAt(j), false, conformance);
        }
        return r;
    }

    /**
     * The value map of a path-less {@code add}/{@code replace}: a JSON object, or an array holding exactly one
     * object, as the captaingoldfish SCIM client sends ({@code "value":[{"displayName":"x"}]}); anything else,
     * including an array of several objects, is {@code invalidValue}.
     */
    private static ComplexValue pathlessValue(PatchOperation op, Conformance conformance) {
        Value value = op.value();
        if (value instanceof MultiValue list && list.size() == 1 && list.get(0) instanceof ComplexValue) {
            conformance.tolerate(Tolerance.PATHLESS_VALUE_ARRAY, "value");
            value = list.get(0);
        }
        if (!(value instanceof ComplexValue map)) {
            throw ScimException.invalidValue("An " + op.op().keyword()
                    + " operation without \"path\" needs a JSON object as \"value\"");
        }
        return map;
    }

    /**
     * One key of a path-less value map: unknown and readOnly targets are ignored, not refused; a key that is a
     * path ({@code name.givenName}, {@code urn:...:User:employeeNumber}) rather than an attribute name is taken
     * as that path.
     *
     * @param keyIsName whether the key is the client's own (else this engine qualified it with an extension URN)
     */
    private ComplexValue applyLenient(ComplexValue root, Op op, String key, Value v, boolean keyIsName,
                                      Conformance conformance) {
        PatchPath path;
        try {
            path = PatchPath.parse(key);
        } catch (ScimException e) {
            conformance.tolerate(Tolerance.UNKNOWN_ATTRIBUTE);
            return root;
        }
        if (keyIsName && (path.hasValueFilter() || path.attribute().hasSubAttribute()
                || path.attribute().hasSchemaUrn())) {
            conformance.tolerate(Tolerance.PATH_KEY_IN_VALUE, schema.resolve(path.attribute())
                    .map(r -> r.attribute().name()).orElse(null));
        }
        if (v == NullValue.INSTANCE) {
            // "nickName": null in a replace map unassigns the attribute (RFC 7643 §2.5).
            return op == Op.ADD ? root : applyPath(root, Op.REMOVE, path, null, true, conformance);
        }
        return applyPath(root, op, path, v, true, conformance);
    }

    private ComplexValue applyPath(ComplexValue root, Op op, PatchPath path, Value value, boolean lenient,
                                   Conformance conformance) {
        ResolvedAttribute r = schema.resolve(path.attribute()).orElse(null);
        if (r == null) {
            Schema ext = wholeExtension(path);
            if (ext != null && !path.hasValueFilter()) {
                return applyToExtension(root, op, ext, value, conformance);
            }
            if (lenient) {
                conformance.tolerate(Tolerance.UNKNOWN_ATTRIBUTE);
                return root;
            }
            throw ScimException.invalidPath("The path \"" + path + "\" names no attribute of "
                    + schema.resourceType().name());
        }
        AttributeDefinition def = r.attribute();
        if (def.mutability() == Mutability.READ_ONLY
                || (r.subAttribute() != null && r.subAttribute().mutability() == Mutability.READ_ONLY)) {
            if (lenient) {
                conformance.tolerate(Tolerance.READ_ONLY_IN_PATCH, def.name());
                return root;
            }
            throw ScimException.mutability("The attribute \"" + path.attribute() + "\" is readOnly");
        }
        if (r.extension() && !path.attribute().hasSchemaUrn()) {
            conformance.tolerate(Tolerance.UNQUALIFIED_EXTENSION, r.schema() + ":" + def.name());
        }
        if (op != Op.REMOVE && (value == null || value == NullValue.INSTANCE)) {
            if (op == Op.REPLACE && value == NullValue.INSTANCE && !path.hasValueFilter()) {
                return applyPath(root, Op.REMOVE, path, null, lenient, conformance);
            }
            throw ScimException.invalidValue("The " + op.keyword()
                    + " operation on \"" + path + "\" needs a \"value\"");
        }
        ComplexValue container = r.extension() ? root.getComplex(r.schema()).orElse(ComplexValue.EMPTY) : root;
        ComplexValue changed = path.hasValueFilter()
                ? applyFiltered(container, op, path, def, value, conformance)
                : r.subAttribute() != null
                        ? applySub(container, op, def, r.subAttribute(), value, conformance)
                        : applyAttribute(container, op, def, value, conformance);
        if (!r.extension()) {
            return changed;
        }
        return changed.isUnassigned() ? root.without(r.schema()) : root.with(r.schema(), changed);
    }

    /** A path like {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} naming a whole extension. */
    private Schema wholeExtension(PatchPath path) {
        AttributePath a = path.attribute();
        if (!a.hasSchemaUrn() || a.hasSubAttribute()) {
            return null;
        }
        return schema.extension(a.schemaUrn() + ":" + a.attribute()).orElse(null);
    }

    private ComplexValue applyToExtension(ComplexValue root, Op op, Schema ext, Value value, Conformance conformance) {
        if (op == Op.REMOVE) {
            return root.without(ext.id());
        }
        if (!(value instanceof ComplexValue map)) {
            throw ScimException.invalidValue("The value of " + ext.id() + " must be a JSON object");
        }
        return applyExtensionMap(root, op, ext, map, conformance);
    }

    private ComplexValue applyAttribute(ComplexValue container, Op op, AttributeDefinition def, Value value,
                                        Conformance conformance) {
        String name = def.name();
        if (op == Op.REMOVE) {
            if (value != null && value != NullValue.INSTANCE && def.multiValued()) {
                // {"op":"Remove","path":"members","value":[{"value":"<id>"}]}: remove just those.
                MultiValue toRemove = (MultiValue) validator.coerceValue(def, value, name, conformance);
                conformance.tolerate(Tolerance.REMOVE_WITH_VALUE, name);
                List<Value> kept = new ArrayList<>();
                for (Value existing : container.getMulti(name).values()) {
                    if (!containsMatch(toRemove.values(), existing)) {
                        kept.add(existing);
                    }
                }
                return setOrRemove(container, name, new MultiValue(kept));
            }
            if (def.required()) {
                throw ScimException.mutability("The required attribute \"" + name + "\" cannot be removed");
            }
            return container.without(name);
        }
        Value coerced = validator.coerceValue(def, value, name, conformance);
        if (def.multiValued()) {
            MultiValue incoming = (MultiValue) coerced;
            if (op == Op.REPLACE) {
                return setOrRemove(container, name, incoming);
            }
            List<Value> list = new ArrayList<>(container.getMulti(name).values());
            List<Integer> touched = new ArrayList<>();
            for (Value v : incoming.values()) {
                if (!alreadyContains(list, v)) {
                    list.add(v);
                    touched.add(list.size() - 1);
                }
            }
            return setOrRemove(container, name, new MultiValue(clearOtherPrimaries(list, touched)));
        }
        if (def.isComplex()) {
            // RFC 7644 §3.5.2.1/§3.5.2.3: sub-attributes given replace, the others stay.
            ComplexValue current = container.getComplex(name).orElse(ComplexValue.EMPTY);
            ComplexValue incoming = (ComplexValue) coerced;
            for (int i = 0; i < incoming.size(); i++) {
                current = current.with(incoming.nameAt(i), incoming.valueAt(i));
            }
            return setOrRemove(container, name, current);
        }
        return container.with(name, coerced);
    }

    private ComplexValue applySub(ComplexValue container, Op op, AttributeDefinition def, AttributeDefinition sub,
                                  Value value, Conformance conformance) {
        String name = def.name();
        Value subValue = op == Op.REMOVE ? null
                : validator.coerceValue(sub, value, name + "." + sub.name(), conformance);
        if (def.multiValued()) {
            // emails.value without a filter: every element.
            List<Value> list = new ArrayList<>(container.getMulti(name).values());
            if (list.isEmpty() && op != Op.REMOVE) {
                throw ScimException.noTarget("\"" + name + "\" has no values whose \"" + sub.name() + "\" could be set");
            }
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) instanceof ComplexValue c) {
                    list.set(i, op == Op.REMOVE ? c.without(sub.name()) : c.with(sub.name(), subValue));
                }
            }
            return setOrRemove(container, name, new MultiValue(list));
        }
        ComplexValue current = container.getComplex(name).orElse(ComplexValue.EMPTY);
        if (op == Op.REMOVE && sub.required()) {
            throw ScimException.mutability("The required attribute \"" + name + "." + sub.name() + "\" cannot be removed");
        }
        ComplexValue next = op == Op.REMOVE ? current.without(sub.name()) : current.with(sub.name(), subValue);
        return setOrRemove(container, name, next);
    }

    private ComplexValue applyFiltered(ComplexValue container, Op op, PatchPath path, AttributeDefinition def,
                                       Value value, Conformance conformance) {
        String name = def.name();
        if (!def.multiValued() || !def.isComplex()) {
            throw ScimException.invalidPath("A value filter needs a multi-valued complex attribute; \""
                    + name + "\" is not one");
        }
        AttributeDefinition sub = null;
        if (path.subAttribute() != null) {
            sub = def.subAttribute(path.subAttribute()).orElseThrow(() -> ScimException.invalidPath(
                    "\"" + name + "\" has no sub-attribute \"" + path.subAttribute() + "\""));
            if (sub.mutability() == Mutability.READ_ONLY) {
                throw ScimException.mutability("The attribute \"" + name + "." + sub.name() + "\" is readOnly");
            }
        }
        Predicate<ComplexValue> matches = FilterEvaluator.compileElementFilter(path.valueFilter(), schema,
                path.attribute().parent());
        List<Value> list = new ArrayList<>(container.getMulti(name).values());
        List<Integer> matched = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) instanceof ComplexValue c && matches.test(c)) {
                matched.add(i);
            }
        }
        Value subValue = sub == null || op == Op.REMOVE ? null
                : validator.coerceValue(sub, value, name + "." + sub.name(), conformance);
        ComplexValue whole = sub == null && op != Op.REMOVE ? asElement(def, value, name, conformance) : null;
        if (matched.isEmpty()) {
            ComplexValue seed = op == Op.REMOVE ? null : elementFromFilter(path.valueFilter(), def);
            if (seed == null) {
                // RFC 7644 §3.5.2.3 and Table 9: a filter that yields no match is noTarget.
                throw ScimException.noTarget("No value of \"" + name + "\" matches " + path.valueFilter());
            }
            if (op == Op.REPLACE) {
                conformance.tolerate(Tolerance.FILTERED_REPLACE_CREATES, name);
            }
            ComplexValue created = sub != null ? seed.with(sub.name(), subValue) : merge(seed, whole);
            list.add(created);
            return setOrRemove(container, name,
                    new MultiValue(clearOtherPrimaries(list, List.of(list.size() - 1))));
        }
        if (op == Op.REMOVE) {
            List<Value> kept = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!matched.contains(i)) {
                    kept.add(list.get(i));
                } else if (sub != null) {
                    ComplexValue c = ((ComplexValue) list.get(i)).without(sub.name());
                    if (!c.isUnassigned()) {
                        kept.add(c);
                    }
                }
            }
            return setOrRemove(container, name, new MultiValue(kept));
        }
        for (int i : matched) {
            ComplexValue c = (ComplexValue) list.get(i);
            if (sub != null) {
                list.set(i, c.with(sub.name(), subValue));
            } else {
                // replace: "all matching record values SHALL be replaced" (§3.5.2.3); add merges.
                list.set(i, op == Op.REPLACE ? whole : merge(c, whole));
            }
        }
        return setOrRemove(container, name, new MultiValue(clearOtherPrimaries(list, matched)));
    }

    /** The one element a value for a filtered path without a sub-attribute stands for: a JSON object. */
    private ComplexValue asElement(AttributeDefinition def, Value value, String label, Conformance conformance) {
        Value v = validator.coerceValue(def, value instanceof ComplexValue ? MultiValue.of(value) : value, label,
                conformance);
        MultiValue m = (MultiValue) v;
        if (m.size() != 1 || !(m.get(0) instanceof ComplexValue c)) {
            throw ScimException.invalidValue("The value for a filtered \"" + label + "\" must be one JSON object");
        }
        return c;
    }

    private static ComplexValue merge(ComplexValue base, ComplexValue extra) {
        ComplexValue out = base;
        for (int i = 0; i < extra.size(); i++) {
            out = out.with(extra.nameAt(i), extra.valueAt(i));
        }
        return out;
    }

    /**
     * The element a filter of {@code eq} comparisons joined by {@code and} describes:
     * {@code type eq "work"} gives {@code {"type":"work"}}; any other filter gives {@code null}.
     */
    private static ComplexValue elementFromFilter(Filter filter, AttributeDefinition def) {
        ComplexValue.Builder b = ComplexValue.builder();
        return filter.accept(new SeedCollector(def, b)) ? b.build() : null;
    }

    /**
     * Collects the {@code sub eq literal} comparisons of a value filter into a builder; {@code false} as soon
     * as the filter is anything else ({@code or}, {@code not}, another operator, an unknown sub-attribute).
     */
    private static final class SeedCollector implements Filter.Visitor<Boolean> {
        private final AttributeDefinition def;
        private final ComplexValue.Builder into;

        SeedCollector(AttributeDefinition def, ComplexValue.Builder into) {
            this.def = def;
            this.into = into;
        }

        @Override
        public Boolean visitAnd(Filter.And f) {
            return f.left().accept(this) && f.right().accept(this);
        }

        @Override
        public Boolean visitCompare(Filter.Compare c) {
            if (c.operator() != CompareOperator.EQ || c.path().hasSubAttribute() || c.path().hasSchemaUrn()
                    || c.value() == NullValue.INSTANCE) {
                return false;
            }
            AttributeDefinition sub = def.subAttribute(c.path().attribute()).orElse(null);
            if (sub == null) {
                return false;
            }
            into.put(sub.name(), SchemaValidator.coerceSimple(sub, c.value(), def.name() + "." + sub.name()));
            return true;
        }

        @Override
        public Boolean visitOr(Filter.Or f) {
            return false;
        }

        @Override
        public Boolean visitNot(Filter.Not f) {
            return false;
        }

        @Override
        public Boolean visitPresent(Filter.Present f) {
            return false;
        }

        @Override
        public Boolean visitValuePath(Filter.ValuePath f) {
            return false;
        }
    }

    private static boolean containsMatch(List<Value> toRemove, Value existing) {
        for (Value r : toRemove) {
            if (r.equals(existing)) {
                return true;
            }
            if (r instanceof ComplexValue rc && existing instanceof ComplexValue ec && rc.has("value")
                    && Objects.equals(rc.getOrNull("value"), ec.getOrNull("value"))) {
                return true;
            }
        }
        return false;
    }

    /** Whether an existing element already holds every attribute of {@code v} (RFC 7644 §3.5.2.1: no change). */
    private static boolean alreadyContains(List<Value> list, Value v) {
        for (Value existing : list) {
            if (existing.equals(v)) {
                return true;
            }
            if (v instanceof ComplexValue nc && existing instanceof ComplexValue ec && nc.has("value")) {
                boolean all = true;
                for (int i = 0; i < nc.size() && all; i++) {
                    all = nc.valueAt(i).equals(ec.getOrNull(nc.nameAt(i)));
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** RFC 7643 §2.4: when a touched element became primary, every other element stops being primary. */
    private static List<Value> clearOtherPrimaries(List<Value> list, List<Integer> touched) {
        boolean newPrimary = false;
        for (int i : touched) {
            newPrimary |= list.get(i) instanceof ComplexValue c && c.getOrNull("primary") == BooleanValue.TRUE;
        }
        if (!newPrimary) {
            return list;
        }
        int keep = -1;
        for (int i : touched) {
            if (list.get(i) instanceof ComplexValue c && c.getOrNull("primary") == BooleanValue.TRUE) {
                keep = i;
            }
        }
        List<Value> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            Value v = list.get(i);
            if (i != keep && v instanceof ComplexValue c && c.getOrNull("primary") == BooleanValue.TRUE) {
                v = c.with("primary", BooleanValue.FALSE);
            }
            out.add(v);
        }
        return out;
    }

    private static ComplexValue setOrRemove(ComplexValue container, String name, Value v) {
        return v.isUnassigned() ? container.without(name) : container.with(name, v);
    }
}
