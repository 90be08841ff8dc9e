package org.provisio.domain.service;

import java.util.List;
import java.util.Objects;
import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.InvitationEmail;
import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.port.InvitationMailer;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.port.MessageSender;

/**
 * Routes outbox messages: invitation emails to the mailer, user and group events to every listener.
 * If one listener fails the message is delivered again later to all of them, so listeners must
 * be idempotent (see {@link LifecycleListener}).
 *
 * <pre>{@code
 * DispatchOutbox outbox = provisioning.dispatchOutbox(
 *     Deliveries.route(smtpMailer, List.of(event -> vault.onLifecycle(event))));
 * }</pre>
 */
public final class Deliveries {
    private Deliveries() {
    }

    public static MessageSender route(InvitationMailer mailer, List<LifecycleListener> listeners) {
        Objects.requireNonNull(mailer, "mailer");
        List<LifecycleListener> all = List.copyOf(listeners);
        return (OutboxMessage m) -> {
            InvitationEmail.of(m).ifPresent(mailer::send);
            LifecycleEvent.of(m).ifPresent(event -> all.forEach(l -> l.onEvent(event)));
            GroupEvent.of(m).ifPresent(event -> all.forEach(l -> l.onGroupEvent(event)));
        };
    }
}
