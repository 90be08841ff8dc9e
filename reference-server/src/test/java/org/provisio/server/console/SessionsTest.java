package org.provisio.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.provisio.testkit.MutableClock;

/** Server-side sessions: idle and absolute expiry, fresh ids, CSRF tokens, the cap. */
class SessionsTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-12-01T09:00:00Z"));
    private final Sessions sessions = new Sessions(clock, new Sessions.Settings(Duration.ofMinutes(30),
            Duration.ofHours(12), 3));

    @Test
    void aSessionEndsAfterThirtyIdleMinutes() {
        Sessions.Opened s = sessions.open(new Administrator.Operator());
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(s.cookieValue())).isPresent();
        clock.advance(Duration.ofMinutes(29));
        assertThat(sessions.find(s.cookieValue())).as("used 29 minutes ago").isPresent();
        clock.advance(Duration.ofMinutes(30));
        assertThat(sessions.find(s.cookieValue())).isEmpty();
        clock.advance(Duration.ofMinutes(-60));
        assertThat(sessions.find(s.cookieValue())).as("ended for good").isEmpty();
    }

    @Test
    void aSessionEndsAfterTwelveHoursHoweverBusy() {
        Sessions.Opened s = sessions.open(new Administrator.Operator());
        for (int i = 0; i < 47; i++) {
            clock.advance(Duration.ofMinutes(15));
            assertThat(sessions.find(s.cookieValue())).as("after %d min", (i + 1) * 15).isPresent();
        }
        clock.advance(Duration.ofMinutes(15));
        assertThat(sessions.find(s.cookieValue())).isEmpty();
    }

    @Test
    void idsAndTokensAreFreshRandomAndCheckedExactly() {
        Sessions.Opened a = sessions.open(new Administrator.Operator());
        Sessions.Opened b = sessions.open(new Administrator.Operator());
        assertThat(a.cookieValue()).isNotEqualTo(b.cookieValue()).hasSize(43);
        assertThat(a.session().csrfToken()).isNotEqualTo(b.session().csrfToken()).isNotEqualTo(a.cookieValue());
        assertThat(a.session().csrfMatches(a.session().csrfToken())).isTrue();
        assertThat(a.session().csrfMatches(b.session().csrfToken())).isFalse();
        assertThat(a.session().csrfMatches(null)).isFalse();
        assertThat(a.session().csrfMatches("")).isFalse();
        assertThat(sessions.find("x".repeat(43))).isEmpty();
        assertThat(sessions.find(null)).isEmpty();
        sessions.close(a.cookieValue());
        assertThat(sessions.find(a.cookieValue())).isEmpty();
        assertThat(sessions.find(b.cookieValue())).isPresent();
    }

    @Test
    void pastTheCapTheLeastRecentlyUsedSessionGoes() {
        Sessions.Opened first = sessions.open(new Administrator.Operator());
        clock.advance(Duration.ofSeconds(1));
        Sessions.Opened second = sessions.open(new Administrator.Operator());
        clock.advance(Duration.ofSeconds(1));
        Sessions.Opened third = sessions.open(new Administrator.Operator());
        clock.advance(Duration.ofSeconds(1));
        sessions.find(first.cookieValue());
        sessions.open(new Administrator.Operator());
        assertThat(sessions.size()).isEqualTo(3);
        assertThat(sessions.find(second.cookieValue())).isEmpty();
        assertThat(sessions.find(first.cookieValue())).isPresent();
        assertThat(sessions.find(third.cookieValue())).isPresent();
    }

    @Test
    void aNoticeIsShownOnce() {
        Sessions.Session s = sessions.open(new Administrator.Operator()).session();
        s.notice(Notice.success("User restored."));
        assertThat(s.takeNotice()).contains(Notice.success("User restored."));
        assertThat(s.takeNotice()).isEmpty();
    }
}
