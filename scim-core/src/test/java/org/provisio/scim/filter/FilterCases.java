package org.provisio.scim.filter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.provisio.scim.path.AttributePath;
import org.provisio.scim.resource.BooleanValue;
import org.provisio.scim.resource.DecimalValue;
import org.provisio.scim.resource.IntegerValue;
import org.provisio.scim.resource.NullValue;
import org.provisio.scim.resource.StringValue;
import org.provisio.scim.resource.Value;

/** The filter table shared by the parser, evaluator, interoperability and property tests. */
final class FilterCases {
    static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /** A valid filter and the AST it parses to. */
    record Valid(String filter, Filter expected) {
        @Override
        public String toString() {
            return filter;
        }
    }

    /** An invalid filter and the 0-based position of the error. */
    record Invalid(String filter, int position) {
        @Override
        public String toString() {
            return filter.length() > 80 ? filter.substring(0, 80) + "...(" + filter.length() + " chars)" : filter;
        }
    }

    private FilterCases() {
    }

    // ---- AST helpers -------------------------------------------------------------------------

    /** {@code a}, {@code a.b}; no URN. */
    static AttributePath p(String dotted) {
        int dot = dotted.indexOf('.');
        return dot < 0 ? AttributePath.of(dotted) : AttributePath.of(dotted.substring(0, dot), dotted.substring(dot + 1));
    }

    static AttributePath urn(String urn, String attribute, String sub) {
        return new AttributePath(urn, attribute, sub);
    }

    static Filter cmp(String path, CompareOperator op, Value v) {
        return new Filter.Compare(p(path), op, v);
    }

    static Filter eq(String path, String v) {
        return cmp(path, CompareOperator.EQ, s(v));
    }

    static Filter co(String path, String v) {
        return cmp(path, CompareOperator.CO, s(v));
    }

    static Filter pr(String path) {
        return new Filter.Present(p(path));
    }

    static Filter and(Filter l, Filter r) {
        return new Filter.And(l, r);
    }

    static Filter or(Filter l, Filter r) {
        return new Filter.Or(l, r);
    }

    static Filter not(Filter f) {
        return new Filter.Not(f);
    }

    static Filter vp(String path, Filter f) {
        return new Filter.ValuePath(p(path), f);
    }

    static StringValue s(String v) {
        return StringValue.of(v);
    }

    static IntegerValue i(long v) {
        return IntegerValue.of(v);
    }

    static DecimalValue d(String v) {
        return DecimalValue.of(new BigDecimal(v));
    }

    static Valid ok(String filter, Filter expected) {
        return new Valid(filter, expected);
    }

    static Invalid bad(String filter, int position) {
        return new Invalid(filter, position);
    }

    // ---- valid filters -----------------------------------------------------------------------

