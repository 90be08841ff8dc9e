-- Groups: displayName is unique per tenant ignoring case. display_name_key is
-- GroupHeader.displayNameKey(): each character folded as String.equalsIgnoreCase compares, so
-- that the unique index and "displayName eq" agree. externalId gets the index Entra ID's and
-- Okta's lookups use; group_members already has its primary key (tenant, group, user) for
-- membership deltas and the (tenant, user) index for a user's groups.
ALTER TABLE scim_groups ADD COLUMN display_name_key VARCHAR(1024);
UPDATE scim_groups SET display_name_key = LOWER(display_name);
ALTER TABLE scim_groups ALTER COLUMN display_name_key SET NOT NULL;
CREATE UNIQUE INDEX scim_groups_display_name ON scim_groups (tenant_id, display_name_key);
CREATE INDEX scim_groups_external_id ON scim_groups (tenant_id, external_id);
