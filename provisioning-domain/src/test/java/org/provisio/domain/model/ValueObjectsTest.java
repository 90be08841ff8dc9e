package org.provisio.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.provisio.scim.message.EntityTag;

class ValueObjectsTest {
    private static final Instant T0 = Instant.parse("2024-03-01T09:00:00Z");

    /** The characters just outside each accepted range: {@code / : @ [ ` {}, and the 64-character limit. */
    @ParameterizedTest
    @ValueSource(strings = {"", " ", "a/b", "a.b", "x y", "ünicode", "a:", "@a", "a[", "`", "a{", "a\n",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void identifiersRejectWhatIsNotUrlAndTokenSafe(String bad) {
        assertThatThrownBy(() -> UserId.of(bad)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TokenId.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "Z", "0", "9", "_", "-", "aZ09_-zA",
            "1234567890123456789012345678901234567890123456789012345678901234"})
    void identifiersAcceptLettersDigitsUnderscoreAndHyphenUpTo64(String good) {
        assertThat(UserId.of(good).value()).isEqualTo(good);
        assertThat(TokenId.of(good).value()).isEqualTo(good);
    }

    @Test
    void userNamesKeepTheirSpellingAndCompareFolded() {
        UserName name = UserName.of("BJensen@Example.com");

        assertThat(name.value()).isEqualTo("BJensen@Example.com");
        assertThat(name.key()).isEqualTo("bjensen@example.com");
        assertThat(name.sameAs(UserName.of("bjensen@EXAMPLE.com"))).isTrue();
        assertThatThrownBy(() -> UserName.of("  ")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "W/\"3\"|3", "\"3\"|3", " W/\"12\" |12", "W/\"0\"|", "W/3|", "*|", "W/\"-1\"|", "\"abc\"|"})
    void versionsAreReadFromETagsByTheScimLanguage(String etag, Long expected) {
        Optional<Version> read = EntityTag.version(etag).isPresent()
                ? Optional.of(Version.of(EntityTag.version(etag).getAsLong())) : Optional.empty();

        assertThat(read).isEqualTo(Optional.ofNullable(expected).map(Version::of));
    }

    @Test
    void versionsMoveOnAndAreWrittenAsWeakETagsByTheScimLanguage() {
        assertThat(Version.initial().next()).isEqualTo(Version.of(2));
        assertThat(EntityTag.weak(Version.initial().next().value())).isEqualTo("W/\"2\"");
        assertThatThrownBy(() -> Version.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void retentionAndInvitationTtlArePositiveDurationsWithDefaults() {
        assertThat(Retention.DEFAULT.purgeAt(T0)).isEqualTo(T0.plus(Duration.ofDays(30)));
        assertThat(InvitationTtl.DEFAULT.expiresAt(T0)).isEqualTo(T0.plus(Duration.ofDays(7)));
        assertThat(Retention.parse("PT1H").period()).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> Retention.parse("PT0S")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvitationTtl.of(Duration.ofDays(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void secretHashesMatchOnlyTheirSecretAndHideItself() {
        SecretHash hash = SecretHash.of("s3cret");

        assertThat(hash.matches("s3cret")).isTrue();
        assertThat(hash.matches("s3cre")).isFalse();
        assertThat(hash.value()).doesNotContain("s3cret");
        assertThat(hash.toString()).doesNotContain(hash.value());
        assertThatThrownBy(() -> new SecretHash("short")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void suspendedUsersAreRestorableStrictlyBeforeTheirPurgeTime() {
        Suspended suspended = new Active(T0).suspend(T0, Retention.DEFAULT).after();
        Instant purgeAt = T0.plus(Duration.ofDays(30));

        assertThat(suspended.purgeAt()).isEqualTo(purgeAt);
        assertThat(suspended.restorableAt(purgeAt.minusSeconds(60))).isTrue();
        assertThat(suspended.restorableAt(purgeAt)).isFalse();
        assertThat(suspended.restore(T0, () -> {
            throw new AssertionError("an active user needs no invitation");
        }).after()).isEqualTo(new Active(T0));
        assertThatThrownBy(() -> suspended.restore(purgeAt, () -> InvitationId.of("x")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new Suspended.FromPending(T0, purgeAt).restore(T0, () -> InvitationId.of("fresh")).after())
                .isEqualTo(new Pending(InvitationId.of("fresh")));
    }

    @Test
    void transitionsCarryWhatTheyImplyInTheOrderItIsRecorded() {
        InvitationId first = InvitationId.of("first");
        Pending pending = new Pending(first);
        Instant purgeAt = T0.plus(Duration.ofDays(30));

        assertThat(pending.accept(T0).effects()).containsExactly(new Effect.InvitationAccepted(first),
                new Effect.Audited(AuditAction.USER_ACTIVATED, "invitation:first"),
                new Effect.Announced(LifecycleEvent.Type.ACTIVATED, java.util.Map.of()));
        assertThat(pending.suspend(T0, Retention.DEFAULT).effects()).containsExactly(
                new Effect.InvitationRevoked(first),
                new Effect.Audited(AuditAction.USER_SUSPENDED, "from pending"),
                new Effect.Announced(LifecycleEvent.Type.SUSPENDED, java.util.Map.of("purgeAt", purgeAt.toString())));
        assertThat(pending.reissue(InvitationId.of("second"))).isEqualTo(Transition.to(
                new Pending(InvitationId.of("second")), new Effect.InvitationRevoked(first),
                new Effect.InvitationIssued(InvitationId.of("second"))));
        assertThat(new Suspended.NeverInvited(T0, purgeAt).restore(T0, () -> InvitationId.of("fresh")).effects())
                .containsExactly(new Effect.Audited(AuditAction.USER_RESTORED, "to pending"),
                        new Effect.Announced(LifecycleEvent.Type.RESTORED, java.util.Map.of("status", "pending")),
                        new Effect.InvitationIssued(InvitationId.of("fresh")));
        assertThat(Transition.provisioned(false, T0, Retention.DEFAULT, InvitationId.of("unused")).after())
                .isEqualTo(new Suspended.NeverInvited(T0, purgeAt));
        assertThat(Removal.HARD_DELETE.effects()).containsExactly(
                new Effect.Audited(AuditAction.USER_HARD_DELETED, ""),
                new Effect.Announced(LifecycleEvent.Type.HARD_DELETED, java.util.Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin", "system", "credential:tok-1", "invitee:user-1"})
    void actorsRoundTripThroughTheirTextForm(String text) {
        assertThat(Actor.parse(text).describe()).isEqualTo(text);
    }

    @Test
    void aUsersProfileLeavesOutWhatTheDomainOwns() {
        var resource = org.provisio.scim.resource.ScimResource.of(org.provisio.scim.resource.ComplexValue.builder()
                .put("id", "x").put("userName", "kim").put("ACTIVE", true).put("password", "p")
                .put("title", "Chief").build());

        assertThat(User.profileOf(resource).attributes().names()).containsExactly("title");
    }
}
