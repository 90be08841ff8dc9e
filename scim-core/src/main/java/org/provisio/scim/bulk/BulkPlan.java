package org.provisio.scim.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The order in which a Bulk request's operations run, so that every {@code "bulkId:..."} reference
 * names a resource already created (RFC 7644 §3.7: the service provider may reorder operations if
 * "the same stateful result is achieved"). Operations run in the order the client sent them, except
 * that one referencing a bulkId waits until the POST that defines it has run: a group sent before
 * the users it lists runs after them, and nothing else moves. (It is the smallest topological order
 * by request position: an operation is never run ahead of an earlier one it does not depend on.)
 *
 * <p>Operations whose references are circular — a user whose manager is a user whose manager is the
 * first, or a POST that references its own bulkId — can never be ordered. RFC 7644 §3.7.1 lets the
 * service provider refuse them with 409 instead; they are marked with the cycle's bulkIds and placed
 * where the order gets stuck, so that what depends on them runs (and fails) after them. References to
 * bulkIds no POST of the request defines add no order; the operation fails when it runs.
 *
 * @param steps every operation exactly once, in the order to run them
 */
public record BulkPlan(List<Step> steps) {
    public BulkPlan {
        steps = List.copyOf(steps);
    }

    /**
     * One operation to run.
     *
     * @param operation the operation
     * @param cycle     the bulkIds of the circular references it is part of, in request order; empty if none
     */
    public record Step(BulkOperation operation, List<String> cycle) {
        public Step {
            Objects.requireNonNull(operation, "operation");
            cycle = List.copyOf(cycle);
        }

        /** Whether the operation's references are circular, so that it cannot run (RFC 7644 §3.7.1). */
        public boolean circular() {
            return !cycle.isEmpty();
        }
    }

    /** The plan of a request's operations. */
    public static BulkPlan of(List<BulkOperation> operations) {
        return new Planner(operations).plan();
    }

    /** Kahn's algorithm taking the earliest ready operation, with Tarjan's for the cycles that stop it. */
    private static final class Planner {
        private final List<BulkOperation> operations;
        private final int[][] dependencies;
        private final List<List<Integer>> dependents;
        private final int[] waitingFor;
        private final boolean[] placed;
        private final PriorityQueue<Integer> ready = new PriorityQueue<>();
        private final List<Step> steps;

        Planner(List<BulkOperation> operations) {
            this.operations = List.copyOf(operations);
            int n = this.operations.size();
            Map<String, Integer> definers = new HashMap<>();
            for (int i = 0; i < n; i++) {
                BulkOperation op = this.operations.get(i);
                if (op.method() == BulkMethod.POST && op.bulkId().isPresent()) {
                    definers.putIfAbsent(op.bulkId().get(), i);
                }
            }
            this.dependencies = new int[n][];
            this.dependents = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                dependents.add(new ArrayList<>(0));
            }
            this.waitingFor = new int[n];
            for (int i = 0; i < n; i++) {
                Set<Integer> on = new LinkedHashSet<>();
                for (String ref : this.operations.get(i).references()) {
                    Integer definer = definers.get(ref);
                    if (definer != null) {
                        on.add(definer);
                    }
                }
                dependencies[i] = on.stream().mapToInt(Integer::intValue).toArray();
                waitingFor[i] = dependencies[i].length;
                for (int d : dependencies[i]) {
                    dependents.get(d).add(i);
                }
            }
            this.placed = new boolean[n];
            this.steps = new ArrayList<>(n);
        }

        BulkPlan plan() {
            for (int i = 0; i < waitingFor.length; i++) {
                if (waitingFor[i] == 0) {
                    ready.add(i);
                }
            }
            while (steps.size() < operations.size()) {
                Integer next = ready.poll();
                if (next == null) {
                    List<List<Integer>> cycles = cycles();
                    if (cycles.isEmpty()) {
                        throw new IllegalStateException("stuck without a cycle: " + Arrays.toString(waitingFor));
                    }
                    for (List<Integer> cycle : cycles) {
                        List<String> bulkIds = new ArrayList<>(cycle.size());
                        cycle.forEach(i -> operations.get(i).bulkId().ifPresent(bulkIds::add));
                        cycle.forEach(i -> place(i, bulkIds));
                    }
                } else if (!placed[next]) {
                    place(next, List.of());
                }
            }
            return new BulkPlan(steps);
        }

        private void place(int i, List<String> cycle) {
            placed[i] = true;
            steps.add(new Step(operations.get(i), cycle));
            for (int d : dependents.get(i)) {
                if (!placed[d] && --waitingFor[d] == 0) {
                    ready.add(d);
                }
            }
        }

        /**
         * The strongly connected components of the operations not yet placed that are cycles (more
         * than one operation, or one that references itself), each in request order. Iterative, so
         * that a chain of 1,000 references does not exhaust the stack.
         */
        private List<List<Integer>> cycles() {
            int n = operations.size();
            int[] index = new int[n];
            int[] low = new int[n];
            Arrays.fill(index, -1);
            boolean[] onStack = new boolean[n];
            Deque<Integer> stack = new ArrayDeque<>();
            List<List<Integer>> out = new ArrayList<>();
            int counter = 0;
            for (int start = 0; start < n; start++) {
                if (placed[start] || index[start] >= 0) {
                    continue;
                }
                Deque<int[]> frames = new ArrayDeque<>();
                index[start] = low[start] = counter++;
                stack.push(start);
                onStack[start] = true;
                frames.push(new int[] {start, 0});
                while (!frames.isEmpty()) {
                    int[] frame = frames.peek();
                    int v = frame[0];
                    if (frame[1] < dependencies[v].length) {
                        int w = dependencies[v][frame[1]++];
                        if (placed[w]) {
                            continue;
                        }
                        if (index[w] < 0) {
                            index[w] = low[w] = counter++;
                            stack.push(w);
                            onStack[w] = true;
                            frames.push(new int[] {w, 0});
                        } else if (onStack[w]) {
                            low[v] = Math.min(low[v], index[w]);
                        }
                        continue;
                    }
                    frames.pop();
                    if (!frames.isEmpty()) {
                        int u = frames.peek()[0];
                        low[u] = Math.min(low[u], low[v]);
                    }
                    if (low[v] == index[v]) {
                        List<Integer> component = new ArrayList<>();
                        int w;
                        do {
                            w = stack.pop();
                            onStack[w] = false;
                            component.add(w);
                        } while (w != v);
                        if (component.size() > 1 || referencesItself(v)) {
                            Collections.sort(component);
                            out.add(component);
                        }
                    }
                }
            }
            return out;
        }

        private boolean referencesItself(int v) {
            for (int d : dependencies[v]) {
                if (d == v) {
                    return true;
                }
            }
            return false;
        }
    }
}
