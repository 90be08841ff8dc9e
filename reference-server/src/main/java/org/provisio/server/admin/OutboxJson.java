package org.provisio.server.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.provisio.domain.model.OutboxDepth;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.MultiValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/**
 * The JSON of the outbox's depth and of parked messages. A parked message is shown without its
 * payload, which may hold an invitation token.
 */
final class OutboxJson {
    /** How many parked messages a tenant's outbox view lists at most. */
    static final int MAX_PARKED = 100;

    private OutboxJson() {
    }

    /** {@code {"pending":n,"retrying":n,"parked":n,"oldestPendingAt":"…"|null}}. */
    static ComplexValue.Builder depth(OutboxDepth depth) {
        return ComplexValue.builder()
                .put("pending", IntegerValue.of(depth.pending()))
                .put("retrying", IntegerValue.of(depth.retrying()))
                .put("parked", IntegerValue.of(depth.parked()))
                .putKeepingNull("oldestPendingAt", depth.oldestPendingAt()
                        .<Value>map(t -> StringValue.of(t.toString())).orElse(NullValue.INSTANCE));
    }

    /** {@code [{"id","userId","kind","createdAt","attempts","parkedAt"}]}. */
    static MultiValue parked(List<OutboxMessage> messages) {
        List<Value> out = new ArrayList<>();
        for (OutboxMessage m : messages) {
            out.add(ComplexValue.builder()
                    .put("id", m.id())
                    .put("userId", m.userId().value())
                    .put("kind", m.kind().name().toLowerCase(Locale.ROOT))
                    .put("createdAt", m.createdAt().toString())
                    .put("attempts", IntegerValue.of(m.attempts()))
                    .putKeepingNull("parkedAt", m.parkedAt().<Value>map(t -> StringValue.of(t.toString()))
                            .orElse(NullValue.INSTANCE))
                    .build());
        }
        return new MultiValue(out);
    }
}
