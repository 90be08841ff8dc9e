package org.provisio.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.domain.model.Active;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.InvitationId;
import org.provisio.domain.model.InvitationStanding;
import org.provisio.domain.model.OutboxMessage;
import org.provisio.domain.model.Pending;
import org.provisio.domain.model.Suspended;
import org.provisio.domain.model.User;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.UserState;
import org.provisio.domain.model.UserStatus;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.Outcome;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.Refusal;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.ScimResource;

/**
 * The race table: every pair of the lifecycle's competing changes — the invitee accepting, the
 * identity provider suspending by PUT and by PATCH, the admin resending the invitation, a hard
 * delete, the admin's restore — run at the same instant on a fresh user (pending, or suspended
 * when restore is in the pair), two threads released by a latch, {@value #ROUNDS} rounds each.
 *
 * <p>Whatever the store decides, the result must be one of the two orders: each use case's outcome
 * (done, or the exact {@link Refusal} that order gives), the user's state, where the first
 * invitation link stands, and the outbox messages the round left must all be those of running one
 * change and then the other, one way round or the other. No use case may throw.
 */
public abstract class LifecycleRaceScenarios extends LifecycleFixture {
    /** Rounds per pair. */
    static final int ROUNDS = 50;

    private ExecutorService pool;

    @BeforeEach
    void startThreads() {
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        pool.shutdownNow();
    }

    /** The competing changes. */
    enum Change {
        ACCEPT, SUSPEND_BY_PUT, SUSPEND_BY_PATCH, RESEND, HARD_DELETE, RESTORE
    }

    /** Every pair of changes, each change against itself included. */
    static Stream<Arguments> pairs() {
        List<Arguments> out = new ArrayList<>();
        Change[] all = Change.values();
        for (int i = 0; i < all.length; i++) {
            for (int j = i; j < all.length; j++) {
                out.add(Arguments.of(all[i], all[j]));
            }
        }
        return out.stream();
    }

    // ---- the model ------------------------------------------------------------------------------

    /** Where the user stands, as far as the race can tell. */
    enum Where {
        GONE, PENDING_ON_FIRST_INVITATION, PENDING_ON_ANOTHER, ACTIVE, SUSPENDED_FROM_PENDING, SUSPENDED_FROM_ACTIVE
    }

    /** The user and the standing of its first invitation link, the one the invitee accepts with. */
    record Model(Where where, InvitationStanding firstLink) {
    }

    /** What a change does to the model: its outcome (empty: done), the model after, the outbox messages it leaves. */
    record Step(Optional<Refusal> refusal, Model after, List<OutboxMessage.Kind> messages) {
        static Step done(Model after, OutboxMessage.Kind... messages) {
            return new Step(Optional.empty(), after, List.of(messages));
        }

        static Step refused(Refusal refusal, Model model) {
            return new Step(Optional.of(refusal), model, List.of());
        }
    }

    /** One change applied to the model, for the user {@code id}. */
    static Step apply(Change change, Model m, UserId id) {
        Refusal notFound = new Refusal.NotFound("user", id.value());
        boolean pending = m.where() == Where.PENDING_ON_FIRST_INVITATION || m.where() == Where.PENDING_ON_ANOTHER;
        boolean suspended = m.where() == Where.SUSPENDED_FROM_PENDING || m.where() == Where.SUSPENDED_FROM_ACTIVE;
        // a link of a pending user stops working when the user leaves this invitation
        InvitationStanding closedLink = m.firstLink() == InvitationStanding.OPEN ? InvitationStanding.REVOKED
                : m.firstLink();
        switch (change) {
            case ACCEPT:
                if (m.firstLink() != InvitationStanding.OPEN) {
                    return Step.refused(new Refusal.InvitationClosed(m.firstLink()), m);
                }
                return Step.done(new Model(Where.ACTIVE, InvitationStanding.ALREADY_USED),
                        OutboxMessage.Kind.ACTIVATED);
            case SUSPEND_BY_PUT:
            case SUSPEND_BY_PATCH:
                if (m.where() == Where.GONE) {
                    return Step.refused(notFound, m);
                }
                if (pending) {
                    return Step.done(new Model(Where.SUSPENDED_FROM_PENDING, closedLink), OutboxMessage.Kind.SUSPENDED);
                }
                if (m.where() == Where.ACTIVE) {
                    return Step.done(new Model(Where.SUSPENDED_FROM_ACTIVE, m.firstLink()),
                            OutboxMessage.Kind.SUSPENDED);
                }
                return Step.done(m);
            case RESEND:
                if (m.where() == Where.GONE) {
                    return Step.refused(notFound, m);
                }
                if (pending) {
                    return Step.done(new Model(Where.PENDING_ON_ANOTHER, closedLink),
                            OutboxMessage.Kind.INVITATION_EMAIL);
                }
                return Step.refused(new Refusal.WrongStatus(status(m.where()), UserStatus.PENDING), m);
            case HARD_DELETE:
                if (m.where() == Where.GONE) {
                    return Step.refused(notFound, m);
                }
                return Step.done(new Model(Where.GONE, InvitationStanding.UNKNOWN), OutboxMessage.Kind.HARD_DELETED);
            case RESTORE:
                if (m.where() == Where.GONE) {
                    return Step.refused(notFound, m);
                }
                if (!suspended) {
                    return Step.refused(new Refusal.WrongStatus(status(m.where()), UserStatus.SUSPENDED), m);
                }
                if (m.where() == Where.SUSPENDED_FROM_ACTIVE) {
                    return Step.done(new Model(Where.ACTIVE, m.firstLink()), OutboxMessage.Kind.RESTORED);
                }
                return Step.done(new Model(Where.PENDING_ON_ANOTHER, m.firstLink()), OutboxMessage.Kind.RESTORED,
                        OutboxMessage.Kind.INVITATION_EMAIL);
            default:
                throw new IllegalArgumentException(change.name());
        }
    }

