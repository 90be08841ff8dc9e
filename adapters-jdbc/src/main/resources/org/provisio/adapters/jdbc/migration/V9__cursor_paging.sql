-- Keyset pages (RFC 9865 cursors) sorted by meta.created or meta.lastModified read on from their
-- key through an index in the order they sort in: the date, then the id that breaks ties. The
-- indexes replace those on the date alone, which serve the same range filters.
DROP INDEX users_created;
CREATE INDEX users_created ON users (tenant_id, created_ns, id);
DROP INDEX users_last_modified;
CREATE INDEX users_last_modified ON users (tenant_id, last_modified_ns, id);