    /** Every example filter of RFC 7644 §3.4.2.2, plus the filters Entra ID and Okta send. */
    static List<Valid> rfcAndClients() {
        List<Valid> c = new ArrayList<>();
        c.add(ok("userName eq \"bjensen\"", eq("userName", "bjensen")));
        c.add(ok("name.familyName co \"O'Malley\"", co("name.familyName", "O'Malley")));
        c.add(ok("userName sw \"J\"", cmp("userName", CompareOperator.SW, s("J"))));
        c.add(ok("urn:ietf:params:scim:schemas:core:2.0:User:userName sw \"J\"",
                new Filter.Compare(urn(CORE, "userName", null), CompareOperator.SW, s("J"))));
        c.add(ok("title pr", pr("title")));
        c.add(ok("meta.lastModified gt \"2011-05-13T04:42:34Z\"",
                cmp("meta.lastModified", CompareOperator.GT, s("2011-05-13T04:42:34Z"))));
        c.add(ok("meta.lastModified ge \"2011-05-13T04:42:34Z\"",
                cmp("meta.lastModified", CompareOperator.GE, s("2011-05-13T04:42:34Z"))));
        c.add(ok("meta.lastModified lt \"2011-05-13T04:42:34Z\"",
                cmp("meta.lastModified", CompareOperator.LT, s("2011-05-13T04:42:34Z"))));
        c.add(ok("meta.lastModified le \"2011-05-13T04:42:34Z\"",
                cmp("meta.lastModified", CompareOperator.LE, s("2011-05-13T04:42:34Z"))));
        c.add(ok("title pr and userType eq \"Employee\"", and(pr("title"), eq("userType", "Employee"))));
        c.add(ok("title pr or userType eq \"Intern\"", or(pr("title"), eq("userType", "Intern"))));
        c.add(ok("schemas eq \"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User\"", eq("schemas", ENTERPRISE)));
        c.add(ok("userType eq \"Employee\" and (emails co \"example.com\" or emails.value co \"example.org\")",
                and(eq("userType", "Employee"), or(co("emails", "example.com"), co("emails.value", "example.org")))));
        c.add(ok("userType ne \"Employee\" and not (emails co \"example.com\" or emails.value co \"example.org\")",
                and(cmp("userType", CompareOperator.NE, s("Employee")),
                        not(or(co("emails", "example.com"), co("emails.value", "example.org"))))));
        c.add(ok("userType eq \"Employee\" and (emails.type eq \"work\")",
                and(eq("userType", "Employee"), eq("emails.type", "work"))));
        c.add(ok("userType eq \"Employee\" and emails[type eq \"work\" and value co \"@example.com\"]",
                and(eq("userType", "Employee"), vp("emails", and(eq("type", "work"), co("value", "@example.com"))))));
        c.add(ok("emails[type eq \"work\" and value co \"@example.com\"] or ims[type eq \"xmpp\" and value co \"@foo.com\"]",
                or(vp("emails", and(eq("type", "work"), co("value", "@example.com"))),
                        vp("ims", and(eq("type", "xmpp"), co("value", "@foo.com"))))));
        // Entra ID: Test connection and matching; groups membership check.
        c.add(ok("userName eq \"7b1f0e4c-2a4d-4f0e-9d55-3c1b8f7e2a10\"",
                eq("userName", "7b1f0e4c-2a4d-4f0e-9d55-3c1b8f7e2a10")));
        c.add(ok("externalId eq \"5e7d1c52-0b2c-4d6e-8a9f-0c1d2e3f4a5b\"",
                eq("externalId", "5e7d1c52-0b2c-4d6e-8a9f-0c1d2e3f4a5b")));
        c.add(ok("displayName eq \"Engineering\"", eq("displayName", "Engineering")));
        c.add(ok("id eq \"2819c223\" and members[value eq \"2819c223-7f76-453a-919d-413861904646\"]",
                and(eq("id", "2819c223"), vp("members", eq("value", "2819c223-7f76-453a-919d-413861904646")))));
        c.add(ok("userName eq \"ryan@contoso.com\"", eq("userName", "ryan@contoso.com")));
        // Okta
        c.add(ok("userName eq \"isaac.brock@example.com\"", eq("userName", "isaac.brock@example.com")));
        c.add(ok("emails[type eq \"work\" and primary eq true]",
                vp("emails", and(eq("type", "work"), cmp("primary", CompareOperator.EQ, BooleanValue.TRUE)))));
        c.add(ok("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"701984\"",
                new Filter.Compare(urn(ENTERPRISE, "employeeNumber", null), CompareOperator.EQ, s("701984"))));
        c.add(ok("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value eq \"26118915-6090-4610-87e4-49d8ca9f808d\"",
                new Filter.Compare(urn(ENTERPRISE, "manager", "value"), CompareOperator.EQ,
                        s("26118915-6090-4610-87e4-49d8ca9f808d"))));
        c.add(ok("urn:ietf:params:scim:schemas:core:2.0:User:name.familyName eq \"Jensen\"",
                new Filter.Compare(urn(CORE, "name", "familyName"), CompareOperator.EQ, s("Jensen"))));
        c.add(ok("active eq false", cmp("active", CompareOperator.EQ, BooleanValue.FALSE)));
        c.add(ok("groups.value eq \"e9e30dba-f08f-4109-8486-d5c6a331660a\"",
                eq("groups.value", "e9e30dba-f08f-4109-8486-d5c6a331660a")));
        return c;
    }

