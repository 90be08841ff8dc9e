package org.provisio.domain.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.UserId;
import org.provisio.scim.conformance.Conformance;
import org.provisio.scim.conformance.Tolerance;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.filter.CompareOperator;
import org.provisio.scim.filter.Filter;
import org.provisio.scim.patch.PatchOperation;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.path.PatchPath;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;
import org.provisio.scim.schema.CoreSchemas;

/**
 * A group PATCH split in two: the operations on {@code members} folded, in order, into one
 * membership delta (a full replacement, then additions and removals), and the other operations,
 * left for the PATCH engine. {@link #of} returns empty when an operation touches {@code members}
 * in a form the delta cannot express exactly (a path-less value with {@code members}, a value
 * filter other than {@code value eq "..."}, a sub-attribute...): the caller then patches the full
 * SCIM view instead.
 */
final class MembershipChange {
    private Set<UserId> replacement;
    private final Set<UserId> added = new LinkedHashSet<>();
    private final Set<UserId> removed = new LinkedHashSet<>();
    private final List<PatchOperation> attributeOperations = new ArrayList<>();

    private MembershipChange() {
    }

    /**
     * The split of {@code operations}, or empty when they need the full view; a remove with a value and a single
     * member for an array are asked of {@code conformance}, as the PATCH engine asks them.
     */
    static Optional<MembershipChange> of(List<PatchOperation> operations, Conformance conformance) {
        MembershipChange change = new MembershipChange();
        for (PatchOperation op : operations) {
            if (!change.fold(op, conformance)) {
                return Optional.empty();
            }
        }
        return Optional.of(change);
    }

    /** The full new membership, when an operation replaced it (the additions and removals apply on top). */
    Optional<Set<UserId>> replacement() {
        return Optional.ofNullable(replacement);
    }

    Set<UserId> added() {
        return added;
    }

    Set<UserId> removed() {
        return removed;
    }

    /** The operations that do not touch {@code members}, in their order. */
    List<PatchOperation> attributeOperations() {
        return attributeOperations;
    }

    private boolean fold(PatchOperation op, Conformance conformance) {
        PatchPath path = op.path();
        if (path == null) {
            boolean touchesMembers = op.value() instanceof ComplexValue map
                    && map.names().stream().anyMatch(MembershipChange::isMembers);
            if (touchesMembers && op.op() != PatchOperation.Op.REMOVE) {
                return false;
            }
            attributeOperations.add(op); // a path-less remove is the engine's noTarget
            return true;
        }
        if (!isMembers(path.attribute())) {
            attributeOperations.add(op);
            return true;
        }
        if (path.attribute().hasSubAttribute() || path.subAttribute() != null) {
            return false;
        }
        if (path.hasValueFilter()) {
            Optional<Set<UserId>> ids = valueEquals(path.valueFilter());
            if (op.op() != PatchOperation.Op.REMOVE || ids.isEmpty()) {
                return false;
            }
            remove(ids.get());
            return true;
        }
        switch (op.op()) {
            case ADD:
                add(idsOf(op.value(), false, conformance));
                return true;
            case REMOVE:
                if (op.value() == null || op.value() == NullValue.INSTANCE) {
                    replace(Set.of());
                } else {
                    // {"op":"Remove","path":"members","value":[{"value":"<id>"}]}: Entra ID removes just those
                    Set<UserId> ids = idsOf(op.value(), true, conformance);
                    conformance.tolerate(Tolerance.REMOVE_WITH_VALUE, "members");
                    remove(ids);
                }
                return true;
            case REPLACE:
                replace(op.value() == null || op.value() == NullValue.INSTANCE ? Set.of()
                        : idsOf(op.value(), false, conformance));
                return true;
            default:
                return false;
        }
    }

    private void add(Set<UserId> ids) {
        if (replacement != null) {
            replacement.addAll(ids);
            return;
        }
        removed.removeAll(ids);
        added.addAll(ids);
    }

    private void remove(Set<UserId> ids) {
        if (replacement != null) {
            replacement.removeAll(ids);
            return;
        }
        added.removeAll(ids);
        removed.addAll(ids);
    }

    private void replace(Set<UserId> ids) {
        replacement = new LinkedHashSet<>(ids);
        added.clear();
        removed.clear();
    }

    /** {@code members} or {@code urn:...:core:2.0:Group:members}. */
    private static boolean isMembers(AttributePath path) {
        return isMembers(path.attribute())
                && (!path.hasSchemaUrn() || path.schemaUrn().equalsIgnoreCase(CoreSchemas.GROUP_URN));
    }

    private static boolean isMembers(String name) {
        return name.equalsIgnoreCase("members") || name.equalsIgnoreCase(CoreSchemas.GROUP_URN + ":members");
    }

    /** The ids of {@code value eq "a"} or {@code value eq "a" or value eq "b"}; empty for any other filter. */
    private static Optional<Set<UserId>> valueEquals(Filter filter) {
        return filter.accept(VALUE_EQUALS);
    }

    private static final Filter.Visitor<Optional<Set<UserId>>> VALUE_EQUALS = new Filter.Visitor<>() {
        @Override
        public Optional<Set<UserId>> visitOr(Filter.Or f) {
            Optional<Set<UserId>> left = f.left().accept(this);
            Optional<Set<UserId>> right = f.right().accept(this);
            if (left.isEmpty() || right.isEmpty()) {
                return Optional.empty();
            }
            Set<UserId> both = new LinkedHashSet<>(left.get());
            both.addAll(right.get());
            return Optional.of(both);
        }

        @Override
        public Optional<Set<UserId>> visitCompare(Filter.Compare c) {
            if (c.operator() == CompareOperator.EQ && c.path().attribute().equalsIgnoreCase("value")
                    && !c.path().hasSubAttribute() && !c.path().hasSchemaUrn() && c.value() instanceof StringValue s) {
                Set<UserId> ids = new LinkedHashSet<>();
                GroupMembers.parseId(s.value(), true).ifPresent(ids::add);
                return Optional.of(ids);
            }
            return Optional.empty();
        }

        @Override
        public Optional<Set<UserId>> visitAnd(Filter.And f) {
            return Optional.empty();
        }

        @Override
        public Optional<Set<UserId>> visitNot(Filter.Not f) {
            return Optional.empty();
        }

        @Override
        public Optional<Set<UserId>> visitPresent(Filter.Present f) {
            return Optional.empty();
        }

        @Override
        public Optional<Set<UserId>> visitValuePath(Filter.ValuePath f) {
            return Optional.empty();
        }
    };

    /** The member ids of a PATCH value: an array of {@code {"value": "<id>"}} objects, or one such object. */
    private static Set<UserId> idsOf(Value value, boolean forRemoval, Conformance conformance) {
        if (value == null) {
            throw ScimException.invalidValue("An operation on \"members\" needs a \"value\"");
        }
        List<Value> items = value instanceof MultiValue m ? m.values() : List.of(value);
        Set<UserId> ids = GroupMembers.ids(items, forRemoval);
        if (!(value instanceof MultiValue) && !ids.isEmpty()) {
            conformance.tolerate(Tolerance.SINGULAR_FOR_ARRAY, "members");
        }
        return ids;
    }
}
