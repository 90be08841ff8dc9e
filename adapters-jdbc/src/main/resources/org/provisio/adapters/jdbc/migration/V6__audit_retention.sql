-- The audit log's own retention (PROVISIO_AUDIT_RETENTION): the purge removes the oldest entries first.
CREATE INDEX audit_log_at ON audit_log (at_ns);
