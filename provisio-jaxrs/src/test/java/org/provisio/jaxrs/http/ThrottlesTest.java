package org.provisio.jaxrs.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.provisio.domain.model.TenantId;

class ThrottlesTest {
    private final AtomicLong now = new AtomicLong();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "192.0.2.7                       | 192.0.2.7",
            "2001:db8:1:2:aaaa::1            | 2001:db8:1:2:0:0:0:0/64",
            "2001:db8:1:2:bbbb:cccc:dddd:ffff | 2001:db8:1:2:0:0:0:0/64",
            "[2001:db8:1:3::1]               | 2001:db8:1:3:0:0:0:0/64",
            "fe80::1%eth0                    | fe80:0:0:0:0:0:0:0/64",
            "::ffff:192.0.2.9                | 192.0.2.9",
            "not:an:address:zz               | unknown",
            "'1:2:3'                         | unknown",
            "''                              | unknown",
    })
    void countsAnAddressByItselfOrItsIpv6Network(String address, String key) {
        assertThat(Throttles.addressKey(address)).isEqualTo(key);
    }

    @Test
    void anAddressTheContainerDidNotGiveIsCountedAsUnknown() {
        assertThat(Throttles.addressKey(null)).isEqualTo(Throttles.UNKNOWN_ADDRESS);
        assertThat(Throttles.addressKey(42)).isEqualTo(Throttles.UNKNOWN_ADDRESS);
    }

    @Test
    void failedAuthenticationsShutAnAddressOutAtTheLimitPerMinute() {
        Throttles throttles = new Throttles(AccessLimits.NONE.withAuthFailures(30), now::get);
        for (int i = 0; i < 30; i++) {
            assertThat(throttles.addressShutOut("a")).as("before failure %d", i + 1).isZero();
            throttles.failedFrom("a");
        }
        assertThat(throttles.addressShutOut("a")).isEqualTo(2);
        assertThat(throttles.addressShutOut("b")).isZero();
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertThat(throttles.addressShutOut("a")).as("one more attempt every 2 s").isZero();
        throttles.failedFrom("a");
        assertThat(throttles.addressShutOut("a")).isEqualTo(2);
    }

    @Test
    void secondsAreRoundedUp() {
        assertThat(Throttles.seconds(0)).isZero();
        assertThat(Throttles.seconds(1)).isEqualTo(1);
        assertThat(Throttles.seconds(TimeUnit.SECONDS.toNanos(1))).isEqualTo(1);
        assertThat(Throttles.seconds(TimeUnit.SECONDS.toNanos(1) + 1)).isEqualTo(2);
    }

    @Test
    void offLimitsLimitNothing() {
        Throttles throttles = new Throttles(AccessLimits.NONE, now::get);
        TenantId tenant = TenantId.of("acme");
        for (int i = 0; i < 10_000; i++) {
            assertThat(throttles.tenantRequest(tenant)).isZero();
            throttles.failedFrom("a");
        }
        assertThat(throttles.addressShutOut("a")).isZero();
        assertThat(throttles.limitsAddresses()).isFalse();
    }
}
