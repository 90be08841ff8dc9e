/** HTTP plumbing: JSON body provider, authentication, error mapping, payload limit, access log. */
package org.provisio.jaxrs.http;