    static final String[] ATTRIBUTES = {"userName", "name.givenName", "displayName", "emails.value", "meta.created",
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "x509Certificates.display",
        "emails", "addresses.postalCode"};

    private static AttributePath attr(String text) {
        if (text.startsWith("urn:")) {
            int colon = text.lastIndexOf(':');
            String rest = text.substring(colon + 1);
            AttributePath local = p(rest);
            return new AttributePath(text.substring(0, colon), local.attribute(), local.subAttribute());
        }
        return p(text);
    }

    /** Every operator on several attributes with string literals, and operator keywords in three cases. */
    static List<Valid> operatorMatrix() {
        List<Valid> c = new ArrayList<>();
        for (String a : ATTRIBUTES) {
            for (CompareOperator op : CompareOperator.values()) {
                String kw = op.keyword();
                String[] spellings = {kw, kw.toUpperCase(Locale.ROOT), kw.substring(0, 1).toUpperCase(Locale.ROOT) + kw.substring(1)};
                for (String spelled : spellings) {
                    c.add(ok(a + " " + spelled + " \"Smith\"", new Filter.Compare(attr(a), op, s("Smith"))));
                }
            }
            c.add(ok(a + " pr", new Filter.Present(attr(a))));
            c.add(ok(a + " PR", new Filter.Present(attr(a))));
        }
        return c;
    }

    /** JSON literals: strings with every escape, numbers, booleans, null. */
    static List<Valid> literals() {
        List<Valid> c = new ArrayList<>();
        c.add(ok("title eq \"\"", eq("title", "")));
        c.add(ok("title eq \"a\\\"b\"", eq("title", "a\"b")));
        c.add(ok("title eq \"a\\\\b\"", eq("title", "a\\b")));
        c.add(ok("title eq \"a\\/b\"", eq("title", "a/b")));
        c.add(ok("title eq \"a\\bb\"", eq("title", "a\bb")));
        c.add(ok("title eq \"a\\fb\"", eq("title", "a\fb")));
        c.add(ok("title eq \"a\\nb\"", eq("title", "a\nb")));
        c.add(ok("title eq \"a\\rb\"", eq("title", "a\rb")));
        c.add(ok("title eq \"a\\tb\"", eq("title", "a\tb")));
        c.add(ok("title eq \"\\u00e9t\\u00C9\"", eq("title", "\u00e9t\u00c9")));
        c.add(ok("title eq \"\\uD83D\\uDE00\"", eq("title", "\uD83D\uDE00")));
        c.add(ok("title eq \"caf\u00e9 \u65e5\u672c\"", eq("title", "caf\u00e9 \u65e5\u672c")));
        c.add(ok("title eq \"and or not pr ( ) [ ] eq\"", eq("title", "and or not pr ( ) [ ] eq")));
        c.add(ok("title eq \"'single'\"", eq("title", "'single'")));
        c.add(ok("title eq \" spaced \"", eq("title", " spaced ")));
        c.add(ok("active eq true", cmp("active", CompareOperator.EQ, BooleanValue.TRUE)));
        c.add(ok("active eq false", cmp("active", CompareOperator.EQ, BooleanValue.FALSE)));
        c.add(ok("active ne true", cmp("active", CompareOperator.NE, BooleanValue.TRUE)));
        c.add(ok("title eq null", cmp("title", CompareOperator.EQ, NullValue.INSTANCE)));
        c.add(ok("title ne null", cmp("title", CompareOperator.NE, NullValue.INSTANCE)));
        c.add(ok("x eq 0", cmp("x", CompareOperator.EQ, i(0))));
        c.add(ok("x eq -0", cmp("x", CompareOperator.EQ, i(0))));
        c.add(ok("x eq 42", cmp("x", CompareOperator.EQ, i(42))));
        c.add(ok("x gt -42", cmp("x", CompareOperator.GT, i(-42))));
        c.add(ok("x ge 9223372036854775807", cmp("x", CompareOperator.GE, i(Long.MAX_VALUE))));
        c.add(ok("x le -9223372036854775808", cmp("x", CompareOperator.LE, i(Long.MIN_VALUE))));
        c.add(ok("x lt 99999999999999999999", cmp("x", CompareOperator.LT, d("99999999999999999999"))));
        c.add(ok("x eq 1.5", cmp("x", CompareOperator.EQ, d("1.5"))));
        c.add(ok("x eq -0.25", cmp("x", CompareOperator.EQ, d("-0.25"))));
        c.add(ok("x eq 2.0", cmp("x", CompareOperator.EQ, d("2.0"))));
        c.add(ok("x eq 1e5", cmp("x", CompareOperator.EQ, d("1e5"))));
        c.add(ok("x eq 1E+5", cmp("x", CompareOperator.EQ, d("1e5"))));
        c.add(ok("x eq 1.5e-3", cmp("x", CompareOperator.EQ, d("0.0015"))));
        c.add(ok("x eq 0.0", cmp("x", CompareOperator.EQ, d("0"))));
        c.add(ok("x gt 3.14159", cmp("x", CompareOperator.GT, d("3.14159"))));
        return c;
    }

