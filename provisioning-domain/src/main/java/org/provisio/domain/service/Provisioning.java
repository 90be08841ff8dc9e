package org.provisio.domain.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import org.provisio.domain.model.AuditRetention;
import org.provisio.domain.model.InvitationTtl;
import org.provisio.domain.model.ResourceLimits;
import org.provisio.domain.model.Retention;
import org.provisio.domain.port.CredentialCache;
import org.provisio.domain.port.IdGenerator;
import org.provisio.domain.port.JobObserver;
import org.provisio.domain.port.MessageSender;
import org.provisio.domain.port.Store;
import org.provisio.domain.usecase.AcceptInvitation;
import org.provisio.domain.usecase.AdminKeys;
import org.provisio.domain.usecase.AuthenticateCredential;
import org.provisio.domain.usecase.CheckConformance;
import org.provisio.domain.usecase.CreateGroup;
import org.provisio.domain.usecase.CreateTenant;
import org.provisio.domain.usecase.DeleteGroup;
import org.provisio.domain.usecase.DeleteUser;
import org.provisio.domain.usecase.DispatchOutbox;
import org.provisio.domain.usecase.ExportUser;
import org.provisio.domain.usecase.GetGroup;
import org.provisio.domain.usecase.GetUser;
import org.provisio.domain.usecase.InspectInvitation;
import org.provisio.domain.usecase.IssueCredential;
import org.provisio.domain.usecase.KeptReads;
import org.provisio.domain.usecase.ListCredentials;
import org.provisio.domain.usecase.ListTenants;
import org.provisio.domain.usecase.ListUsersByStatus;
import org.provisio.domain.usecase.OutboxStatus;
import org.provisio.domain.usecase.PatchGroup;
import org.provisio.domain.usecase.PatchUser;
import org.provisio.domain.usecase.ProvisionUser;
import org.provisio.domain.usecase.PurgeAuditLog;
import org.provisio.domain.usecase.PurgeExpiredUsers;
import org.provisio.domain.usecase.QueryGroups;
import org.provisio.domain.usecase.QueryUsers;
import org.provisio.domain.usecase.ReadAuditLog;
import org.provisio.domain.usecase.ReadDeviations;
import org.provisio.domain.usecase.RecordCredentialUses;
import org.provisio.domain.usecase.RecordDeviations;
import org.provisio.domain.usecase.ReplaceGroup;
import org.provisio.domain.usecase.ReplaceUser;
import org.provisio.domain.usecase.RequeueParkedMessage;
import org.provisio.domain.usecase.ResendInvitation;
import org.provisio.domain.usecase.RestoreUser;
import org.provisio.domain.usecase.RevokeCredential;
import org.provisio.domain.usecase.UpdateTenant;
import org.provisio.scim.schema.SchemaRegistry;

/**
 * The provisioning domain wired over one {@link Store}: every use case, ready for an HTTP edge
 * or an embedding product.
 *
 * <pre>{@code
 * Provisioning provisioning = Provisioning.builder(InMemoryStore.create())
 *     .clock(Clock.systemUTC()).retention(Retention.parse("P30D")).build();
 * UserView user = provisioning.provisionUser().provision(new ProvisionUser.Command(tenant, actor, resource));
 * }</pre>
 */
public final class Provisioning {
    private final Context ctx;
    private final TenantService tenants;
    private final CredentialService credentials;
    private final UserService users;
    private final LifecycleService lifecycle;
    private final GroupService groups;
    private final PersonalDataService personalData;
    private final DeviationService deviations;
    private final int outboxMaxAttempts;
    private final Cursors cursors;
    private final JobObserver jobObserver;

    private Provisioning(Context ctx, CredentialCache credentialCache, int outboxMaxAttempts,
                         AuditRetention auditRetention, Cursors cursors, JobObserver jobObserver) {
        this.ctx = ctx;
        this.cursors = cursors;
        EffectRecorder recorder = new EffectRecorder(ctx);
        UserRecords records = new UserRecords(ctx, recorder);
        this.tenants = new TenantService(ctx, recorder);
        this.credentials = new CredentialService(ctx, recorder, credentialCache);
        this.users = new UserService(ctx, records, recorder);
        this.lifecycle = new LifecycleService(ctx, records, jobObserver);
        this.groups = new GroupService(ctx, recorder);
        this.personalData = new PersonalDataService(ctx, records, auditRetention);
        this.deviations = new DeviationService(ctx);
        this.outboxMaxAttempts = outboxMaxAttempts;
        this.jobObserver = jobObserver;
    }

    public static Builder builder(Store store) {
        return new Builder(store);
    }

