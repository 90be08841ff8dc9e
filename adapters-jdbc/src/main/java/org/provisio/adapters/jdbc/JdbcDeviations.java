package org.provisio.adapters.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import org.provisio.domain.model.Deviation;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.Deviations;

/**
 * The client-deviation reports in the {@code deviations} table. A line is added to with an {@code UPDATE} that
 * sums the counts and keeps the earlier first and the later last time, and created when there is none; an
 * insert that loses the race for a new line to another instance becomes that update, so concurrent writers
 * never lose a count.
 */
final class JdbcDeviations implements Deviations {
    private static final String ADD = "UPDATE deviations SET requests = requests + ?, first_ns = LEAST(first_ns, ?),"
            + " last_ns = GREATEST(last_ns, ?) WHERE tenant_id = ? AND kind = ? AND outcome = ?";
    private static final String INSERT = "INSERT INTO deviations (tenant_id, kind, outcome, requests, first_ns,"
            + " last_ns, example) VALUES (?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTransactions tx;
    private final JdbcVendor vendor;

    JdbcDeviations(JdbcTransactions tx, JdbcVendor vendor) {
        this.tx = tx;
        this.vendor = vendor;
    }

    @Override
    public void record(Collection<Deviation> counts) {
        if (counts.isEmpty()) {
            return;
        }
        tx.call(c -> {
            for (Deviation d : counts) {
                if (!add(c, d) && !JdbcTransactions.insertUnlessTaken(c, vendor, INSERT, d.tenantId().value(),
                        d.kind(), d.outcome().name(), d.count(), JdbcTime.nanos(d.firstSeen()),
                        JdbcTime.nanos(d.lastSeen()), d.example()) && !add(c, d)) {
                    throw new IllegalStateException("deviation line " + d.kind() + " neither inserted nor updated");
                }
            }
            return null;
        });
    }

    private static boolean add(Connection c, Deviation d) throws SQLException {
        return JdbcRows.update(c, ADD, d.count(), JdbcTime.nanos(d.firstSeen()), JdbcTime.nanos(d.lastSeen()),
                d.tenantId().value(), d.kind(), d.outcome().name()) > 0;
    }

    @Override
    public List<Deviation> list(TenantId tenant) {
        return tx.call(c -> JdbcRows.list(c, "SELECT tenant_id, kind, outcome, requests, first_ns, last_ns, example"
                + " FROM deviations WHERE tenant_id = ?", JdbcDeviations::deviation, tenant.value()));
    }

    private static Deviation deviation(ResultSet row) throws SQLException {
        return new Deviation(TenantId.of(row.getString("tenant_id")), row.getString("kind"),
                Deviation.Outcome.valueOf(row.getString("outcome")), row.getLong("requests"),
                JdbcTime.instant(row.getLong("first_ns")), JdbcTime.instant(row.getLong("last_ns")),
                row.getString("example"));
    }
}
