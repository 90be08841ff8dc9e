package org.provisio.domain.usecase;

import java.util.Optional;
import java.util.function.Supplier;
import org.provisio.domain.model.TenantId;

/**
 * Holds one SCIM request to its tenant's {@link org.provisio.domain.model.ConformanceProfile} and notes its
 * deviations for the tenant's report ({@link ReadDeviations}). The edge begins a check when a request of the
 * tenant arrives and passes it to the parsers and use cases as their {@code Conformance}:
 *
 * <pre>{@code
 * RequestConformance check = checkConformance.begin(tenant, () -> "PATCH /scim/v2/{tenantId}/Users/{id}").orElseThrow();
 * PatchRequest patch = PatchRequest.from(body, check);     // strict: "op": "Replace" is 400 invalidSyntax
 * patchUser.patch(new PatchUser.Command(tenant, id, actor, patch, ifMatch, check));
 * }</pre>
 *
 * Noting costs a counter: the counts are written by {@link RecordDeviations}.
 */
public interface CheckConformance {
    /**
     * A check of one request of {@code tenant}, lenient or strict as its profile says; empty for a tenant that
     * does not exist.
     *
     * @param requestLine the request as a report may show it, asked for only when the request is the first
     *                    example of a deviation: method and path with every id replaced by a placeholder, never
     *                    a query value, a filter literal or any other text the client chose
     */
    Optional<RequestConformance> begin(TenantId tenant, Supplier<String> requestLine);
}
