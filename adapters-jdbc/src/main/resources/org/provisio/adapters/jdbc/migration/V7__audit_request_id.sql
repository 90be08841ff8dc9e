-- The request that made an audit entry (its X-Request-Id): NULL for what Provisio did on its own and
-- for the entries written before this column existed. 128 characters of [A-Za-z0-9._:-] at most.
ALTER TABLE audit_log ADD COLUMN request_id VARCHAR(128);
