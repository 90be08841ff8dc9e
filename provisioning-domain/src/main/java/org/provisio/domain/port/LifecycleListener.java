package org.provisio.domain.port;

import org.provisio.domain.model.GroupEvent;
import org.provisio.domain.model.LifecycleEvent;

/**
 * Where an embedding product hears about lifecycle changes, fed from the durable outbox after the
 * change has committed. Throwing means "deliver again later"; delivery is at-least-once, so a
 * listener ignores an event whose {@link LifecycleEvent#id()} it has already handled.
 */
@FunctionalInterface
public interface LifecycleListener {
    void onEvent(LifecycleEvent event);

    /** A change of a group; by default ignored, for products that mirror users only. */
    default void onGroupEvent(GroupEvent event) {
    }
}
