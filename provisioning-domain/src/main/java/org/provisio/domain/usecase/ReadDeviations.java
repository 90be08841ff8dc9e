package org.provisio.domain.usecase;

import java.util.List;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.TenantId;

/**
 * A tenant's client-deviation report ({@code GET /admin/v1/tenants/{id}/deviations}): every tolerance Provisio
 * applied to its SCIM requests and every refusal, by kind, whatever its profile. What this instance noted is
 * written first, so the report is current here; other instances' counts follow within their write interval.
 */
public interface ReadDeviations {
    /** The report, most recently seen first. */
    List<Deviation> report(TenantId tenant);
}
