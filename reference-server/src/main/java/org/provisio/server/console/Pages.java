package org.provisio.server.console;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.ws.rs.core.Response;

/**
 * Renders the console's templates, compiled to Java at build time by the jte Maven plugin (no
 * template is parsed or compiled at run time), in jte's HTML mode: every {@code ${value}} is
 * escaped for the place it lands, so a userName of {@code <script>alert(1)</script>} is text.
 */
final class Pages {
    static final String HTML = "text/html; charset=utf-8";

    private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Pages.class.getClassLoader(), Pages.class.getPackageName());

    /** {@code template} (e.g. {@code "users"}) rendered with its one parameter. */
    String render(String template, Object model) {
        StringOutput out = new StringOutput();
        engine.render(template + ".jte", model, out);
        return out.toString();
    }

    /** An HTML response of {@code template}. */
    Response page(int status, String template, Object model) {
        return Response.status(status).type(HTML).entity(render(template, model)).build();
    }

    Response page(String template, Object model) {
        return page(200, template, model);
    }

    /** A 303 to {@code path}: after a POST, the browser GETs the page (a reload repeats nothing). */
    static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }
}
