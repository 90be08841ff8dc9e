package org.provisio.adapters.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.provisio.domain.model.ConformanceProfile;
import org.provisio.domain.model.Tenant;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.port.Tenants;

final class JdbcTenants implements Tenants {
    private static final String COLUMNS = "SELECT id, name, created_ns, profile FROM tenants";

    private final JdbcTransactions tx;

    JdbcTenants(JdbcTransactions tx) {
        this.tx = tx;
    }

    @Override
    public void add(Tenant tenant) {
        tx.call(c -> {
            JdbcTransactions.insertFresh(c, "tenant " + tenant.id(), "INSERT INTO tenants (id, name, created_ns, profile)"
                    + " VALUES (?, ?, ?, ?)", tenant.id().value(), tenant.name(), JdbcTime.nanos(tenant.createdAt()),
                    tenant.profile().name());
            return null;
        });
    }

    @Override
    public boolean update(Tenant tenant) {
        return tx.call(c -> JdbcRows.update(c, "UPDATE tenants SET name = ?, profile = ? WHERE id = ?", tenant.name(),
                tenant.profile().name(), tenant.id().value()) > 0);
    }

    @Override
    public Optional<Tenant> find(TenantId id) {
        return tx.call(c -> JdbcRows.one(c, COLUMNS + " WHERE id = ?", JdbcTenants::tenant, id.value()));
    }

    @Override
    public List<Tenant> list() {
        return tx.call(c -> JdbcRows.list(c, COLUMNS + " ORDER BY seq", JdbcTenants::tenant));
    }

    private static Tenant tenant(ResultSet row) throws SQLException {
        return new Tenant(TenantId.of(row.getString("id")), row.getString("name"),
                JdbcTime.instant(row.getLong("created_ns")), ConformanceProfile.valueOf(row.getString("profile")));
    }
}
