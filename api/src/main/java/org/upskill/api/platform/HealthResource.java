package org.upskill.api.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.platform.boundary.SystemHealth;

/**
 * {@code GET /api/health}: open to all, for load balancers and the start script. 200 while the
 * database answers, 503 when it does not; Keycloak's reachability is reported alongside (the API
 * still serves the public parts without it).
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  /** The health report as JSON. */
  @JsonbPropertyOrder({"status", "database", "identityProvider"})
  public record Health(String status, String database, String identityProvider) {}

  @Inject SystemHealth systemHealth;

  @GET
  @PermitAll
  @SecurityRequirements
  @Operation(summary = "Whether Upskill and the parts it needs answer (open to all)")
  public Response health() {
    var report = systemHealth.check();
    var health =
        new Health(
            report.up() ? "UP" : "DOWN",
            report.database() ? "UP" : "DOWN",
            report.identityProvider() ? "UP" : "DOWN");
    var noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(report.up() ? 200 : 503).entity(health).cacheControl(noStore).build();
  }
}
