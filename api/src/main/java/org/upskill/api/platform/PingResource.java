package org.upskill.api.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

/**
 * {@code GET /api/ping}: answers at once without touching the database or Keycloak. The benchmark
 * uses it as the baseline that real pages are compared with on the same server.
 */
@Path("ping")
@RequestScoped
public class PingResource {

  @GET
  @PermitAll
  @SecurityRequirements
  @Produces(MediaType.TEXT_PLAIN)
  @Operation(summary = "A trivial answer, as a baseline for load tests")
  public String ping() {
    return "pong";
  }
}