    private static UserStatus status(Where where) {
        switch (where) {
            case PENDING_ON_FIRST_INVITATION:
            case PENDING_ON_ANOTHER:
                return UserStatus.PENDING;
            case ACTIVE:
                return UserStatus.ACTIVE;
            case SUSPENDED_FROM_PENDING:
            case SUSPENDED_FROM_ACTIVE:
                return UserStatus.SUSPENDED;
            default:
                throw new IllegalArgumentException(where.name());
        }
    }

    /** What running {@code first} and then {@code second} from {@code start} must leave. */
    record Expected(String order, Optional<Refusal> firstOutcome, Optional<Refusal> secondOutcome, Model end,
                    List<OutboxMessage.Kind> messages) {
    }

    private static Expected inOrder(String order, Change first, Change second, Model start, UserId id) {
        Step a = apply(first, start, id);
        Step b = apply(second, a.after(), id);
        List<OutboxMessage.Kind> messages = new ArrayList<>();
        for (Step step : List.of(a, b)) {
            if (removes(step)) {
                // an erasure takes the person's undelivered messages with it: only its own event is left
                messages.clear();
            }
            messages.addAll(step.messages());
        }
        return new Expected(order, a.refusal(), b.refusal(), b.after(), messages);
    }

    private static boolean removes(Step step) {
        return step.after().where() == Where.GONE && !step.messages().isEmpty();
    }

    // ---- the race -------------------------------------------------------------------------------

    /** A fresh user ready for a round, and what the changes need prepared before the race. */
    private record Round(UserView user, InvitationId firstInvitation, String firstToken, ScimResource suspendedView,
                         Model start) {
    }

    private Round prepare(int round, boolean suspended) {
        UserView kim = provision("race-" + round + "@example.com", true);
        InvitationId first = ((Pending) kim.user().state()).invitation();
        String token = latestToken(kim);
        Model start = new Model(Where.PENDING_ON_FIRST_INVITATION, InvitationStanding.OPEN);
        if (suspended) {
            setActive(kim, false);
            start = new Model(Where.SUSPENDED_FROM_PENDING, InvitationStanding.REVOKED);
        }
        UserView now = current(kim);
        ScimResource suspendedView = ScimResource.of(now.toScim().with("active", BooleanValue.FALSE));
        return new Round(now, first, token, suspendedView, start);
    }

    private static final PatchRequest SUSPEND = PatchRequest.from(ScimJson.readObject("{\"schemas\":"
            + "[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
            + "\"path\":\"active\",\"value\":false}]}"));

    private Outcome<?> run(Change change, Round r) {
        UserId id = r.user().user().id();
        switch (change) {
            case ACCEPT:
                return provisioning.acceptInvitation().accept(r.firstToken());
            case SUSPEND_BY_PUT:
                return provisioning.replaceUser().replace(new ReplaceUser.Command(tenant, id, entra, r.suspendedView(),
                        Optional.empty()));
            case SUSPEND_BY_PATCH:
                return provisioning.patchUser().patch(new PatchUser.Command(tenant, id, entra, SUSPEND,
                        Optional.empty()));
            case RESEND:
                return provisioning.resendInvitation().resend(new ResendInvitation.Command(tenant, id, Actor.admin()));
            case HARD_DELETE:
                return provisioning.deleteUser().delete(new DeleteUser.Command(tenant, id, entra, Optional.empty()));
            case RESTORE:
                return provisioning.restoreUser().restore(new RestoreUser.Command(tenant, id, Actor.admin()));
            default:
                throw new IllegalArgumentException(change.name());
        }
    }

