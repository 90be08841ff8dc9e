package org.provisio.domain.port;

import org.provisio.domain.model.InvitationEmail;

/**
 * Sends invitation emails (SMTP in the reference server). Throwing means "try again later".
 */
@FunctionalInterface
public interface InvitationMailer {
    void send(InvitationEmail email);
}
