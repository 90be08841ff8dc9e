package org.provisio.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.unboundid.scim2.common.utils.JsonUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.provisio.scim.json.ScimJson;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.resource.DateTimeValue;
import org.provisio.scim.resource.ReferenceValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * Realistic users, the same for both libraries: each is generated once as JSON text, then read by
 * Provisio (validated against the User schema, with the server-set {@code id} and {@code meta} kept
 * as a repository stores them) and by Jackson into the {@link ObjectNode}s UnboundID works on.
 */
final class SampleData {
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static final String[] GIVEN = {"Barbara", "John", "Kim", "Aisha", "Wei", "Lars", "Maria", "Pedro",
        "Fatima", "Olga", "Kenji", "Chloe", "Noah", "Priya", "Tomasz", "Amara"};
    private static final String[] FAMILY = {"Jensen", "Smith", "O'Malley", "Garcia", "Nguyen", "Müller", "Rossi",
        "Kowalski", "Tanaka", "Okafor", "Dubois", "Haddad", "Silva", "Novak", "Andersen", "Cohen"};
    private static final String[] TITLES = {"Engineer", "Senior Engineer", "Manager", "Senior Manager", "Analyst",
        "Tour Guide", "Director", "Intern"};
    private static final String[] DEPARTMENTS = {"Sales", "Engineering", "Tour Operations", "Finance", "Support",
        "Marketing"};
    private static final Instant EPOCH = Instant.parse("2020-01-01T00:00:00Z");

    private SampleData() {
    }

    /** The JSON of {@code count} users, deterministic. */
    static List<String> usersJson(int count) {
        Random random = new Random(42);
        List<String> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(userJson(i, random));
        }
        return users;
    }

    static String userName(int i) {
        return GIVEN[i % GIVEN.length].toLowerCase(Locale.ROOT) + "." + i + "@example.com";
    }

    private static String userJson(int i, Random random) {
        String given = GIVEN[i % GIVEN.length];
        String family = FAMILY[random.nextInt(FAMILY.length)];
        String id = new UUID(random.nextLong(), random.nextLong()).toString();
        String workDomain = random.nextInt(4) == 0 ? "@example.org" : "@example.com";
        Instant created = EPOCH.plus(random.nextInt(4 * 365), ChronoUnit.DAYS).plusSeconds(random.nextInt(86_400));
        Instant modified = created.plus(random.nextInt(2 * 365), ChronoUnit.DAYS);
        StringBuilder sb = new StringBuilder(1024);
        sb.append("{\"schemas\":[\"").append(CORE).append("\",\"").append(ENTERPRISE).append("\"],")
                .append("\"id\":\"").append(id).append("\",")
                .append("\"externalId\":\"").append(new UUID(random.nextLong(), random.nextLong())).append("\",")
                .append("\"userName\":\"").append(userName(i)).append("\",")
                .append("\"name\":{\"formatted\":\"").append(given).append(' ').append(json(family))
                .append("\",\"familyName\":\"").append(json(family)).append("\",\"givenName\":\"").append(given)
                .append("\"},")
                .append("\"displayName\":\"").append(given).append(' ').append(json(family)).append("\",");
        if (random.nextInt(3) == 0) {
            sb.append("\"nickName\":\"").append(given, 0, 3).append("\",");
        }
        sb.append("\"title\":\"").append(TITLES[random.nextInt(TITLES.length)]).append("\",")
                .append("\"userType\":\"Employee\",")
                .append("\"preferredLanguage\":\"en-US\",\"locale\":\"en-US\",\"timezone\":\"Europe/Berlin\",")
                .append("\"active\":").append(random.nextInt(10) != 0).append(',')
                .append("\"emails\":[{\"value\":\"").append(given.toLowerCase(Locale.ROOT)).append('.').append(i)
                .append(workDomain).append("\",\"type\":\"work\",\"primary\":true}");
        if (random.nextBoolean()) {
            sb.append(",{\"value\":\"").append(given.toLowerCase(Locale.ROOT)).append(i)
                    .append("@home.example.net\",\"type\":\"home\"}");
        }
        sb.append("],\"phoneNumbers\":[{\"value\":\"+1 555 ").append(1000 + random.nextInt(9000))
                .append("\",\"type\":\"work\"}],")
                .append("\"addresses\":[{\"type\":\"work\",\"streetAddress\":\"").append(1 + random.nextInt(999))
                .append(" Universal City Plaza\",\"locality\":\"Hollywood\",\"region\":\"CA\",")
                .append("\"postalCode\":\"91608\",\"country\":\"US\",\"primary\":true}],")
                .append("\"meta\":{\"resourceType\":\"User\",\"created\":\"").append(created)
                .append("\",\"lastModified\":\"").append(modified)
                .append("\",\"location\":\"https://example.com/v2/Users/").append(id)
                .append("\",\"version\":\"W/\\\"").append(Integer.toHexString(random.nextInt())).append("\\\"\"},")
                .append('"').append(ENTERPRISE).append("\":{\"employeeNumber\":\"").append(100_000 + i)
                .append("\",\"costCenter\":\"CC-").append(random.nextInt(50)).append("\",\"organization\":\"Example\",")
                .append("\"department\":\"").append(DEPARTMENTS[random.nextInt(DEPARTMENTS.length)]).append("\",")
                .append("\"manager\":{\"value\":\"").append(new UUID(random.nextLong(), random.nextLong()))
                .append("\"}}}");
        return sb.toString();
    }

    private static String json(String s) {
        return s.replace("\"", "\\\"");
    }

    /** A user as Provisio stores it: validated, typed, with the server-set {@code id} and {@code meta}. */
    static ComplexValue provisio(String json, SchemaValidator validator) {
        ComplexValue raw = ScimJson.readObject(json);
        ComplexValue meta = raw.getComplex("meta").orElseThrow();
        return validator.validate(raw)
                .with("id", raw.getOrNull("id"))
                .with("meta", ComplexValue.builder()
                        .put("resourceType", "User")
                        .put("created", date(meta, "created"))
                        .put("lastModified", date(meta, "lastModified"))
                        .put("location", new ReferenceValue(meta.getText("location").orElseThrow()))
                        .put("version", StringValue.of(meta.getText("version").orElseThrow()))
                        .build());
    }

    private static DateTimeValue date(ComplexValue meta, String name) {
        return DateTimeValue.parse(meta.getText(name).orElseThrow()).orElseThrow();
    }

    static List<ComplexValue> provisioUsers(List<String> json) {
        SchemaValidator validator = new SchemaValidator(ResourceSchema.user());
        List<ComplexValue> out = new ArrayList<>(json.size());
        json.forEach(j -> out.add(provisio(j, validator)));
        return out;
    }

    static ObjectNode unboundId(String json) {
        try {
            return (ObjectNode) JsonUtils.getObjectReader().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ObjectNode> unboundIdUsers(List<String> json) {
        List<ObjectNode> out = new ArrayList<>(json.size());
        json.forEach(j -> out.add(unboundId(j)));
        return out;
    }
}