    /** Grouping, precedence, whitespace and nesting. */
    static List<Valid> structure() {
        List<Valid> c = new ArrayList<>();
        Filter a = pr("a");
        Filter b = pr("b");
        Filter cc = pr("c");
        Filter dd = pr("d");
        c.add(ok("a pr and b pr or c pr", or(and(a, b), cc)));
        c.add(ok("a pr or b pr and c pr", or(a, and(b, cc))));
        c.add(ok("a pr or b pr or c pr", or(or(a, b), cc)));
        c.add(ok("a pr and b pr and c pr", and(and(a, b), cc)));
        c.add(ok("a pr and (b pr or c pr)", and(a, or(b, cc))));
        c.add(ok("(a pr or b pr) and c pr", and(or(a, b), cc)));
        c.add(ok("a pr and b pr or c pr and d pr", or(and(a, b), and(cc, dd))));
        c.add(ok("not (a pr) and b pr", and(not(a), b)));
        c.add(ok("not (a pr) or not (b pr)", or(not(a), not(b))));
        c.add(ok("not (not (a pr))", not(not(a))));
        c.add(ok("not(a pr)", not(a)));
        c.add(ok("NOT (a pr)", not(a)));
        c.add(ok("Not (a pr)", not(a)));
        c.add(ok("a pr AND b pr", and(a, b)));
        c.add(ok("a pr And b pr", and(a, b)));
        c.add(ok("a pr OR b pr", or(a, b)));
        c.add(ok("a pr Or b pr", or(a, b)));
        c.add(ok("(a pr)", a));
        c.add(ok("((a pr))", a));
        c.add(ok("(((a pr) and ((b pr))))", and(a, b)));
        c.add(ok("(a pr)and(b pr)", and(a, b)));
        c.add(ok("(a pr) or (b pr)", or(a, b)));
        c.add(ok("  a pr  ", a));
        c.add(ok("a   pr", a));
        c.add(ok("\ta pr\n", a));
        c.add(ok("a pr   and    b pr", and(a, b)));
        c.add(ok("( a pr and b pr )", and(a, b)));
        c.add(ok("userName  eq   \"bjensen\"", eq("userName", "bjensen")));
        c.add(ok("userName eq \"a\" and userName eq \"b\" and userName eq \"c\" and userName eq \"d\"",
                and(and(and(eq("userName", "a"), eq("userName", "b")), eq("userName", "c")), eq("userName", "d"))));
        c.add(ok("emails[type eq \"work\"]", vp("emails", eq("type", "work"))));
        c.add(ok("emails[ type eq \"work\" ]", vp("emails", eq("type", "work"))));
        c.add(ok("emails[not (type eq \"work\")]", vp("emails", not(eq("type", "work")))));
        c.add(ok("emails[(type eq \"work\")]", vp("emails", eq("type", "work"))));
        c.add(ok("emails[type eq \"work\" or type eq \"home\"]", vp("emails", or(eq("type", "work"), eq("type", "home")))));
        c.add(ok("emails[value pr]", vp("emails", pr("value"))));
        c.add(ok("emails[primary eq true] and userName pr",
                and(vp("emails", cmp("primary", CompareOperator.EQ, BooleanValue.TRUE)), pr("userName"))));
        c.add(ok("not (emails[type eq \"work\"])", not(vp("emails", eq("type", "work")))));
        c.add(ok("(emails[type eq \"work\"])", vp("emails", eq("type", "work"))));
        c.add(ok("addresses[type eq \"work\" and postalCode sw \"91\"]",
                vp("addresses", and(eq("type", "work"), cmp("postalCode", CompareOperator.SW, s("91"))))));
        c.add(ok("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager[value eq \"x\"]",
                new Filter.ValuePath(urn(ENTERPRISE, "manager", null), eq("value", "x"))));
        c.add(ok("members[value eq \"1\"] or members[value eq \"2\"]",
                or(vp("members", eq("value", "1")), vp("members", eq("value", "2")))));
        c.add(ok("groups[$ref pr]", vp("groups", pr("$ref"))));
        c.add(ok("members.$ref co \"/Users/\"", co("members.$ref", "/Users/")));
        c.add(ok("my-attr_2 pr", pr("my-attr_2")));
        // Entra ID's matching filter: valuePath.subAttr compared, read as one element satisfying both.
        c.add(ok("emails[type eq \"work\"].value eq \"x\"", vp("emails", and(eq("type", "work"), eq("value", "x")))));
        c.add(ok("emails[type eq \"work\"].value eq \"user@contoso.com\"",
                vp("emails", and(eq("type", "work"), eq("value", "user@contoso.com")))));
        c.add(ok("emails[TYPE eq \"work\"].Value co \"@example.com\"",
                vp("emails", and(eq("TYPE", "work"), cmp("Value", CompareOperator.CO, s("@example.com"))))));
        c.add(ok("addresses[type eq \"work\"].postalCode pr", vp("addresses", and(eq("type", "work"), pr("postalCode")))));
        c.add(ok("A pr", pr("A")));
        c.add(ok("USERNAME EQ \"x\"", eq("USERNAME", "x")));
        c.add(ok("notes pr", pr("notes")));
        c.add(ok("order pr", pr("order")));
        c.add(ok("android pr and origin pr", and(pr("android"), pr("origin"))));
        c.add(ok("prefix pr", pr("prefix")));
        c.add(ok("urn:example:ext:1.0:Thing:attr eq \"x\"",
                new Filter.Compare(urn("urn:example:ext:1.0:Thing", "attr", null), CompareOperator.EQ, s("x"))));
        c.add(ok("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.displayName pr",
                new Filter.Present(urn(ENTERPRISE, "manager", "displayName"))));
        c.add(ok("meta.resourceType eq \"User\" and meta.version eq \"W/\\\"3694e05e9dff590\\\"\"",
                and(eq("meta.resourceType", "User"), eq("meta.version", "W/\"3694e05e9dff590\""))));
        StringBuilder deep = new StringBuilder();
        Filter nested = a;
        for (int k = 0; k < FilterParser.MAX_DEPTH; k++) {
            deep.append('(');
        }
        deep.append("a pr");
        for (int k = 0; k < FilterParser.MAX_DEPTH; k++) {
            deep.append(')');
        }
        c.add(ok(deep.toString(), nested));
        StringBuilder nots = new StringBuilder();
        Filter notChain = a;
        for (int k = 0; k < FilterParser.MAX_DEPTH; k++) {
            nots.append("not (");
            notChain = not(notChain);
        }
        nots.append("a pr").append(")".repeat(FilterParser.MAX_DEPTH));
        c.add(ok(nots.toString(), notChain));
        return c;
    }

