/** The SCIM endpoints of a tenant: Users, search, discovery. */
package org.provisio.server.scim;
