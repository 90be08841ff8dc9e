package org.provisio.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Outbox;

/**
 * The outbox as an insertion-ordered table of slots. A claim walks the slots in order and takes
 * a message only if it is the first unparked one of its user seen in the walk.
 */
final class InMemoryOutbox implements Outbox {
    /** A message with the instant it can next be claimed; delivered ones are removed. */
    private record Slot(OutboxMessage message, Instant availableAt) {
    }

    /** A user of a tenant: the unit of ordering. */
    private record Recipient(TenantId tenantId, UserId userId) {
        static Recipient of(OutboxMessage m) {
            return new Recipient(m.tenantId(), m.userId());
        }
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
            Set<Recipient> headSeen = new HashSet<>();
            for (Slot slot : slots.values()) {
                if (claimed.size() == max) {
                    break;
                }
                OutboxMessage m = slot.message();
                if (m.parkedAt().isPresent() || !headSeen.add(Recipient.of(m))) {
                    continue;
                }
                if (!slot.availableAt().isAfter(now)) {
                    slots.put(m.id(), new Slot(m, now.plus(lease)));
                    claimed.add(m);
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
            Optional<Slot> slot = slots.get(messageId).filter(s -> s.message().parkedAt().isEmpty());
            slot.ifPresent(s -> slots.put(messageId, new Slot(attempted(s.message(), Optional.empty()), retryAt)));
            return slot.isPresent();
        });
    }

    @Override
    public boolean markParked(String messageId, Instant at) {
        return guard.locked(() -> {
            Optional<Slot> slot = slots.get(messageId).filter(s -> s.message().parkedAt().isEmpty());
            slot.ifPresent(s -> slots.put(messageId, new Slot(attempted(s.message(), Optional.of(at)), Instant.MAX)));
            return slot.isPresent();
        });
    }

    private static OutboxMessage attempted(OutboxMessage m, Optional<Instant> parkedAt) {
        return new OutboxMessage(m.id(), m.tenantId(), m.userId(), m.kind(), m.createdAt(), m.payload(),
                m.attempts() + 1, parkedAt);
    }

    @Override
    public List<OutboxMessage> list(Optional<TenantId> tenant, Set<OutboxMessage.State> states, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        return guard.locked(() -> slots.values().stream().map(Slot::message)
                .filter(m -> tenant.map(m.tenantId()::equals).orElse(true))
                .filter(m -> states.contains(m.state()))
                .limit(max).toList());
    }

    @Override
    public OutboxDepth depth(Optional<TenantId> tenant) {
        return guard.locked(() -> {
            long pending = 0;
            long retrying = 0;
            long parked = 0;
            Instant oldest = null;
            for (Slot slot : slots.values()) {
                OutboxMessage m = slot.message();
                if (tenant.isPresent() && !tenant.get().equals(m.tenantId())) {
                    continue;
                }
                switch (m.state()) {
                    case PENDING -> pending++;
                    case RETRYING -> retrying++;
                    case PARKED -> parked++;
                }
                if (m.state() != OutboxMessage.State.PARKED && (oldest == null || m.createdAt().isBefore(oldest))) {
                    oldest = m.createdAt();
                }
            }
            return new OutboxDepth(pending, retrying, parked, Optional.ofNullable(oldest));
        });
    }
}
