package org.provisio.scim.patch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.provisio.scim.error.ScimErrorType.INVALID_PATH;
import static org.provisio.scim.error.ScimErrorType.INVALID_SYNTAX;
import static org.provisio.scim.error.ScimErrorType.INVALID_VALUE;
import static org.provisio.scim.error.ScimErrorType.MUTABILITY;
import static org.provisio.scim.error.ScimErrorType.NO_TARGET;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.provisio.scim.Json;
import org.provisio.scim.error.ScimErrorType;
import org.provisio.scim.error.ScimException;
import org.provisio.scim.resource.ComplexValue;
import org.provisio.scim.schema.ResourceSchema;
import org.provisio.scim.schema.SchemaValidator;

/**
 * PATCH as a table: (resource, operations) → expected resource or expected {@code scimType}.
 * Cases cite RFC 7644 §3.5.2 where the RFC decides them, and DESIGN.md's real-world tolerance
 * list where Entra ID or Okta do.
 */
class PatchEngineTest {
    private static final String U = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User']";
    private static final String G = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:Group']";
    private static final String ENT = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    private static final String UE = "'schemas':['urn:ietf:params:scim:schemas:core:2.0:User','" + ENT + "']";

    private static final String BJENSEN = "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
            + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
            + "{'value':'babs@jensen.org','type':'home'}],'active':true}";
    private static final String GROUP = "{" + G + ",'displayName':'Tour Guides','members':["
            + "{'value':'2819c223-7f76-453a-919d-413861904646'},{'value':'902c246b-6245-4190-8e05-00816be7344a'},"
            + "{'value':'c3a1b2d4-0000-4000-8000-000000000003'}]}";

