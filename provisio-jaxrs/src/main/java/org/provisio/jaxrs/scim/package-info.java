/** The SCIM endpoints of a tenant: Users, Groups, search, discovery. */
package org.provisio.jaxrs.scim;
