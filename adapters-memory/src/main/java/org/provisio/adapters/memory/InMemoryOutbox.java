package org.provisio.adapters.memory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.port.Outbox;

/**
 * The outbox as one queue per user and an index of the users' heads ordered by when each can next
 * be claimed, then by append order: a claim reads the index from its start and stops at the first
 * head that is not available yet, so it costs what it hands out, never a sort of the outbox.
 * Messages appended in a unit of work join when it commits.
 */
final class InMemoryOutbox implements Outbox {
    /** A message with its delivery state; delivered ones are removed. */
    private static final class Slot {
        final OutboxMessage message;
        final long seq;
        Instant availableAt = Instant.MIN;
        int attempts;
        Instant parkedAt;

        Slot(OutboxMessage message, long seq) {
            this.message = message;
            this.seq = seq;
            this.attempts = message.attempts();
            this.parkedAt = message.parkedAt().orElse(null);
        }

        OutboxMessage snapshot() {
            OutboxMessage m = message;
            return m.with(m.payload(), attempts, Optional.ofNullable(parkedAt));
        }

        Recipient recipient() {
            return new Recipient(message.tenantId(), message.subject());
        }
    }

    /** A user or group of a tenant: the unit of ordering. */
    private record Recipient(TenantId tenant, OutboxMessage.Subject subject) {
    }

    /** A user's head in the index. */
    private record Head(Instant availableAt, long seq, Recipient recipient) {
    }

    private static final Comparator<Head> ORDER = Comparator.comparing(Head::availableAt).thenComparingLong(Head::seq);

    private final Guard guard;
    private final Map<String, Slot> all = new LinkedHashMap<>();
    private final Map<Recipient, ArrayDeque<Slot>> queues = new HashMap<>();
    private final TreeSet<Head> heads = new TreeSet<>(ORDER);
    private final Map<Recipient, Head> headOf = new HashMap<>();
    private long nextSeq;

    InMemoryOutbox(Guard guard) {
        this.guard = guard;
    }

    @Override
    public void appendAll(List<OutboxMessage> messages) {
        List<OutboxMessage> copy = List.copyOf(messages);
        guard.onCommit(() -> add(copy));
    }

    private synchronized void add(List<OutboxMessage> messages) {
        for (OutboxMessage m : messages) {
            if (all.containsKey(m.id())) {
                throw new IllegalArgumentException("message " + m.id() + " exists");
            }
        }
        for (OutboxMessage m : messages) {
            Slot slot = new Slot(m, nextSeq++);
            all.put(m.id(), slot);
            if (slot.parkedAt == null) {
                ArrayDeque<Slot> queue = queues.computeIfAbsent(slot.recipient(), r -> new ArrayDeque<>());
                queue.addLast(slot);
                if (queue.size() == 1) {
                    place(slot.recipient());
                }
            }
        }
    }

    @Override
    public synchronized List<OutboxMessage> claim(int max, int perUser, Instant now, Duration lease) {
        if (max < 0 || perUser < 1 || lease.isNegative()) {
            throw new IllegalArgumentException("max >= 0, perUser >= 1 and lease >= 0");
        }
        List<Head> ready = new ArrayList<>();
        for (Head head : heads) {
            if (ready.size() >= max || head.availableAt().isAfter(now)) {
                break;
            }
            ready.add(head);
        }
        // the index orders heads by when they became available; runs go out in the order of their heads' appending
        ready.sort(Comparator.comparingLong(Head::seq));
        List<OutboxMessage> claimed = new ArrayList<>();
        Instant until = now.plus(lease);
        // every head has its place before any run grows past it: the room left is what runs may take
        int extra = max - ready.size();
        for (Head head : ready) {
            Recipient recipient = head.recipient();
            int run = 0;
            for (Slot slot : queues.get(recipient)) {
                if ((run > 0 && extra == 0) || run >= perUser || slot.availableAt.isAfter(now)) {
                    break;
                }
                slot.availableAt = until;
                claimed.add(slot.snapshot());
                if (run > 0) {
                    extra--;
                }
                run++;
            }
            place(recipient);
        }
        return claimed;
    }

    @Override
    public synchronized void release(Collection<String> messageIds) {
        for (String id : messageIds) {
            Slot slot = all.get(id);
            if (slot != null && slot.parkedAt == null) {
                slot.availableAt = Instant.MIN;
                place(slot.recipient());
            }
        }
    }