    static Stream<Arguments> successes() {
        List<Arguments> cases = new ArrayList<>();
        // --- RFC 7644 §3.5.2.1 add
        ok(cases, "rfc7644_3.5.2.1_add_member", GROUP,
                "[{'op':'add','path':'members','value':[{'display':'Babs Jensen','value':'2819c223-7f76-453a-919d-413861904699'}]}]",
                "{" + G + ",'displayName':'Tour Guides','members':[{'value':'2819c223-7f76-453a-919d-413861904646'},"
                        + "{'value':'902c246b-6245-4190-8e05-00816be7344a'},{'value':'c3a1b2d4-0000-4000-8000-000000000003'},"
                        + "{'value':'2819c223-7f76-453a-919d-413861904699'}]}");
        ok(cases, "rfc7644_3.5.2.1_add_without_path", BJENSEN,
                "[{'op':'add','value':{'emails':[{'value':'babs@jensen.net','type':'other'}],'nickname':'Babs'}}]",
                "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                        + "{'value':'babs@jensen.org','type':'home'},{'value':'babs@jensen.net','type':'other'}],"
                        + "'active':true,'nickName':'Babs'}");
        ok(cases, "rfc7644_3.5.2.1_add_existing_value_is_no_change", GROUP,
                "[{'op':'add','path':'members','value':[{'value':'2819c223-7f76-453a-919d-413861904646'}]}]", GROUP);
        ok(cases, "add_single_valued_replaces", BJENSEN,
                "[{'op':'add','path':'name.givenName','value':'Babs'}]",
                BJENSEN.replace("'givenName':'Barbara'", "'givenName':'Babs'"));
        ok(cases, "add_complex_merges_sub_attributes", BJENSEN,
                "[{'op':'add','path':'name','value':{'middleName':'Jane'}}]",
                BJENSEN.replace("'familyName':'Jensen'}", "'familyName':'Jensen','middleName':'Jane'}"));
        ok(cases, "add_attribute_case_insensitive_path", BJENSEN,
                "[{'op':'add','path':'NAME.GIVENNAME','value':'Babs'}]",
                BJENSEN.replace("'givenName':'Barbara'", "'givenName':'Babs'"));
        ok(cases, "add_single_object_to_multi_valued", BJENSEN,
                "[{'op':'add','path':'phoneNumbers','value':{'value':'555-1234','type':'work'}}]",
                BJENSEN.replace("'active':true}", "'active':true,'phoneNumbers':[{'value':'555-1234','type':'work'}]}"));
        // --- RFC 7644 §3.5.2.2 remove
        ok(cases, "rfc7644_3.5.2.2_remove_all_members", GROUP,
                "[{'op':'remove','path':'members'}]", "{" + G + ",'displayName':'Tour Guides'}");
        ok(cases, "rfc7644_3.5.2.2_remove_one_member_by_filter", GROUP,
                "[{'op':'remove','path':'members[value eq \\\"2819c223-7f76-453a-919d-413861904646\\\"]'}]",
                "{" + G + ",'displayName':'Tour Guides','members':[{'value':'902c246b-6245-4190-8e05-00816be7344a'},"
                        + "{'value':'c3a1b2d4-0000-4000-8000-000000000003'}]}");
        ok(cases, "rfc7644_3.5.2.2_remove_complex_filter", BJENSEN,
                "[{'op':'remove','path':'emails[type eq \\\"work\\\" and value ew \\\"example.com\\\"]'}]",
                BJENSEN.replace("{'value':'bjensen@example.com','type':'work','primary':true},", ""));
        ok(cases, "rfc7644_3.5.2.2_remove_then_add_members", GROUP,
                "[{'op':'remove','path':'members'},{'op':'add','path':'members','value':[{'value':'aaaa'}]}]",
                "{" + G + ",'displayName':'Tour Guides','members':[{'value':'aaaa'}]}");
        ok(cases, "remove_sub_attribute", BJENSEN, "[{'op':'remove','path':'name.givenName'}]",
                BJENSEN.replace("'givenName':'Barbara',", ""));
        ok(cases, "remove_filtered_sub_attribute", BJENSEN,
                "[{'op':'remove','path':'emails[type eq \\\"home\\\"].type'}]",
                BJENSEN.replace("{'value':'babs@jensen.org','type':'home'}", "{'value':'babs@jensen.org'}"));
        ok(cases, "remove_absent_attribute_is_no_change", BJENSEN, "[{'op':'remove','path':'nickName'}]", BJENSEN);
        ok(cases, "remove_last_sub_attribute_unassigns_complex",
                "{" + U + ",'userName':'x','name':{'givenName':'A'}}", "[{'op':'remove','path':'name.givenName'}]",
                "{" + U + ",'userName':'x'}");
        ok(cases, "entra_remove_members_by_value_array_keeps_others", GROUP,
                "[{'op':'Remove','path':'members','value':[{'value':'902c246b-6245-4190-8e05-00816be7344a'}]}]",
                "{" + G + ",'displayName':'Tour Guides','members':[{'value':'2819c223-7f76-453a-919d-413861904646'},"
                        + "{'value':'c3a1b2d4-0000-4000-8000-000000000003'}]}");
        ok(cases, "entra_remove_two_members_by_value_array", GROUP,
                "[{'op':'Remove','path':'members','value':[{'value':'902c246b-6245-4190-8e05-00816be7344a'},"
                        + "{'value':'2819c223-7f76-453a-919d-413861904646'}]}]",
                "{" + G + ",'displayName':'Tour Guides','members':[{'value':'c3a1b2d4-0000-4000-8000-000000000003'}]}");
        ok(cases, "remove_members_value_array_unknown_member_no_change", GROUP,
                "[{'op':'remove','path':'members','value':[{'value':'not-a-member'}]}]", GROUP);
        // --- RFC 7644 §3.5.2.3 replace
        ok(cases, "rfc7644_3.5.2.3_replace_members", GROUP,
                "[{'op':'replace','path':'members','value':[{'value':'2819c223'},{'value':'902c246b'}]}]",
                "{" + G + ",'displayName':'Tour Guides','members':[{'value':'2819c223'},{'value':'902c246b'}]}");
        ok(cases, "rfc7644_3.5.2.3_replace_filtered_element",
                "{" + U + ",'userName':'x','addresses':[{'type':'work','streetAddress':'100 Old St'},{'type':'home','locality':'A'}]}",
                "[{'op':'replace','path':'addresses[type eq \\\"work\\\"]','value':{'type':'work',"
                        + "'streetAddress':'911 Universal City Plaza','locality':'Hollywood','primary':true}}]",
                "{" + U + ",'userName':'x','addresses':[{'type':'work','streetAddress':'911 Universal City Plaza',"
                        + "'locality':'Hollywood','primary':true},{'type':'home','locality':'A'}]}");
        ok(cases, "rfc7644_3.5.2.3_replace_filtered_sub_attribute",
                "{" + U + ",'userName':'x','addresses':[{'type':'work','streetAddress':'100 Old St'}]}",
                "[{'op':'replace','path':'addresses[type eq \\\"work\\\"].streetAddress','value':'1010 Broadway Ave'}]",
                "{" + U + ",'userName':'x','addresses':[{'type':'work','streetAddress':'1010 Broadway Ave'}]}");
        ok(cases, "rfc7644_3.5.2.3_replace_without_path", BJENSEN,
                "[{'op':'replace','value':{'emails':[{'value':'bjensen@example.com','type':'work','primary':true}],'nickName':'Babs'}}]",
                "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true}],'active':true,'nickName':'Babs'}");
        ok(cases, "replace_complex_keeps_unnamed_sub_attributes", BJENSEN,
                "[{'op':'replace','path':'name','value':{'familyName':'Smith'}}]",
                BJENSEN.replace("'familyName':'Jensen'", "'familyName':'Smith'"));
        ok(cases, "replace_absent_attribute_adds_it", BJENSEN, "[{'op':'replace','path':'title','value':'Tour Guide'}]",
                BJENSEN.replace("'active':true}", "'active':true,'title':'Tour Guide'}"));
        ok(cases, "replace_with_null_unassigns", BJENSEN, "[{'op':'replace','path':'name','value':null}]",
                BJENSEN.replace("'name':{'givenName':'Barbara','familyName':'Jensen'},", ""));
        // --- Entra ID (DESIGN.md real-world tolerance)
        ok(cases, "entra_capitalised_op_and_string_boolean", BJENSEN,
                "[{'op':'Replace','path':'active','value':'False'}]", BJENSEN.replace("'active':true", "'active':false"));
        ok(cases, "entra_add_capitalised", BJENSEN, "[{'op':'Add','path':'title','value':'Manager'}]",
                BJENSEN.replace("'active':true}", "'active':true,'title':'Manager'}"));
        ok(cases, "entra_replace_work_email_value", BJENSEN,
                "[{'op':'Replace','path':'emails[type eq \\\"work\\\"].value','value':'updated@example.com'}]",
                BJENSEN.replace("bjensen@example.com", "updated@example.com"));
        ok(cases, "entra_add_missing_work_email_creates_element",
                "{" + U + ",'userName':'x'}",
                "[{'op':'add','path':'emails[type eq \\\"work\\\"].value','value':'x@example.com'}]",
                "{" + U + ",'userName':'x','emails':[{'type':'work','value':'x@example.com'}]}");
        ok(cases, "entra_replace_missing_element_then_merge_sub_operations",
                "{" + U + ",'userName':'x'}",
                "[{'op':'replace','path':'addresses[type eq \\\"work\\\"].streetAddress','value':'1 Main St'},"
                        + "{'op':'replace','path':'addresses[type eq \\\"work\\\"].locality','value':'Springfield'},"
                        + "{'op':'replace','path':'addresses[type eq \\\"work\\\"].postalCode','value':'12345'}]",
                "{" + U + ",'userName':'x','addresses':[{'type':'work','streetAddress':'1 Main St',"
                        + "'locality':'Springfield','postalCode':'12345'}]}");
        ok(cases, "entra_pathless_replace_dotted_and_urn_keys", BJENSEN,
                "[{'op':'replace','value':{'name.givenName':'Kim','" + ENT + ":employeeNumber':'7'}}]",
                "{" + UE + ",'userName':'bjensen','name':{'givenName':'Kim','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                        + "{'value':'babs@jensen.org','type':'home'}],'active':true,'" + ENT + "':{'employeeNumber':'7'}}");
        ok(cases, "entra_pathless_replace_active_string", BJENSEN,
                "[{'op':'Replace','value':{'active':'False'}}]", BJENSEN.replace("'active':true", "'active':false"));
        ok(cases, "entra_manager_plain_string", "{" + U + ",'userName':'x'}",
                "[{'op':'Add','path':'" + ENT + ":manager','value':'26118915-6090-4610-87a4-49d0767148f0'}]",
                "{" + UE + ",'userName':'x','" + ENT + "':{'manager':{'value':'26118915-6090-4610-87a4-49d0767148f0'}}}");
        ok(cases, "entra_manager_object", "{" + U + ",'userName':'x'}",
                "[{'op':'replace','path':'" + ENT + ":manager','value':{'value':'m1'}}]",
                "{" + UE + ",'userName':'x','" + ENT + "':{'manager':{'value':'m1'}}}");
        ok(cases, "entra_remove_manager", "{" + UE + ",'userName':'x','" + ENT + "':{'manager':{'value':'m1'},'department':'D'}}",
                "[{'op':'Remove','path':'" + ENT + ":manager'}]",
                "{" + UE + ",'userName':'x','" + ENT + "':{'department':'D'}}");
        ok(cases, "remove_last_extension_attribute_drops_extension_urn",
                "{" + UE + ",'userName':'x','" + ENT + "':{'department':'D'}}",
                "[{'op':'remove','path':'" + ENT + ":department'}]", "{" + U + ",'userName':'x'}");
        ok(cases, "entra_pathless_extension_object", "{" + U + ",'userName':'x'}",
                "[{'op':'add','value':{'" + ENT + "':{'department':'Sales','costCenter':'4130'}}}]",
                "{" + UE + ",'userName':'x','" + ENT + "':{'department':'Sales','costCenter':'4130'}}");
        ok(cases, "entra_path_names_whole_extension", "{" + U + ",'userName':'x'}",
                "[{'op':'add','path':'" + ENT + "','value':{'division':'North'}}]",
                "{" + UE + ",'userName':'x','" + ENT + "':{'division':'North'}}");
        ok(cases, "entra_empty_roles_is_no_change", BJENSEN, "[{'op':'add','path':'roles','value':[]}]", BJENSEN);
        ok(cases, "entra_pathless_map_with_filter_key", "{" + U + ",'userName':'x'}",
                "[{'op':'replace','value':{'emails[type eq \\\"work\\\"].value':'w@example.com','displayName':'X'}}]",
                "{" + U + ",'userName':'x','emails':[{'type':'work','value':'w@example.com'}],'displayName':'X'}");
        // captaingoldfish SCIM client: the value map of a path-less operation inside a one-element array
        ok(cases, "captaingoldfish_pathless_replace_one_element_array", BJENSEN,
                "[{'op':'replace','value':[{'displayName':'x'}]}]",
                BJENSEN.replace("'active':true}", "'active':true,'displayName':'x'}"));
        ok(cases, "captaingoldfish_pathless_add_one_element_array", BJENSEN,
                "[{'op':'add','value':[{'nickName':'Babs','name.givenName':'Babs','" + ENT + ":employeeNumber':'7'}]}]",
                "{" + UE + ",'userName':'bjensen','name':{'givenName':'Babs','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true},"
                        + "{'value':'babs@jensen.org','type':'home'}],'active':true,'nickName':'Babs',"
                        + "'" + ENT + "':{'employeeNumber':'7'}}");
        ok(cases, "captaingoldfish_pathless_replace_one_empty_object_is_no_change", BJENSEN,
                "[{'op':'Replace','value':[{}]}]", BJENSEN);
        ok(cases, "entra_pathless_ignores_unknown_and_readonly_keys", BJENSEN,
                "[{'op':'replace','value':{'id':'hijack','meta':{'version':'W/\\\"9\\\"'},'urn:example:unknown:1.0:Foo':{'a':1},"
                        + "'noSuchAttribute':'x','title':'T'}}]",
                BJENSEN.replace("'active':true}", "'active':true,'title':'T'}"));
        ok(cases, "pathless_null_value_unassigns", BJENSEN, "[{'op':'replace','value':{'name':null}}]",
                BJENSEN.replace("'name':{'givenName':'Barbara','familyName':'Jensen'},", ""));
        // --- Okta
        ok(cases, "okta_pathless_active_false", BJENSEN, "[{'op':'replace','value':{'active':false}}]",
                BJENSEN.replace("'active':true", "'active':false"));
        ok(cases, "okta_group_rename_ignores_id", GROUP,
                "[{'op':'replace','value':{'id':'abf4dd94-a4c0-4f67-89c9-76b03340cb9b','displayName':'Test SCIMv2'}}]",
                GROUP.replace("Tour Guides", "Test SCIMv2"));
        ok(cases, "okta_add_many_members", "{" + G + ",'displayName':'G'}",
                "[{'op':'add','path':'members','value':[{'value':'a','display':'A'},{'value':'b'},{'value':'c'}]}]",
                "{" + G + ",'displayName':'G','members':[{'value':'a'},{'value':'b'},{'value':'c'}]}");
        // --- primary (RFC 7643 §2.4)
        ok(cases, "add_primary_element_clears_other_primary", BJENSEN,
                "[{'op':'add','path':'emails','value':[{'value':'new@example.com','type':'other','primary':true}]}]",
                "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':false},"
                        + "{'value':'babs@jensen.org','type':'home'},{'value':'new@example.com','type':'other','primary':true}],'active':true}");
        ok(cases, "replace_primary_on_filtered_element_clears_other", BJENSEN,
                "[{'op':'replace','path':'emails[type eq \\\"home\\\"].primary','value':true}]",
                "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':false},"
                        + "{'value':'babs@jensen.org','type':'home','primary':true}],'active':true}");
        // --- types
        ok(cases, "string_boolean_true_in_any_case", BJENSEN.replace("'active':true", "'active':false"),
                "[{'op':'replace','path':'active','value':'TRUE'}]", BJENSEN);
        ok(cases, "several_operations_in_order", BJENSEN,
                "[{'op':'replace','path':'title','value':'A'},{'op':'replace','path':'title','value':'B'},"
                        + "{'op':'remove','path':'emails[type eq \\\"home\\\"]'}]",
                "{" + U + ",'userName':'bjensen','name':{'givenName':'Barbara','familyName':'Jensen'},"
                        + "'emails':[{'value':'bjensen@example.com','type':'work','primary':true}],'active':true,'title':'B'}");
        ok(cases, "core_urn_qualified_path", BJENSEN,
                "[{'op':'replace','path':'urn:ietf:params:scim:schemas:core:2.0:User:name.familyName','value':'J'}]",
                BJENSEN.replace("'familyName':'Jensen'", "'familyName':'J'"));
        ok(cases, "emails_value_without_filter_sets_every_element",
                "{" + U + ",'userName':'x','emails':[{'value':'a@x','type':'work'}]}",
                "[{'op':'replace','path':'emails.type','value':'home'}]",
                "{" + U + ",'userName':'x','emails':[{'value':'a@x','type':'home'}]}");
        return cases.stream();
    }

    static Stream<Arguments> failures() {
        List<Arguments> cases = new ArrayList<>();
        err(cases, "rfc7644_3.5.2.2_remove_without_path_is_noTarget", BJENSEN, "[{'op':'remove'}]", NO_TARGET);
        err(cases, "rfc7644_3.5.2.3_replace_filter_without_match_is_noTarget", BJENSEN,
                "[{'op':'replace','path':'emails[value co \\\"nowhere\\\"].type','value':'x'}]", NO_TARGET);
        err(cases, "remove_filter_without_match_is_noTarget", GROUP,
                "[{'op':'remove','path':'members[value eq \\\"nobody\\\"]'}]", NO_TARGET);
        err(cases, "replace_filter_with_or_cannot_create_noTarget", BJENSEN,
                "[{'op':'replace','path':'emails[type eq \\\"a\\\" or type eq \\\"b\\\"].value','value':'x'}]", NO_TARGET);
        err(cases, "unknown_attribute_is_invalidPath", BJENSEN,
                "[{'op':'replace','path':'noSuchThing','value':'x'}]", INVALID_PATH);
        err(cases, "unknown_sub_attribute_is_invalidPath", BJENSEN,
                "[{'op':'replace','path':'name.nope','value':'x'}]", INVALID_PATH);
        err(cases, "unknown_sub_after_filter_is_invalidPath", BJENSEN,
                "[{'op':'replace','path':'emails[type eq \\\"work\\\"].nope','value':'x'}]", INVALID_PATH);
        err(cases, "filter_on_single_valued_is_invalidPath", BJENSEN,
                "[{'op':'replace','path':'name[givenName eq \\\"x\\\"]','value':{}}]", INVALID_PATH);
        err(cases, "malformed_path_is_invalidPath", BJENSEN,
                "[{'op':'replace','path':'emails[type eq','value':'x'}]", INVALID_PATH);
        err(cases, "path_not_a_string_is_invalidPath", BJENSEN, "[{'op':'replace','path':7,'value':'x'}]", INVALID_PATH);
        err(cases, "replace_id_is_mutability", BJENSEN, "[{'op':'replace','path':'id','value':'x'}]", MUTABILITY);
        err(cases, "replace_meta_sub_is_mutability", BJENSEN,
                "[{'op':'replace','path':'meta.created','value':'2020-01-01T00:00:00Z'}]", MUTABILITY);
        err(cases, "replace_groups_readOnly_is_mutability", BJENSEN,
                "[{'op':'add','path':'groups','value':[{'value':'g'}]}]", MUTABILITY);
        err(cases, "remove_required_userName_is_mutability", BJENSEN, "[{'op':'remove','path':'userName'}]", MUTABILITY);
        err(cases, "replace_required_with_null_is_mutability", BJENSEN,
                "[{'op':'replace','value':{'userName':null}}]", MUTABILITY);
        err(cases, "remove_group_displayName_is_mutability", GROUP, "[{'op':'remove','path':'displayName'}]", MUTABILITY);
        err(cases, "add_without_value_is_invalidValue", BJENSEN, "[{'op':'add','path':'title'}]", INVALID_VALUE);
        err(cases, "replace_boolean_with_word_is_invalidValue", BJENSEN,
                "[{'op':'replace','path':'active','value':'maybe'}]", INVALID_VALUE);
        err(cases, "replace_single_valued_with_array_is_invalidValue", BJENSEN,
                "[{'op':'replace','path':'title','value':['a','b']}]", INVALID_VALUE);
        err(cases, "pathless_add_with_string_value_is_invalidValue", BJENSEN,
                "[{'op':'add','value':'x'}]", INVALID_VALUE);
        err(cases, "pathless_replace_with_two_objects_is_invalidValue", BJENSEN,
                "[{'op':'replace','value':[{'displayName':'x'},{'nickName':'y'}]}]", INVALID_VALUE);
        err(cases, "pathless_replace_with_empty_array_is_invalidValue", BJENSEN,
                "[{'op':'replace','value':[]}]", INVALID_VALUE);
        err(cases, "pathless_add_with_one_string_in_array_is_invalidValue", BJENSEN,
                "[{'op':'add','value':['x']}]", INVALID_VALUE);
        err(cases, "pathless_add_with_nested_array_is_invalidValue", BJENSEN,
                "[{'op':'add','value':[[{'displayName':'x'}]]}]", INVALID_VALUE);
        err(cases, "pathless_remove_with_one_element_array_is_still_noTarget", BJENSEN,
                "[{'op':'remove','value':[{'displayName':'x'}]}]", NO_TARGET);
        err(cases, "two_primaries_is_invalidValue", BJENSEN,
                "[{'op':'replace','path':'emails','value':[{'value':'a','primary':true},{'value':'b','primary':true}]}]",
                INVALID_VALUE);
        err(cases, "complex_given_a_number_is_invalidValue", BJENSEN,
                "[{'op':'replace','path':'name','value':5}]", INVALID_VALUE);
        err(cases, "binary_garbage_is_invalidValue", "{" + U + ",'userName':'x'}",
                "[{'op':'replace','path':'x509Certificates','value':[{'value':'not base64!!'}]}]", INVALID_VALUE);
        err(cases, "unknown_op_is_invalidSyntax", BJENSEN, "[{'op':'move','path':'title','value':'x'}]", INVALID_SYNTAX);
        err(cases, "missing_op_is_invalidSyntax", BJENSEN, "[{'path':'title','value':'x'}]", INVALID_SYNTAX);
        err(cases, "operation_not_object_is_invalidSyntax", BJENSEN, "['add']", INVALID_SYNTAX);
        err(cases, "empty_operations_is_invalidSyntax", BJENSEN, "[]", INVALID_SYNTAX);
        return cases.stream();
    }

    private static void ok(List<Arguments> cases, String name, String before, String ops, String expected) {
        cases.add(Arguments.of(name, before, ops, expected));
    }

    private static void err(List<Arguments> cases, String name, String before, String ops, ScimErrorType expected) {
        cases.add(Arguments.of(name, before, ops, expected));
    }

    private static ResourceSchema schemaOf(String resource) {
        return resource.contains("core:2.0:Group") ? ResourceSchema.group() : ResourceSchema.user();
    }

    private static ComplexValue apply(String before, String ops) {
        ResourceSchema schema = schemaOf(before);
        ComplexValue resource = new SchemaValidator(schema).validate(Json.obj(before));
        PatchRequest request = PatchRequest.from(Json.obj(
                "{'schemas':['urn:ietf:params:scim:api:messages:2.0:PatchOp'],'Operations':" + ops + "}"));
        return new PatchEngine(schema).apply(resource, request);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("successes")
    void appliesOperations(String name, String before, String ops, String expected) {
        ComplexValue want = new SchemaValidator(schemaOf(expected)).validate(Json.obj(expected));
        assertThat(apply(before, ops)).isEqualTo(want);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void refusesOperations(String name, String before, String ops, ScimErrorType expected) {
        assertThatThrownBy(() -> apply(before, ops))
                .isInstanceOfSatisfying(ScimException.class, e -> assertThat(e.type()).isEqualTo(expected));
    }
}
