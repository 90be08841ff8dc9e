package org.provisio.benchmarks;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.GenericScimResource;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.patch.PatchEngine;
import org.provisio.scim.patch.PatchRequest;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * A typical Entra ID PATCH applied to one realistic user, the body given as the same UTF-8 bytes to
 * both libraries.
 *
 * <p>{@code parseAndApply} measures what a server does per request: read the body, build the
 * request, apply it. {@code apply} measures the engine alone on an already parsed request.
 * UnboundID mutates its resource in place, so its side includes the {@code deepCopy} that keeps the
 * stored resource intact; Provisio's resources are immutable and need none. Provisio's side also
 * re-validates the whole result against the User schema (types, required, immutable), which
 * UnboundID does not do.
 *
 * <p>Provisio's engine is given the writable view of the user (without the server-set {@code id} and
 * {@code meta}), as the reference server does; UnboundID gets the whole stored JSON.
 *
 * <p>The body uses only what both libraries understand: Entra's tolerances that UnboundID cannot
 * express (dotted keys such as {@code name.givenName} in a path-less value map, {@code "False"} for a
 * boolean) are replaced by their standard equivalents (a {@code name.givenName} path, {@code false}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PatchBenchmark {
    static final String BODY = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
            + "{\"op\":\"replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"barbara.new@example.com\"},"
            + "{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Barbara\"},"
            + "{\"op\":\"replace\",\"path\":\"active\",\"value\":false},"
            + "{\"op\":\"replace\",\"value\":{\"displayName\":\"Barbara Jensen\",\"title\":\"Senior Tour Guide\","
            + "\"" + SampleData.ENTERPRISE + "\":{\"department\":\"Tour Operations\","
            + "\"manager\":{\"value\":\"26118915-6090-4610-87e4-49d8ca9f808d\"}}}}]}";

    private byte[] body;
    private ComplexValue ours;
    private PatchEngine engine;
    private PatchRequest ourRequest;
    private ObjectNode theirs;
    private ObjectReader theirReader;
    private com.unboundid.scim2.common.messages.PatchRequest theirRequest;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String user = SampleData.usersJson(43).get(42);
        body = BODY.getBytes(StandardCharsets.UTF_8);
        // The engine works on the writable view (RFC 7643 §2.2: id and meta are the server's), as the server passes it.
        ours = new SchemaValidator(ResourceSchema.user()).validate(ScimJson.readObject(user));
        engine = new PatchEngine(ResourceSchema.user());
        ourRequest = PatchRequest.from(ScimJson.readObject(body));
        theirs = SampleData.unboundId(user);
        theirReader = JsonUtils.getObjectReader().forType(com.unboundid.scim2.common.messages.PatchRequest.class);
        theirRequest = theirReader.readValue(body);
        System.out.println("\nprovisio:  " + ScimJson.writeString(parseAndApplyProvisio()));
        System.out.println("unboundid: " + parseAndApplyUnboundid().getObjectNode());
    }

    @Benchmark
    public ComplexValue parseAndApplyProvisio() {
        return engine.apply(ours, PatchRequest.from(ScimJson.readObject(body)));
    }

    @Benchmark
    public GenericScimResource parseAndApplyUnboundid() throws Exception {
        com.unboundid.scim2.common.messages.PatchRequest request = theirReader.readValue(body);
        GenericScimResource copy = new GenericScimResource(theirs.deepCopy());
        request.apply(copy);
        return copy;
    }

    @Benchmark
    public ComplexValue applyProvisio() {
        return engine.apply(ours, ourRequest);
    }

    @Benchmark
    public GenericScimResource applyUnboundid() throws Exception {
        GenericScimResource copy = new GenericScimResource(theirs.deepCopy());
        theirRequest.apply(copy);
        return copy;
    }
}
