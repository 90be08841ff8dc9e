package com.example.product;

import org.provisio.domain.model.LifecycleEvent;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.port.LifecycleListener;
import org.provisio.domain.usecase.ListUsersByStatus;

/**
 * Keeps the product's accounts in step with Provisio: it runs on Provisio's outbox dispatcher, after the
 * change has committed. Throwing means "deliver this event again later", so a failure here loses
 * nothing; every step is idempotent, because an event may come twice.
 *
 * <pre>
 * provisioned           → create the account (locked if the person was provisioned inactive)
 * suspended             → lock it: a soft delete, the data stays for the retention period
 * activated, restored   → unlock it
 * purged, hard_deleted  → delete it, and everything the person kept in the product
 * </pre>
 */
public final class AccountsListener implements LifecycleListener {
    private final Accounts accounts;
    private final ListUsersByStatus users;

    public AccountsListener(Accounts accounts, ListUsersByStatus users) {
        this.accounts = accounts;
        this.users = users;
    }

    @Override
    public void onEvent(LifecycleEvent event) {
        String userId = event.userId().value();
        switch (event.type()) {
            // the event names the user; Provisio has the rest (gone already if it was deleted since)
            case PROVISIONED -> users.find(event.tenantId(), event.userId()).ifPresent(user ->
                    accounts.create(userId, event.tenantId().value(), user.userName(),
                            user.status() == UserStatus.SUSPENDED, event.at()));
            case SUSPENDED -> accounts.setLocked(userId, true, event.at());
            case ACTIVATED, RESTORED -> accounts.setLocked(userId, false, event.at());
            case PURGED, HARD_DELETED -> accounts.delete(userId);
        }
    }
}
