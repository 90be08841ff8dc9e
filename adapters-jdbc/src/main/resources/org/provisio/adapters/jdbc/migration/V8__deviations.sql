-- The client-deviation report: per tenant, kind (a tolerance such as boolean-as-string, or a refusal such
-- as invalidFilter) and outcome (TOLERATED, REFUSED), how many requests deviated, when first and last
-- (nanoseconds since the epoch) and one redacted example request line, never a value. Instances add their
-- counts to a row; they never replace it.
CREATE TABLE deviations (
    tenant_id VARCHAR(64) NOT NULL,
    kind      VARCHAR(64) NOT NULL,
    outcome   VARCHAR(16) NOT NULL,
    requests  BIGINT NOT NULL,
    first_ns  BIGINT NOT NULL,
    last_ns   BIGINT NOT NULL,
    example   VARCHAR(256) NOT NULL,
    CONSTRAINT deviations_pk PRIMARY KEY (tenant_id, kind, outcome)
);