    public CreateTenant createTenant() {
        return tenants;
    }

    public ListTenants listTenants() {
        return tenants;
    }

    public UpdateTenant updateTenant() {
        return tenants;
    }

    public ReadAuditLog readAuditLog() {
        return tenants;
    }

    public IssueCredential issueCredential() {
        return credentials;
    }

    public ListCredentials listCredentials() {
        return credentials;
    }

    public RevokeCredential revokeCredential() {
        return credentials;
    }

    public AuthenticateCredential authenticateCredential() {
        return credentials;
    }

    /** Stores the credential uses authentication noted; run it every few seconds and at shutdown. */
    public RecordCredentialUses recordCredentialUses() {
        return credentials;
    }

    /** Holds a SCIM request to its tenant's conformance profile and notes its deviations. */
    public CheckConformance checkConformance() {
        return deviations;
    }

    /** Stores the deviations requests were noted with; run it every few seconds and at shutdown. */
    public RecordDeviations recordDeviations() {
        return deviations;
    }

    /** A tenant's client-deviation report. */
    public ReadDeviations readDeviations() {
        return deviations;
    }

    public ProvisionUser provisionUser() {
        return users;
    }

    public ReplaceUser replaceUser() {
        return users;
    }

    /** The schemas this domain validates against; the discovery endpoints advertise them. */
    public SchemaRegistry schemas() {
        return ctx.schemas;
    }

    public PatchUser patchUser() {
        return users;
    }

    public GetUser getUser() {
        return users;
    }

    public QueryUsers queryUsers() {
        return users;
    }

    /**
     * The RFC 9865 cursors of user and group queries: a client's {@code cursor} opened into a
     * {@link org.provisio.domain.model.KeysetRequest}, a page's next key sealed into its {@code nextCursor}.
     */
    public Cursors cursors() {
        return cursors;
    }

    public DeleteUser deleteUser() {
        return users;
    }

    public ListUsersByStatus listUsersByStatus() {
        return users;
    }

    public CreateGroup createGroup() {
        return groups;
    }

    public GetGroup getGroup() {
        return groups;
    }

    public QueryGroups queryGroups() {
        return groups;
    }

    public ReplaceGroup replaceGroup() {
        return groups;
    }

    public PatchGroup patchGroup() {
        return groups;
    }

    public DeleteGroup deleteGroup() {
        return groups;
    }

    public InspectInvitation inspectInvitation() {
        return lifecycle;
    }

    public AcceptInvitation acceptInvitation() {
        return lifecycle;
    }

    public ResendInvitation resendInvitation() {
        return lifecycle;
    }

    public RestoreUser restoreUser() {
        return lifecycle;
    }

    /** The outbox dispatcher that delivers through {@code sender}. */
    public DispatchOutbox dispatchOutbox(MessageSender sender) {
        return dispatchOutbox(sender, () -> false);
    }

    /**
     * The outbox dispatcher that delivers through {@code sender} and, once {@code stopping} says so,
     * stops between two messages, handing back at once what it claimed and did not try.
     */
    public DispatchOutbox dispatchOutbox(MessageSender sender, BooleanSupplier stopping) {
        return new OutboxService(ctx, sender, outboxMaxAttempts, Objects.requireNonNull(stopping, "stopping"),
                jobObserver);
    }

    /** The outbox's depth and parked messages, for monitoring. */
    public OutboxStatus outboxStatus() {
        return new OutboxStatusService(ctx);
    }

    /** How the SCIM reads kept in memory fare (hits, misses, how full), for monitoring. */
    public KeptReads keptReads() {
        return ctx.keptReads();
    }

    /** Gives a parked outbox message another chance. */
    public RequeueParkedMessage requeueParkedMessage() {
        return new OutboxStatusService(ctx);
    }

    /** Organization admin keys: issue, list, revoke, authenticate. */
    public AdminKeys adminKeys() {
        return credentials;
    }

    public PurgeExpiredUsers purgeExpiredUsers() {
        return lifecycle;
    }

    /** Removes audit entries older than the audit retention; the jobs run it with the retention purge. */
    public PurgeAuditLog purgeAuditLog() {
        return personalData;
    }

    /** Everything held on one person, for an access request. */
    public ExportUser exportUser() {
        return personalData;
    }

