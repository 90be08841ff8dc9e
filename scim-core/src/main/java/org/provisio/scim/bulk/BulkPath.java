package org.provisio.scim.bulk;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.provisio.scim.error.ScimException;

/**
 * The {@code path} of a bulk operation, relative to the service root (RFC 7644 §3.7): a resource type
 * endpoint such as {@code /Users} for a POST, one resource such as
 * {@code /Users/2819c223-7f76-453a-919d-413861904646} or {@code /Users/bulkId:qwerty} (a resource
 * created by the same request) for the other methods.
 *
 * @param endpoint the resource type endpoint without its slash, e.g. {@code Users}
 * @param id       the resource id or {@code bulkId:} reference, empty for the endpoint itself
 */
public record BulkPath(String endpoint, Optional<String> id) {
    public BulkPath {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(id, "id");
        if (endpoint.isEmpty() || endpoint.indexOf('/') >= 0 || id.filter(i -> i.isEmpty() || i.indexOf('/') >= 0)
                .isPresent()) {
            throw new IllegalArgumentException("not a bulk path: /" + endpoint + id.map(i -> "/" + i).orElse(""));
        }
    }

    /**
     * Reads {@code /Endpoint} or {@code /Endpoint/id}, where the endpoint is one of {@code endpoints}
     * (compared exactly, as in a single request's URL); anything else is {@code invalidValue} with a
     * detail that starts with {@code where}.
     */
    static BulkPath parse(String text, Set<String> endpoints, String where) {
        String[] segments = text.startsWith("/") ? text.substring(1).split("/", -1) : new String[0];
        boolean shaped = segments.length == 1 || segments.length == 2 && !segments[1].isEmpty();
        if (!shaped || !endpoints.contains(segments[0])) {
            StringBuilder expected = new StringBuilder();
            for (String e : new TreeSet<>(endpoints).descendingSet()) {
                expected.append(expected.length() == 0 ? "" : ", ").append('/').append(e).append(", /").append(e)
                        .append("/{id}");
            }
            throw ScimException.invalidValue(where + ".path \"" + text + "\" names no resource of this service; "
                    + "expected one of " + expected);
        }
        return new BulkPath(segments[0], segments.length == 2 ? Optional.of(segments[1]) : Optional.empty());
    }

    /** The bulkId the id references ({@code qwerty} for {@code /Users/bulkId:qwerty}), if it is a reference. */
    public Optional<String> reference() {
        return id.flatMap(BulkReferences::of);
    }

    /** The same endpoint with another id. */
    public BulkPath withId(String newId) {
        return new BulkPath(endpoint, Optional.of(newId));
    }

    /** The path as written: {@code /Users/2819c223...}. */
    @Override
    public String toString() {
        return "/" + endpoint + id.map(i -> "/" + i).orElse("");
    }
}
