package org.provisio.server.console;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.provisio.jaxrs.http.Guarded;
import org.provisio.jaxrs.http.Realm;

/**
 * {@code /console/assets/{name}}: the console's style sheet and script, served by Provisio itself
 * (no CDN), from the jar. Only the files listed here exist; they are public, like any style sheet.
 */
@Guarded(Realm.PUBLIC)
@Path("console/assets")
public final class AssetResource {
    private static final Map<String, String> TYPES = Map.of(
            "console.css", "text/css; charset=utf-8",
            "console.js", "text/javascript; charset=utf-8");

    private final Map<String, byte[]> files;

    AssetResource() {
        this.files = Map.of("console.css", read("console.css"), "console.js", read("console.js"));
    }

    @GET
    @Path("{name}")
    public Response asset(@PathParam("name") String name) {
        byte[] body = files.get(name);
        if (body == null) {
            throw ConsoleException.notFound("file");
        }
        return Response.ok(body, TYPES.get(name)).header("Cache-Control", "no-cache").build();
    }

    private static byte[] read(String name) {
        try (InputStream in = AssetResource.class.getResourceAsStream("assets/" + name)) {
            if (in == null) {
                throw new IllegalStateException("console asset missing from the jar: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
