package org.provisio.jaxrs.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.provisio.domain.model.TenantId;

class ScimRequestsTest {
    @Test
    void aTenantsIdIsOneInstanceWhateverStringSpellsIt() {
        String first = new String("acme-tenant-for-sharing");
        String second = new String("acme-tenant-for-sharing");
        TenantId a = ScimRequests.tenant(first);
        TenantId b = ScimRequests.tenant(second);
        assertSame(a, b);
        assertEquals(TenantId.of("acme-tenant-for-sharing"), a);
        assertNotSame(a, ScimRequests.tenant("another-tenant-for-sharing"));
    }

    @Test
    void theKeptIdsAreBoundedAndStillRight() {
        for (int i = 0; i < ScimRequests.KNOWN_TENANTS + 10; i++) {
            assertEquals("bounded-" + i, ScimRequests.tenant("bounded-" + i).value());
        }
        assertSame(ScimRequests.tenant("bounded-3"), ScimRequests.tenant("bounded-3"));
    }

    @Test
    void anIdThatCannotBeOneIsRefusedAsBefore() {
        assertThrows(IllegalArgumentException.class, () -> ScimRequests.tenant(""));
    }
}
