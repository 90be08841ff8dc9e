package org.provisio.scim.schema;

import static org.provisio.scim.schema.AttributeType.BINARY;
import static org.provisio.scim.schema.AttributeType.BOOLEAN;
import static org.provisio.scim.schema.AttributeType.COMPLEX;
import static org.provisio.scim.schema.AttributeType.DATE_TIME;
import static org.provisio.scim.schema.AttributeType.REFERENCE;
import static org.provisio.scim.schema.AttributeType.STRING;

import java.util.List;

/**
 * The schemas RFC 7643 defines: the common attributes (§3.1), User (§4.1), Group (§4.2) and
 * the Enterprise User extension (§4.3), attribute for attribute as in RFC 7643 §8.7.1, and the
 * {@code User} and {@code Group} resource types.
 */
public final class CoreSchemas {
    public static final String USER_URN = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP_URN = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE_USER_URN = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** The attributes every resource has (RFC 7643 §3.1), not part of any schema's attribute list. */
    public static final List<AttributeDefinition> COMMON_ATTRIBUTES = List.of(
            AttributeDefinition.builder("id", STRING).caseExact().mutability(Mutability.READ_ONLY)
                    .returned(Returned.ALWAYS).uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier for the SCIM resource as defined by the service provider.").build(),
            AttributeDefinition.builder("externalId", STRING).caseExact()
                    .description("Identifier of the resource as defined by the provisioning client.").build(),
            AttributeDefinition.builder("schemas", REFERENCE).multiValued().required().caseExact()
                    .returned(Returned.ALWAYS).referenceTypes("uri")
                    .description("The schema URIs of the resource.").build(),
            AttributeDefinition.builder("meta", COMPLEX).mutability(Mutability.READ_ONLY)
                    .description("Resource metadata.")
                    .subAttributes(
                            AttributeDefinition.builder("resourceType", STRING).caseExact()
                                    .mutability(Mutability.READ_ONLY).build(),
                            AttributeDefinition.builder("created", DATE_TIME).mutability(Mutability.READ_ONLY).build(),
                            AttributeDefinition.builder("lastModified", DATE_TIME).mutability(Mutability.READ_ONLY).build(),
                            AttributeDefinition.builder("location", REFERENCE).caseExact()
                                    .mutability(Mutability.READ_ONLY).referenceTypes("uri").build(),
                            AttributeDefinition.builder("version", STRING).caseExact()
                                    .mutability(Mutability.READ_ONLY).build())
                    .build());

    public static final Schema USER = new Schema(USER_URN, "User", "User Account", List.of(
            AttributeDefinition.builder("userName", STRING).required().uniqueness(Uniqueness.SERVER)
                    .description("Unique identifier for the User, typically used by the user to directly authenticate.")
                    .build(),
            AttributeDefinition.builder("name", COMPLEX)
                    .description("The components of the user's real name.")
                    .subAttributes(
                            str("formatted"), str("familyName"), str("givenName"), str("middleName"),
                            str("honorificPrefix"), str("honorificSuffix"))
                    .build(),
            str("displayName"),
            str("nickName"),
            ref("profileUrl", "external"),
            str("title"),
            str("userType"),
            str("preferredLanguage"),
            str("locale"),
            str("timezone"),
            AttributeDefinition.builder("active", BOOLEAN).description("The user's administrative status.").build(),
            AttributeDefinition.builder("password", STRING).mutability(Mutability.WRITE_ONLY)
                    .returned(Returned.NEVER).description("The user's cleartext password.").build(),
            multi("emails", STRING, "work", "home", "other"),
            multi("phoneNumbers", STRING, "work", "home", "mobile", "fax", "pager", "other"),
            multi("ims", STRING, "aim", "gtalk", "icq", "xmpp", "msn", "skype", "qq", "yahoo"),
            multiRef("photos", "photo", "thumbnail"),
            AttributeDefinition.builder("addresses", COMPLEX).multiValued()
                    .description("A physical mailing address for this User.")
                    .subAttributes(
                            str("formatted"), str("streetAddress"), str("locality"), str("region"),
                            str("postalCode"), str("country"),
                            AttributeDefinition.builder("type", STRING).canonicalValues("work", "home", "other").build(),
                            AttributeDefinition.builder("primary", BOOLEAN).build())
                    .build(),
            AttributeDefinition.builder("groups", COMPLEX).multiValued().mutability(Mutability.READ_ONLY)
                    .description("A list of groups to which the user belongs.")
                    .subAttributes(
                            AttributeDefinition.builder("value", STRING).mutability(Mutability.READ_ONLY).build(),
                            AttributeDefinition.builder("$ref", REFERENCE).mutability(Mutability.READ_ONLY)
                                    .referenceTypes("User", "Group").build(),
                            AttributeDefinition.builder("display", STRING).mutability(Mutability.READ_ONLY).build(),
                            AttributeDefinition.builder("type", STRING).mutability(Mutability.READ_ONLY)
                                    .canonicalValues("direct", "indirect").build())
                    .build(),
            multi("entitlements", STRING),
            multi("roles", STRING),
            AttributeDefinition.builder("x509Certificates", COMPLEX).multiValued()
                    .description("A list of certificates issued to the User.")
                    .subAttributes(
                            // RFC 7643 §2.3.6: "A binary is case exact".
                            AttributeDefinition.builder("value", BINARY).caseExact().build(),
                            str("display"), str("type"),
                            AttributeDefinition.builder("primary", BOOLEAN).build())
                    .build()));