    @Override
    public synchronized boolean markDelivered(String messageId) {
        return drop(messageId);
    }

    private boolean drop(String messageId) {
        Slot slot = all.remove(messageId);
        if (slot == null) {
            return false;
        }
        if (slot.parkedAt == null) {
            ArrayDeque<Slot> queue = queues.get(slot.recipient());
            queue.remove(slot);
            place(slot.recipient());
        }
        return true;
    }

    @Override
    public synchronized boolean markFailed(String messageId, Instant retryAt) {
        Slot slot = all.get(messageId);
        if (slot == null || slot.parkedAt != null) {
            return false;
        }
        slot.attempts++;
        slot.availableAt = retryAt;
        place(slot.recipient());
        return true;
    }

    @Override
    public synchronized boolean markParked(String messageId, Instant at) {
        Slot slot = all.get(messageId);
        if (slot == null || slot.parkedAt != null) {
            return false;
        }
        slot.attempts++;
        slot.parkedAt = at;
        queues.get(slot.recipient()).remove(slot);
        place(slot.recipient());
        return true;
    }

    @Override
    public synchronized boolean requeue(String messageId) {
        Slot slot = all.get(messageId);
        if (slot == null || slot.parkedAt == null) {
            return false;
        }
        slot.parkedAt = null;
        slot.availableAt = Instant.MIN;
        // back in its user's queue, in its place by append order
        ArrayDeque<Slot> queue = queues.computeIfAbsent(slot.recipient(), r -> new ArrayDeque<>());
        List<Slot> ordered = new ArrayList<>(queue);
        ordered.add(slot);
        ordered.sort(Comparator.comparingLong(s -> s.seq));
        queue.clear();
        queue.addAll(ordered);
        place(slot.recipient());
        return true;
    }

    /** Puts the user's current head in the index, or the user out of it when nothing is left. */
    private void place(Recipient recipient) {
        Head old = headOf.remove(recipient);
        if (old != null) {
            heads.remove(old);
        }
        ArrayDeque<Slot> queue = queues.get(recipient);
        if (queue == null || queue.isEmpty()) {
            queues.remove(recipient);
            return;
        }
        Slot first = queue.peekFirst();
        Head head = new Head(first.availableAt, first.seq, recipient);
        heads.add(head);
        headOf.put(recipient, head);
    }

    @Override
    public synchronized List<OutboxMessage> list(Optional<TenantId> tenant, Set<OutboxMessage.State> states, int max) {
        if (max < 0) {
            throw new IllegalArgumentException("max must not be negative");
        }
        List<OutboxMessage> out = new ArrayList<>();
        for (Slot slot : all.values()) {
            if (out.size() >= max) {
                break;
            }
            OutboxMessage m = slot.snapshot();
            if (tenant.map(m.tenantId()::equals).orElse(true) && states.contains(m.state())) {
                out.add(m);
            }
        }
        return out;
    }

    @Override
    public synchronized OutboxDepth depth(Optional<TenantId> tenant) {
        long pending = 0;
        long retrying = 0;
        long parked = 0;
        Instant oldest = null;
        for (Slot slot : all.values()) {
            OutboxMessage m = slot.message;
            if (tenant.isPresent() && !tenant.get().equals(m.tenantId())) {
                continue;
            }
            if (slot.parkedAt != null) {
                parked++;
                continue;
            }
            if (slot.attempts > 0) {
                retrying++;
            } else {
                pending++;
            }
            if (oldest == null || m.createdAt().isBefore(oldest)) {
                oldest = m.createdAt();
            }
        }
        return new OutboxDepth(pending, retrying, parked, Optional.ofNullable(oldest));
    }

    @Override
    public synchronized List<OutboxMessage> messagesOf(TenantId tenant, UserId user) {
        List<OutboxMessage> out = new ArrayList<>();
        for (Slot slot : all.values()) {
            if (slot.message.tenantId().equals(tenant) && slot.message.subject().equals(OutboxMessage.Subject.of(user))) {
                out.add(slot.snapshot());
            }
        }
        return out;
    }

    @Override
    public synchronized int remove(Collection<String> messageIds) {
        int removed = 0;
        for (String id : messageIds) {
            if (drop(id)) {
                removed++;
            }
        }
        return removed;
    }
}
