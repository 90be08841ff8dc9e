/** The operator's admin API, {@code /admin/v1}. */
package org.provisio.jaxrs.admin;
