package org.upskill.api.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /api/docs/}: the browsable API documentation (Swagger UI on {@code /api/openapi}).
 *
 * <p>The JAX-RS application owns every path of this WAR, so the few static files of the docs page
 * are served from here, from a fixed list: nothing else in the WAR can be read this way.
 */
@Path("docs")
@RequestScoped
public class DocsResource {

  static final Map<String, String> FILES =
      Map.of(
          "index.html", "text/html; charset=utf-8",
          "swagger-ui.css", "text/css; charset=utf-8",
          "swagger-ui-bundle.js", "text/javascript; charset=utf-8",
          "upskill-docs.js", "text/javascript; charset=utf-8");

  @Context ServletContext servletContext;
  @Context UriInfo uriInfo;

  @GET
  @PermitAll
  @Operation(hidden = true)
  public Response index() {
    if (uriInfo.getPath().endsWith("/")) {
      return file("index.html");
    }
    // JAX-RS matches "docs" and "docs/" alike; the page's relative links need the slash.
    return Response.seeOther(uriInfo.getBaseUriBuilder().path("docs/").build()).build();
  }

  @GET
  @Path("{file: .*}")
  @PermitAll
  @Operation(hidden = true)
  public Response file(@PathParam("file") String file) {
    var name = file.isEmpty() ? "index.html" : file;
    var type = FILES.get(name);
    var in = type == null ? null : servletContext.getResourceAsStream("/docs/" + name);
    if (in == null) {
      throw new NotFoundException();
    }
    return Response.ok(in, type).header("X-Content-Type-Options", "nosniff").build();
  }
}
