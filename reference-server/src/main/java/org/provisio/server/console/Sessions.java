package org.provisio.server.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The console's server-side sessions. The browser holds only a random session id (256 bits) in its
 * cookie; the server keys each session by the id's SHA-256, so that not even a dump of this map
 * yields a usable cookie. A session ends when it was idle longer than {@link Settings#idle()}, when
 * it is older than {@link Settings#absolute()} whatever its use, or when its administrator signs
 * out. At most {@link Settings#max()} sessions are kept; past that, the least recently used goes.
 */
final class Sessions {
    /** Expiry and size. */
    record Settings(Duration idle, Duration absolute, int max) {
        /** 30 minutes idle, 12 hours at most, 10,000 sessions. */
        static final Settings DEFAULT = new Settings(Duration.ofMinutes(30), Duration.ofHours(12), 10_000);

        Settings {
            Objects.requireNonNull(idle, "idle");
            Objects.requireNonNull(absolute, "absolute");
            if (idle.isNegative() || idle.isZero() || absolute.compareTo(idle) < 0 || max < 1) {
                throw new IllegalArgumentException("idle > 0, absolute >= idle, max >= 1");
            }
        }
    }

    /** A signed-in administrator's session. */
    static final class Session {
        private final String key;
        private final Administrator administrator;
        private final String csrfToken;
        private final Instant createdAt;
        private volatile Instant lastSeenAt;
        private final AtomicReference<Notice> notice = new AtomicReference<>();

        private Session(String key, Administrator administrator, String csrfToken, Instant createdAt) {
            this.key = key;
            this.administrator = administrator;
            this.csrfToken = csrfToken;
            this.createdAt = createdAt;
            this.lastSeenAt = createdAt;
        }

        Administrator administrator() {
            return administrator;
        }

        /** The token every state-changing form of this session carries. */
        String csrfToken() {
            return csrfToken;
        }

        /** Whether {@code candidate} is this session's CSRF token (compared in constant time). */
        boolean csrfMatches(String candidate) {
            return candidate != null && MessageDigest.isEqual(csrfToken.getBytes(StandardCharsets.UTF_8),
                    candidate.getBytes(StandardCharsets.UTF_8));
        }

        /** Keeps a notice for the next page this session sees ("User restored."). */
        void notice(Notice value) {
            notice.set(value);
        }

        /** The notice kept for this page, once. */
        Optional<Notice> takeNotice() {
            return Optional.ofNullable(notice.getAndSet(null));
        }
    }

    /** A session just opened, with the cookie value that names it. */
    record Opened(String cookieValue, Session session) {
    }

    private final Clock clock;
    private final Settings settings;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byKey = new ConcurrentHashMap<>();

    Sessions(Clock clock, Settings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** A new session of {@code administrator}, under a fresh id (never one the browser brought). */
    Opened open(Administrator administrator) {
        Instant now = clock.instant();
        if (byKey.size() >= settings.max()) {
            byKey.values().removeIf(s -> expired(s, now));
            while (byKey.size() >= settings.max()) {
                byKey.values().stream().min(Comparator.comparing(s -> s.lastSeenAt))
                        .ifPresent(oldest -> byKey.remove(oldest.key));
            }
        }
        String cookieValue = randomToken();
        Session session = new Session(keyOf(cookieValue), administrator, randomToken(), now);
        byKey.put(session.key, session);
        return new Opened(cookieValue, session);
    }

    /** The live session a cookie names, its idle time restarted; an expired one is ended. */
    Optional<Session> find(String cookieValue) {
        if (cookieValue == null || cookieValue.isEmpty() || cookieValue.length() > 100) {
            return Optional.empty();
        }
        Session session = byKey.get(keyOf(cookieValue));
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            byKey.remove(session.key);
            return Optional.empty();
        }
        session.lastSeenAt = now;
        return Optional.of(session);
    }

    /** Ends the session a cookie names, if any. */
    void close(String cookieValue) {
        if (cookieValue != null && !cookieValue.isEmpty()) {
            byKey.remove(keyOf(cookieValue));
        }
    }

    /** Ends {@code session}. */
    void close(Session session) {
        byKey.remove(session.key);
    }

    /** How many sessions are held (expired ones not yet swept included). */
    int size() {
        return byKey.size();
    }

    private boolean expired(Session s, Instant now) {
        return !now.isBefore(s.lastSeenAt.plus(settings.idle()))
                || !now.isBefore(s.createdAt.plus(settings.absolute()));
    }

    /** 256 random bits, URL-safe. */
    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String keyOf(String cookieValue) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(cookieValue.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
