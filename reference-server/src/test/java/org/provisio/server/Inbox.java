package org.provisio.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.port.MessageSender;
import org.provisio.domain.usecase.DispatchOutbox;

/** A {@link MessageSender} that keeps what the fixture's outbox delivers, to read invitation tokens from. */
final class Inbox implements MessageSender {
    private final List<OutboxMessage> messages = new CopyOnWriteArrayList<>();
    private final DispatchOutbox dispatcher;

    Inbox(ServerFixture fixture) {
        this.dispatcher = fixture.provisioning.dispatchOutbox(this);
    }

    @Override
    public void send(OutboxMessage message) {
        messages.add(message);
    }

    /** Delivers everything due, then the token of the newest invitation mailed to {@code userId}. */
    Optional<String> invitationToken(String userId) {
        while (dispatcher.dispatchDue() > 0) {
            // drain
        }
        String token = null;
        for (OutboxMessage m : messages) {
            if (m.kind() == OutboxMessage.Kind.INVITATION_EMAIL && m.userId().value().equals(userId)) {
                token = m.payload().get("token");
            }
        }
        return Optional.ofNullable(token);
    }
}