    public static final Schema GROUP = new Schema(GROUP_URN, "Group", "Group", List.of(
            AttributeDefinition.builder("displayName", STRING).required()
                    .description("A human-readable name for the Group.").build(),
            AttributeDefinition.builder("members", COMPLEX).multiValued()
                    .description("A list of members of the Group.")
                    .subAttributes(
                            AttributeDefinition.builder("value", STRING).mutability(Mutability.IMMUTABLE).build(),
                            AttributeDefinition.builder("$ref", REFERENCE).mutability(Mutability.IMMUTABLE)
                                    .referenceTypes("User", "Group").build(),
                            AttributeDefinition.builder("display", STRING).mutability(Mutability.READ_ONLY).build(),
                            AttributeDefinition.builder("type", STRING).mutability(Mutability.IMMUTABLE)
                                    .canonicalValues("User", "Group").build())
                    .build()));

    public static final Schema ENTERPRISE_USER = new Schema(ENTERPRISE_USER_URN, "EnterpriseUser",
            "Enterprise User", List.of(
            str("employeeNumber"),
            str("costCenter"),
            str("organization"),
            str("division"),
            str("department"),
            AttributeDefinition.builder("manager", COMPLEX)
                    .description("The User's manager.")
                    .subAttributes(
                            str("value"),
                            AttributeDefinition.builder("$ref", REFERENCE).referenceTypes("User").build(),
                            AttributeDefinition.builder("displayName", STRING).mutability(Mutability.READ_ONLY).build())
                    .build()));

    public static final ResourceType USER_RESOURCE_TYPE = new ResourceType("User", "User", "/Users",
            "User Account", USER_URN, List.of(new SchemaExtension(ENTERPRISE_USER_URN, false)));

    public static final ResourceType GROUP_RESOURCE_TYPE = new ResourceType("Group", "Group", "/Groups",
            "Group", GROUP_URN, List.of());

    private CoreSchemas() {
    }

    private static AttributeDefinition str(String name) {
        return AttributeDefinition.builder(name, STRING).build();
    }

    private static AttributeDefinition ref(String name, String... referenceTypes) {
        return AttributeDefinition.builder(name, REFERENCE).referenceTypes(referenceTypes).build();
    }

    private static AttributeDefinition multi(String name, AttributeType valueType, String... canonicalTypes) {
        return AttributeDefinition.builder(name, COMPLEX).multiValued()
                .subAttributes(
                        AttributeDefinition.builder("value", valueType).build(),
                        str("display"),
                        AttributeDefinition.builder("type", STRING).canonicalValues(canonicalTypes).build(),
                        AttributeDefinition.builder("primary", BOOLEAN).build())
                .build();
    }

    private static AttributeDefinition multiRef(String name, String... canonicalTypes) {
        return AttributeDefinition.builder(name, COMPLEX).multiValued()
                .subAttributes(
                        AttributeDefinition.builder("value", REFERENCE).referenceTypes("external").build(),
                        str("display"),
                        AttributeDefinition.builder("type", STRING).canonicalValues(canonicalTypes).build(),
                        AttributeDefinition.builder("primary", BOOLEAN).build())
                .build();
    }
}
