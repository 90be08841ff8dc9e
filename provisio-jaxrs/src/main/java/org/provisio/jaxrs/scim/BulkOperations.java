package org.provisio.jaxrs.scim;

import java.util.OptionalLong;
import java.util.UUID;
import org.provisio.domain.model.Actor;
import org.provisio.domain.model.GroupId;
import org.provisio.domain.model.TenantId;
import org.provisio.domain.model.UserId;
import org.provisio.domain.model.Version;
import org.provisio.domain.usecase.CreateGroup;
import org.provisio.domain.usecase.DeleteGroup;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.GroupView;
import org.provisio.domain.usecase.PatchGroup;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.ReplaceGroup;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.RequestConformance;
import org.provisio.domain.usecase.UserView;
import org.provisio.scim.bulk.BulkJob;
import org.provisio.scim.bulk.BulkOperation;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.message.ErrorResponse;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.resource.ScimResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one bulk operation exactly as {@link UsersResource} or {@link GroupsResource} runs its single
 * request: the same use case and command, the bulk's {@code version} as {@code If-Match}, refusals
 * mapped by {@link ScimRequests#done}, and the status the single request answers (201 for a POST, 200
 * for a PUT and a user's PATCH, 204 for a group's PATCH and a DELETE).
 */
final class BulkOperations implements BulkJob.Executor {
    private static final Logger LOG = LoggerFactory.getLogger(BulkOperations.class);

    private final UsersResource.UseCases users;
    private final GroupsResource.UseCases groups;
    private final TenantId tenant;
    private final Actor actor;
    private final RequestConformance conformance;

    BulkOperations(UsersResource.UseCases users, GroupsResource.UseCases groups, TenantId tenant, Actor actor,
                   RequestConformance conformance) {
        this.users = users;
        this.groups = groups;
        this.tenant = tenant;
        this.actor = actor;
        this.conformance = conformance;
    }

    /** Runs one operation; its refusal is noted for the tenant's deviation report, as a single request's is. */
    @Override
    public BulkJob.Done execute(BulkOperation op) {
        try {
            return switch (op.path().endpoint()) {
                case "Users" -> user(op);
                case "Groups" -> group(op);
                default -> throw new IllegalArgumentException("BulkResource admits no endpoint "
                        + op.path().endpoint());
            };
        } catch (ScimException e) {
            conformance.refused(e);
            throw e;
        }
    }

    private BulkJob.Done user(BulkOperation op) {
        return switch (op.method()) {
            case POST -> done(201, ScimRequests.done(users.provision().provision(
                    new ProvisionUser.Command(tenant, actor, resource(op), conformance))));
            case PUT -> done(200, ScimRequests.done(users.replace().replace(
                    new ReplaceUser.Command(tenant, userId(op), actor, resource(op), ScimRequests.ifMatch(version(op)),
                            conformance))));
            case PATCH -> {
                PatchRequest patch = PatchRequest.from(op.data().orElseThrow(), conformance);
                yield done(200, ScimRequests.done(users.patch().patch(new PatchUser.Command(tenant, userId(op), actor,
                        patch, ScimRequests.ifMatch(version(op)), conformance))));
            }
            case DELETE -> {
                UserId id = ScimRequests.done(users.delete().delete(
                        new DeleteUser.Command(tenant, userId(op), actor, ScimRequests.ifMatch(version(op)))));
                yield new BulkJob.Done(204, id.value(), OptionalLong.empty());
            }
        };
    }

    private BulkJob.Done group(BulkOperation op) {
        return switch (op.method()) {
            case POST -> done(201, ScimRequests.done(groups.create().create(
                    new CreateGroup.Command(tenant, actor, resource(op), conformance))));
            case PUT -> done(200, ScimRequests.done(groups.replace().replace(
                    new ReplaceGroup.Command(tenant, groupId(op), actor, resource(op), ScimRequests.ifMatch(version(op)),
                            conformance))));
            case PATCH -> {
                PatchRequest patch = PatchRequest.from(op.data().orElseThrow(), conformance);
                // as a single PATCH without attributes=: 204 with the new version, members neither read nor sent
                yield done(204, ScimRequests.done(groups.patch().patch(new PatchGroup.Command(tenant, groupId(op), actor,
                        patch, ScimRequests.ifMatch(version(op)), false, conformance))));
            }
            case DELETE -> {
                GroupId id = ScimRequests.done(groups.delete().delete(
                        new DeleteGroup.Command(tenant, groupId(op), actor, ScimRequests.ifMatch(version(op)))));
                yield new BulkJob.Done(204, id.value(), OptionalLong.empty());
            }
        };
    }

    /** Logged with an incident id, as {@code UnexpectedExceptionMapper} does for a single request. */
    @Override
    public ErrorResponse unexpected(BulkOperation op, RuntimeException e) {
        String incident = UUID.randomUUID().toString();
        LOG.error("Unexpected error in bulk operation {} {}, incident {}", op.method(), op.path().endpoint(), incident, e);
        return new ErrorResponse(500, null, "Internal server error; incident " + incident);
    }

    private static ScimResource resource(BulkOperation op) {
        return ScimResource.of(op.data().orElseThrow());
    }

    private static String version(BulkOperation op) {
        return op.version().orElse(null);
    }

    private static UserId userId(BulkOperation op) {
        return ScimRequests.userId(op.path().id().orElseThrow());
    }

    private static GroupId groupId(BulkOperation op) {
        return ScimRequests.groupId(op.path().id().orElseThrow());
    }

    private static BulkJob.Done done(int status, UserView view) {
        return new BulkJob.Done(status, view.user().id().value(), versionOf(view.version()));
    }

    private static BulkJob.Done done(int status, GroupView view) {
        return new BulkJob.Done(status, view.group().id().value(), versionOf(view.version()));
    }

    private static OptionalLong versionOf(Version version) {
        return OptionalLong.of(version.value());
    }
}
