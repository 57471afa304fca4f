package org.upskill.api.certification;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.certification.boundary.Certificates;
import org.upskill.certification.boundary.IssuerKeys;
import org.upskill.platform.control.PublicAddress;

/**
 * The credential issuer, open to all: its Open Badges Profile ({@code GET /api/v1/issuer}), its
 * public keys as a JWKS ({@code GET /api/v1/issuer/jwks.json}) and the JSON-LD contexts its
 * credentials name ({@code GET /api/v1/issuer/contexts/{name}}), served from here so that nothing
 * is fetched from elsewhere to read them.
 */
@Path("v1/issuer")
@RequestScoped
public class IssuerResource {

  private static final List<String> CONTEXTS = List.of("credentials-v2.jsonld", "ob-v3p0.jsonld");

  @Inject IssuerKeys keys;
  @Context HttpServletRequest request;

  @GET
  @PermitAll
  @SecurityRequirements
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "The issuer's Open Badges profile (open to all)")
  public Response profile() {
    var base =
        PublicAddress.of(request.getScheme(), request.getServerName(), request.getServerPort());
    return Response.ok(
            Json.createObjectBuilder()
                .add(
                    "@context",
                    Json.createArrayBuilder()
                        .add("https://www.w3.org/ns/credentials/v2")
                        .add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"))
                .add("id", base + "/api/v1/issuer")
                .add("type", Json.createArrayBuilder().add("Profile"))
                .add("name", Certificates.ISSUER)
                .add("url", base + "/")
                .add("description", "Upskill: learning for AI in healthcare, for NHS staff.")
                .add("publicKeys", base + "/api/v1/issuer/jwks.json")
                .build()
                .toString())
        .build();
  }

  @GET
  @Path("jwks.json")
  @PermitAll
  @SecurityRequirements
  @Produces("application/jwk-set+json")
  @Operation(summary = "The public keys that verify Upskill's signed credentials (open to all)")
  public Response jwks() {
    return Response.ok(keys.jwks()).header("Cache-Control", "public, max-age=300").build();
  }

  @GET
  @Path("contexts/{name}")
  @PermitAll
  @SecurityRequirements
  @Produces("application/ld+json")
  @Operation(summary = "A JSON-LD context named by the credentials (open to all)")
  public Response context(@PathParam("name") String name) {
    if (!CONTEXTS.contains(name)) {
      throw new NotFoundException("There is no context " + name + ".");
    }
    try (var in = IssuerResource.class.getResourceAsStream("/contexts/" + name)) {
      return Response.ok(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
          .header("Cache-Control", "public, max-age=86400")
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
