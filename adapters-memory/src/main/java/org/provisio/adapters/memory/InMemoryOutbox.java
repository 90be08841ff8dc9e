package org.provisio.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.port.Outbox;

final class InMemoryOutbox implements Outbox {
    /** A message with the instant it can next be claimed; delivered ones are removed. */
    private record Slot(OutboxMessage message, Instant availableAt) {
    }

    private final Guard guard;
    private final Table<String, Slot> slots;

    InMemoryOutbox(Guard guard) {
        this.guard = guard;
        this.slots = new Table<>(guard);
    }

    @Override
    public void append(OutboxMessage message) {
        guard.locked(() -> {
            if (slots.contains(message.id())) {
                throw new IllegalArgumentException("message " + message.id() + " exists");
            }
            slots.put(message.id(), new Slot(message, Instant.MIN));
            return null;
        });
    }

    @Override
    public List<OutboxMessage> claim(int max, Instant now, Duration lease) {
        if (max < 0 || lease.isNegative()) {
            throw new IllegalArgumentException("max and lease must not be negative");
        }
        return guard.locked(() -> {
            List<OutboxMessage> claimed = new ArrayList<>();
            for (Slot slot : slots.values()) {
                if (claimed.size() == max) {
                    break;
                }
                if (!slot.availableAt().isAfter(now)) {
                    slots.put(slot.message().id(), new Slot(slot.message(), now.plus(lease)));
                    claimed.add(slot.message());
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean markDelivered(String messageId) {
        return guard.locked(() -> slots.remove(messageId));
    }

    @Override
    public boolean markFailed(String messageId, Instant retryAt) {
        return guard.locked(() -> {
            Optional<Slot> slot = slots.get(messageId);
            slot.ifPresent(s -> slots.put(messageId, new Slot(s.message(), retryAt)));
            return slot.isPresent();
        });
    }
}