    /** The whole valid table. */
    static List<Valid> valid() {
        List<Valid> all = new ArrayList<>();
        all.addAll(rfcAndClients());
        all.addAll(operatorMatrix());
        all.addAll(literals());
        all.addAll(structure());
        return all;
    }

    /** Valid for Provisio but rejected by UnboundID: literal keywords in other cases (ABNF strings are case-insensitive, RFC 5234 §2.3). */
    static List<Valid> caseInsensitiveLiterals() {
        return List.of(
                ok("active eq True", cmp("active", CompareOperator.EQ, BooleanValue.TRUE)),
                ok("active eq FALSE", cmp("active", CompareOperator.EQ, BooleanValue.FALSE)),
                ok("title EQ NULL", cmp("title", CompareOperator.EQ, NullValue.INSTANCE)),
                ok("title eq Null", cmp("title", CompareOperator.EQ, NullValue.INSTANCE)));
    }

    // ---- invalid filters ---------------------------------------------------------------------

    static List<Invalid> invalid() {
        List<Invalid> c = new ArrayList<>();
        // empty
        c.add(bad("", 0));
        c.add(bad("   ", 3));
        // unbalanced parentheses
        c.add(bad("(userName eq \"x\"", 16));
        c.add(bad("userName eq \"x\")", 15));
        c.add(bad("((a pr)", 7));
        c.add(bad("(a pr))", 6));
        c.add(bad(")", 0));
        c.add(bad("()", 1));
        c.add(bad("(a pr", 5));
        c.add(bad("(a pr b pr)", 6));
        // missing value / operator
        c.add(bad("userName eq", 11));
        c.add(bad("userName eq ", 12));
        c.add(bad("userName", 8));
        c.add(bad("userName ", 9));
        c.add(bad("eq \"x\"", 3));
        c.add(bad("userName eq )", 12));
        c.add(bad("(userName eq)", 12));
        // bad operator
        c.add(bad("userName equals \"x\"", 9));
        c.add(bad("userName == \"x\"", 9));
        c.add(bad("userName = \"x\"", 9));
        c.add(bad("userName like \"x\"", 9));
        c.add(bad("userName prx", 9));
        c.add(bad("userName eqx \"x\"", 9));
        c.add(bad("title pr pr", 9));
        // bad values
        c.add(bad("userName eq bjensen", 12));
        c.add(bad("userName eq 'bjensen'", 12));
        c.add(bad("x eq 01", 6));
        c.add(bad("x eq +1", 5));
        c.add(bad("x eq 1.", 7));
        c.add(bad("x eq .5", 5));
        c.add(bad("x eq -", 6));
        c.add(bad("x eq 1e", 7));
        c.add(bad("x eq 1ee5", 7));
        c.add(bad("x eq 1.5.5", 8));
        c.add(bad("x eq truex", 5));
        c.add(bad("x eq nul", 5));
        c.add(bad("x eq \"a\"\"b\"", 8));
        // strings
        c.add(bad("userName eq \"bjensen", 12));
        c.add(bad("userName eq \"bj\\\"", 12));
        c.add(bad("userName eq \"bj\\x\"", 15));
        c.add(bad("userName eq \"bj\\u12\"", 15));
        c.add(bad("userName eq \"bj\\uZZZZ\"", 15));
        c.add(bad("userName eq \"a\tb\"", 14));
        c.add(bad("userName eq \"a\nb\"", 14));
        c.add(bad("userName eq \"\\", 12));
        // not
        c.add(bad("not userName eq \"x\"", 4));
        c.add(bad("not", 3));
        c.add(bad("not ", 4));
        c.add(bad("not (a pr", 9));
        c.add(bad("a pr and not b pr", 13));
        c.add(bad("not ()", 5));
        // logical operators
        c.add(bad("a pr and", 8));
        c.add(bad("a pr or", 7));
        c.add(bad("a pr and or b pr", 12)); // "or" is an attribute name here; "b" is no operator
        c.add(bad("and a pr", 4));
        c.add(bad("a pr b pr", 5));
        c.add(bad("a pr xor b pr", 5));
        c.add(bad("a pr && b pr", 5));
        // trailing garbage
        c.add(bad("userName eq \"x\" garbage", 16));
        c.add(bad("userName eq \"x\";", 15));
        c.add(bad("userName eq \"x\" ]", 16));
        c.add(bad("a pr,", 4));
        // value paths
        c.add(bad("emails[type eq \"work\"", 21));
        c.add(bad("emails[type eq \"work\"]]", 22));
        c.add(bad("emails]", 6));
        c.add(bad("emails[]", 7));
        c.add(bad("emails[type[value pr]]", 11));
        c.add(bad("emails[type eq \"work\" and ims[value pr]]", 29));
        c.add(bad("emails[type eq \"work\"].value.x eq \"x\"", 23));
        c.add(bad("userName eq \"a\\u0000\"", 14));
        c.add(bad("userName eq \"a\\ud800\"", 12));
        c.add(bad("userName eq \"\\udc00\\ud800\"", 12));
        c.add(bad("emails[type eq \"work\"]. eq \"x\"", 23));
        c.add(bad("emails[type eq \"work\"].value", 28));
        c.add(bad("emails[type eq \"work\"] eq \"x\"", 23));
        c.add(bad("[type eq \"work\"]", 0));
        // attribute names
        c.add(bad("1abc pr", 0));
        c.add(bad("_abc pr", 0));
        c.add(bad("-abc pr", 0));
        c.add(bad("a.b.c pr", 3));
        c.add(bad("a. pr", 2));
        c.add(bad(".a pr", 0));
        c.add(bad("a..b pr", 2));
        c.add(bad("us*er pr", 2));
        c.add(bad("user@name pr", 4));
        c.add(bad("foo:bar pr", 0));
        c.add(bad(":bar pr", 0));
        c.add(bad("urn:ietf:params:scim:schemas:core:2.0:User: pr", 43));
        c.add(bad("urn:ietf:params:scim:schemas:core:2.0:User:1a pr", 43));
        c.add(bad("$refs pr", 0));
        c.add(bad("\"userName\" eq \"x\"", 0));
        c.addAll(limits());
        return c;
    }

    /** Filters beyond the hardening limits: {@link FilterParser#MAX_LENGTH} and {@link FilterParser#MAX_DEPTH}. */
    static List<Invalid> limits() {
        List<Invalid> c = new ArrayList<>();
        c.add(bad("x".repeat(FilterParser.MAX_LENGTH + 1), FilterParser.MAX_LENGTH));
        c.add(bad("(".repeat(100_000), FilterParser.MAX_LENGTH));
        c.add(bad("(".repeat(FilterParser.MAX_DEPTH + 1) + "a pr" + ")".repeat(FilterParser.MAX_DEPTH + 1),
                FilterParser.MAX_DEPTH));
        c.add(bad("(".repeat(1000) + "a pr" + ")".repeat(1000), FilterParser.MAX_DEPTH));
        c.add(bad("not (".repeat(FilterParser.MAX_DEPTH + 1) + "a pr" + ")".repeat(FilterParser.MAX_DEPTH + 1),
                5 * FilterParser.MAX_DEPTH + 4));
        c.add(bad("a pr and " + "(".repeat(FilterParser.MAX_DEPTH) + "b[c pr]" + ")".repeat(FilterParser.MAX_DEPTH),
                9 + FilterParser.MAX_DEPTH + 1));
        return c;
    }
}