    /** What a change ended with: an outcome, or what it threw. */
    private record Result(Optional<Outcome<?>> outcome, Optional<Throwable> thrown) {
        Optional<Refusal> refusal() {
            return outcome.orElseThrow().fold(v -> Optional.empty(), Optional::of);
        }
    }

    private Result attempt(Change change, Round round, CountDownLatch go) {
        try {
            go.await();
            return new Result(Optional.of(run(change, round)), Optional.empty());
        } catch (Throwable e) {
            return new Result(Optional.empty(), Optional.of(e));
        }
    }

    /** Where the user and its first invitation link stand now. */
    private Model observe(Round r) {
        Optional<User> user = store.users().find(tenant, r.user().user().id());
        Where where = user.map(u -> where(u.state(), r.firstInvitation())).orElse(Where.GONE);
        InvitationStanding link = provisioning.inspectInvitation().inspect(r.firstToken())
                .fold(open -> InvitationStanding.OPEN, refusal -> ((Refusal.InvitationClosed) refusal).standing());
        return new Model(where, link);
    }

    private static Where where(UserState state, InvitationId first) {
        if (state instanceof Pending p) {
            return p.invitation().equals(first) ? Where.PENDING_ON_FIRST_INVITATION : Where.PENDING_ON_ANOTHER;
        }
        if (state instanceof Active) {
            return Where.ACTIVE;
        }
        if (state instanceof Suspended.FromPending) {
            return Where.SUSPENDED_FROM_PENDING;
        }
        if (state instanceof Suspended.FromActive) {
            return Where.SUSPENDED_FROM_ACTIVE;
        }
        throw new AssertionError("a state the race never makes: " + state);
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("pairs")
    void racingChangesEndAsIfOneRanAfterTheOther(Change one, Change other) throws Exception {
        boolean suspendedStart = one == Change.RESTORE || other == Change.RESTORE;
        List<String> ordersSeen = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Round r = prepare(round, suspendedStart);
            int messagesBefore = outbox(r.user()).size();
            CountDownLatch go = new CountDownLatch(1);
            Future<Result> first = pool.submit(() -> attempt(one, r, go));
            Future<Result> second = pool.submit(() -> attempt(other, r, go));
            go.countDown();
            Result a = first.get(60, TimeUnit.SECONDS);
            Result b = second.get(60, TimeUnit.SECONDS);

            String where = one + " against " + other + ", round " + round;
            assertThat(a.thrown()).as("%s: %s threw", where, one).isEmpty();
            assertThat(b.thrown()).as("%s: %s threw", where, other).isEmpty();
            UserId id = r.user().user().id();
            Model end = observe(r);
            // a removal erased the messages from before the race too
            List<OutboxMessage.Kind> left = outbox(r.user()).stream()
                    .skip(end.where() == Where.GONE ? 0 : messagesBefore).map(OutboxMessage::kind).toList();
            Expected actual = new Expected("actual", a.refusal(), b.refusal(), end, left);
            Expected oneFirst = inOrder(one + " first", one, other, r.start(), id);
            Expected twoFirst = inOrder(other + " first", other, one, r.start(), id);
            Expected twoFirstSwapped = new Expected(twoFirst.order(), twoFirst.secondOutcome(),
                    twoFirst.firstOutcome(), twoFirst.end(), twoFirst.messages());

            Optional<Expected> matched = Stream.of(oneFirst, twoFirstSwapped).filter(e -> sameAs(actual, e)).findFirst();
            assertThat(matched).as("%s ended as %s, which is neither %s nor %s", where, actual, oneFirst,
                    twoFirstSwapped).isPresent();
            ordersSeen.add(matched.get().order());
        }
        assertThat(ordersSeen).hasSize(ROUNDS);
    }

    private static boolean sameAs(Expected actual, Expected expected) {
        return actual.firstOutcome().equals(expected.firstOutcome())
                && actual.secondOutcome().equals(expected.secondOutcome())
                && actual.end().equals(expected.end())
                && actual.messages().equals(expected.messages());
    }
}
