package com.example.product;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The product's own accounts, in its own schema ({@code product.accounts}) of its own database: the
 * data a person's access depends on. Provisio's tables live beside it (in the default schema) and are
 * Provisio's business; this table is the product's, kept in step by {@link AccountsListener}.
 *
 * <p>Every change is idempotent and carries the time of the event that caused it: Provisio delivers
 * events at least once and, after a failed delivery, not necessarily in order, so an older event never
 * overwrites what a newer one decided.
 */
public final class Accounts {
    /** One row. {@code locked}: the identity provider has suspended the person's access. */
    public record Account(String userId, String tenantId, String userName, boolean locked, Instant changedAt) {
    }

    private final DataSource db;

    public Accounts(DataSource db) {
        this.db = db;
    }

    /** Creates the product's schema; run it before Provisio migrates its own tables. */
    public void createSchema() {
        update("CREATE SCHEMA IF NOT EXISTS product");
        update("""
                CREATE TABLE IF NOT EXISTS product.accounts (
                    user_id    VARCHAR(64)  PRIMARY KEY,
                    tenant_id  VARCHAR(64)  NOT NULL,
                    user_name  VARCHAR(256) NOT NULL,
                    locked     BOOLEAN      NOT NULL,
                    changed_at TIMESTAMP    NOT NULL
                )""");
    }

    /** Opens an account for a newly provisioned person, unless it already exists (a repeated event). */
    public void create(String userId, String tenantId, String userName, boolean locked, Instant at) {
        update("""
                INSERT INTO product.accounts (user_id, tenant_id, user_name, locked, changed_at)
                SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM product.accounts WHERE user_id = ?)""",
                userId, tenantId, userName, locked, Timestamp.from(at), userId);
    }

    /** Locks or unlocks the account, unless a newer event already decided. */
    public void setLocked(String userId, boolean locked, Instant at) {
        update("UPDATE product.accounts SET locked = ?, changed_at = ? WHERE user_id = ? AND changed_at <= ?",
                locked, Timestamp.from(at), userId, Timestamp.from(at));
    }

    /** Deletes the account and, in a real product, everything the person stored in it. */
    public void delete(String userId) {
        update("DELETE FROM product.accounts WHERE user_id = ?", userId);
    }

    public Optional<Account> find(String userId) {
        return query("SELECT * FROM product.accounts WHERE user_id = ?", userId).stream().findFirst();
    }

    public List<Account> all() {
        return query("SELECT * FROM product.accounts ORDER BY user_name");
    }

    private void update(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("accounts: " + e.getMessage(), e);
        }
    }

    private List<Account> query(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, args);
            List<Account> accounts = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    accounts.add(new Account(r.getString("user_id"), r.getString("tenant_id"), r.getString("user_name"),
                            r.getBoolean("locked"), r.getTimestamp("changed_at").toInstant()));
                }
            }
            return accounts;
        } catch (SQLException e) {
            throw new IllegalStateException("accounts: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            s.setObject(i + 1, args[i]);
        }
    }
}
