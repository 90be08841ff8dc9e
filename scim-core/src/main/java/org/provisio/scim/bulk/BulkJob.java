package org.provisio.scim.bulk;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.EntityTag;
import org.provisio.scim.message.ErrorResponse;

/**
 * Runs the operations of a Bulk request (RFC 7644 §3.7) one at a time, in the order of its
 * {@link BulkPlan}, through an {@link Executor} that does what the single request would have done;
 * each operation succeeds or fails on its own, and the job goes on after a failure ("as many changes
 * as possible", §3.7) until {@code failOnErrors} operations have failed.
 *
 * <p>Before an operation runs, every {@code "bulkId:qwerty"} in its path and data is replaced with
 * the id of the resource the POST with that bulkId created (§3.7.2). An operation whose reference
 * cannot be resolved does not run: a bulkId no POST of the request defines is 400
 * {@code invalidValue}; a circular reference, or one to a POST that failed, is 409
 * {@code invalidValue} (§3.7.1 answers unresolvable cross-references with 409 Conflict).
 */
public final class BulkJob {
    private BulkJob() {
    }

    /** What runs one operation as its single request would: the edge's use cases. */
    public interface Executor {
        /**
         * Runs an operation whose references are resolved. Bad input and refusals are
         * {@link ScimException}s, which fail this operation only.
         */
        Done execute(BulkOperation operation);

        /**
         * The Error of an operation that failed with an exception nobody expected, after the
         * executor has recorded it: a 500 that gives nothing away.
         */
        ErrorResponse unexpected(BulkOperation operation, RuntimeException e);
    }

    /**
     * An operation that succeeded.
     *
     * @param status  the status its single request would have had: 201, 200 or 204
     * @param id      the id of the resource (for a POST, the one created)
     * @param version the resource's version after the operation; empty once it is deleted
     */
    public record Done(int status, String id, OptionalLong version) {
        public Done {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(version, "version");
        }
    }

    /**
     * Runs the request. {@code baseUrl} is the service root the paths are relative to, e.g.
     * {@code https://example.com/scim/v2/acme}; each result's {@code location} is built on it.
     */
    public static BulkResponse run(BulkRequest request, String baseUrl, Executor executor) {
        Set<String> defined = new HashSet<>();
        for (BulkOperation op : request.operations()) {
            if (op.method() == BulkMethod.POST) {
                op.bulkId().ifPresent(defined::add);
            }
        }
        Map<String, String> created = new HashMap<>();
        Map<Integer, BulkResponse.Result> results = new TreeMap<>();
        int errors = 0;
        for (BulkPlan.Step step : BulkPlan.of(request.operations()).steps()) {
            BulkResponse.Result result = runOne(step, defined, created, baseUrl, executor);
            results.put(step.operation().index(), result);
            if (result.failed() && request.stopsAfter(++errors)) {
                break;
            }
        }
        return new BulkResponse(new ArrayList<>(results.values()));
    }

    private static BulkResponse.Result runOne(BulkPlan.Step step, Set<String> defined, Map<String, String> created,
                                              String baseUrl, Executor executor) {
        BulkOperation op = step.operation();
        if (step.circular()) {
            return failed(op, baseUrl, ErrorResponse.of(ScimErrorType.UNRESOLVABLE_REFERENCE, op.describe()
                    + " is part of circular references among the bulkIds " + String.join(", ", step.cycle())
                    + ", which cannot be resolved (RFC 7644 §3.7.1)"));
        }
        for (String ref : op.references()) {
            if (!defined.contains(ref)) {
                return failed(op, baseUrl, ErrorResponse.of(ScimErrorType.INVALID_VALUE, op.describe()
                        + " references \"" + BulkReferences.PREFIX + ref + "\", but no POST of this request has"
                        + " that bulkId"));
            }
        }
        for (String ref : op.references()) {
            if (!created.containsKey(ref)) {
                return failed(op, baseUrl, ErrorResponse.of(ScimErrorType.UNRESOLVABLE_REFERENCE, op.describe()
                        + " references \"" + BulkReferences.PREFIX + ref + "\", which cannot be resolved: the"
                        + " operation that was to create it failed (RFC 7644 §3.7.1)"));
            }
        }
        BulkOperation resolved = op.resolved(created::get);
        Done done;
        try {
            done = executor.execute(resolved);
        } catch (ScimException e) {
            return failed(resolved, baseUrl, ErrorResponse.of(e));
        } catch (RuntimeException e) {
            return failed(resolved, baseUrl, executor.unexpected(resolved, e));
        }
        if (op.method() == BulkMethod.POST) {
            created.put(op.bulkId().orElseThrow(), done.id());
        }
        return new BulkResponse.Result(op.method(), op.bulkId(),
                done.version().isPresent() ? Optional.of(EntityTag.weak(done.version().getAsLong())) : Optional.empty(),
                Optional.of(baseUrl + "/" + op.path().endpoint() + "/" + done.id()), done.status(), Optional.empty());
    }

    /** A failure; a failed POST has no location (§3.7.3), nor has a path whose bulkId is unresolved. */
    private static BulkResponse.Result failed(BulkOperation op, String baseUrl, ErrorResponse error) {
        Optional<String> location = op.method() == BulkMethod.POST || op.path().reference().isPresent()
                ? Optional.empty() : Optional.of(baseUrl + op.path());
        return new BulkResponse.Result(op.method(), op.bulkId(), Optional.empty(), location, error.status(),
                Optional.of(error));
    }
}