    /**
     * Builds a {@link Provisioning}; defaults: system UTC clock, time-ordered UUIDs, 30 days retention, 400 days
     * of audit log, 7 days invitations, batches of 100.
     */
    public static final class Builder {
        private final Store store;
        private Clock clock = Clock.systemUTC();
        private IdGenerator ids = IdGenerator.timeOrdered();
        private Retention retention = Retention.DEFAULT;
        private InvitationTtl invitationTtl = InvitationTtl.DEFAULT;
        private int purgeBatchSize = 100;
        private SchemaRegistry schemas = SchemaRegistry.defaults();
        private int outboxMaxAttempts = 12;
        private CredentialCache credentialCache = CredentialCache.none();
        private ResourceLimits limits = ResourceLimits.DEFAULT;
        private AuditRetention auditRetention = AuditRetention.DEFAULT;
        private JobObserver jobObserver = JobObserver.NONE;
        private java.time.Duration cursorTimeout = Cursors.DEFAULT_TIMEOUT;
        private byte[] cursorSecret;

        private Builder(Store store) {
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder clock(Clock value) {
            this.clock = Objects.requireNonNull(value, "clock");
            return this;
        }

        public Builder ids(IdGenerator value) {
            this.ids = Objects.requireNonNull(value, "ids");
            return this;
        }

        public Builder retention(Retention value) {
            this.retention = Objects.requireNonNull(value, "retention");
            return this;
        }

        /** How long audit entries are kept (default {@link AuditRetention#DEFAULT}, 400 days). */
        public Builder auditRetention(AuditRetention value) {
            this.auditRetention = Objects.requireNonNull(value, "auditRetention");
            return this;
        }

        public Builder invitationTtl(InvitationTtl value) {
            this.invitationTtl = Objects.requireNonNull(value, "invitationTtl");
            return this;
        }

        /**
         * The schemas users and groups are validated against: {@link SchemaRegistry#defaults()}, or a
         * registry with the product's own extension schemas (it must still define the User and Group
         * resource types). Attributes of unknown extensions are dropped; registered ones are kept.
         */
        public Builder schemas(SchemaRegistry registry) {
            Objects.requireNonNull(registry, "registry");
            registry.resourceSchema("User");
            registry.resourceSchema("Group");
            this.schemas = registry;
            return this;
        }

        /**
         * Where verified credentials are kept between requests (see {@link CredentialCache}); by
         * default none, so that every SCIM request reads its credential from the store.
         */
        public Builder credentialCache(CredentialCache value) {
            this.credentialCache = Objects.requireNonNull(value, "credentialCache");
            return this;
        }

        /** What one user may hold (default {@link ResourceLimits#DEFAULT}). */
        public Builder limits(ResourceLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** How long an RFC 9865 cursor stays valid (default {@link Cursors#DEFAULT_TIMEOUT}, an hour). */
        public Builder cursorTimeout(java.time.Duration value) {
            this.cursorTimeout = Cursors.requirePositive(Objects.requireNonNull(value, "cursorTimeout"));
            return this;
        }

        /**
         * The secret cursors are sealed with (at least 16 bytes): give every instance that serves one
         * database the same, so that a cursor one issued is good at another. By default each process
         * draws its own, and its cursors end with it.
         */
        public Builder cursorSecret(byte[] value) {
            Objects.requireNonNull(value, "cursorSecret");
            if (value.length < 16) {
                throw new IllegalArgumentException("a cursor secret has at least 16 bytes");
            }
            this.cursorSecret = value.clone();
            return this;
        }

        /**
         * Told what the retention purge and the outbox dispatchers of this domain did, for metrics
         * (see {@link JobObserver}); by default {@link JobObserver#NONE}.
         */
        public Builder jobObserver(JobObserver value) {
            this.jobObserver = Objects.requireNonNull(value, "jobObserver");
            return this;
        }

        /** How many users one purge transaction handles at most. */
        public Builder purgeBatchSize(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("purgeBatchSize must be positive");
            }
            this.purgeBatchSize = value;
            return this;
        }

        /**
         * After how many failed delivery attempts an outbox message is parked (default 12: with
         * the backoff of {@link DispatchOutbox}, about three and a half hours of retries).
         */
        public Builder outboxMaxAttempts(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("outboxMaxAttempts must be positive");
            }
            this.outboxMaxAttempts = value;
            return this;
        }

        public Provisioning build() {
            SecureRandom random = new SecureRandom();
            byte[] secret = cursorSecret;
            if (secret == null) {
                secret = new byte[32];
                random.nextBytes(secret);
            }
            return new Provisioning(new Context(store, clock, ids, retention, invitationTtl, purgeBatchSize, schemas,
                    limits, random), credentialCache, outboxMaxAttempts, auditRetention,
                    new Cursors(clock, cursorTimeout, secret, random), jobObserver);
        }
    }
}
