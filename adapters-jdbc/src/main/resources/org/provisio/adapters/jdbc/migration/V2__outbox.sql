-- Outbox delivery state (issue 6).
-- attempts:  failed deliveries so far; the dispatcher's backoff grows with it.
-- parked_ns: when the message was parked after too many failed attempts (NULL while it is still
--            to be delivered). A parked row keeps available_ns at the largest BIGINT, so that no
--            claim takes it again, and stays in the table for the operator to see.
-- outbox_user serves the per-user order: a message is claimable only if no older unparked
-- message of the same tenant and user is left (see JdbcOutbox).
ALTER TABLE outbox ADD COLUMN attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE outbox ADD COLUMN parked_ns BIGINT;
CREATE INDEX outbox_user ON outbox (tenant_id, user_id, seq);
