/**
 * The outgoing ports of the provisioning domain over JDBC: H2 (embedded default) and
 * PostgreSQL (production), with schema migrations and pooling.
 */
package org.provisio.adapters.jdbc;
