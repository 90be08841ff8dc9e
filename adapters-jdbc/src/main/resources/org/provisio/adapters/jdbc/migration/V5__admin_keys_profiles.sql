-- Organization admin keys live beside SCIM credentials, told apart by kind (SCIM, ORGANIZATION_ADMIN).
ALTER TABLE credentials ADD COLUMN kind VARCHAR(32) DEFAULT 'SCIM' NOT NULL;
-- A tenant's conformance profile: LENIENT (what identity providers need) or STRICT (RFC only).
ALTER TABLE tenants ADD COLUMN profile VARCHAR(16) DEFAULT 'LENIENT' NOT NULL;
-- The audit trail of one user (the console's user page): entries by target, newest first.
CREATE INDEX audit_log_target ON audit_log (tenant_id, target, seq);
