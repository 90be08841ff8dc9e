/** Invitation acceptance, {@code /invitations/{token}/accept}. */
package org.provisio.jaxrs.invitation;
