package org.upskill.api.platform;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.upskill.health.IdentityProviderCheck;

/**
 * {@code GET /api/health}: open to all, for the load balancer and the start scripts, on the
 * application port. It runs Upskill's own MicroProfile Health checks, liveness and readiness (the
 * same beans that WildFly's management {@code /health/ready} runs), and answers in the MicroProfile
 * Health shape, never cached.
 *
 * <p>The status is not quite MicroProfile's "DOWN when any check is DOWN": it is 503 (and {@code
 * DOWN}) only when a check that this node cannot serve without is DOWN (the database, and any check
 * added later), and 200 ({@code UP}) otherwise, with each check's own status in {@code checks}.
 * Keycloak ({@value IdentityProviderCheck#NAME}) is the exception: the public pages, certificate
 * verification and calls with a token already issued work without it, and Keycloak is shared by
 * every node of the cluster, whose balancer checks this address on each node, so counting it would
 * take all nodes out at once when Keycloak alone is down. Management's {@code /health/ready} keeps
 * MicroProfile's rule, for whoever wants the strict answer.
 */
@Path("health")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  /** The checks whose DOWN leaves this node serving (see the class comment). */
  static final Set<String> SERVES_WITHOUT = Set.of(IdentityProviderCheck.NAME);

  /** One check's outcome; {@code data} as the check gave it, absent when it gave none. */
  @JsonbPropertyOrder({"name", "status", "data"})
  public record Check(
      @Schema(examples = "database") String name,
      @Schema(enumeration = {"UP", "DOWN"}) String status,
      Map<String, Object> data) {}

  /** The health report: whether this node serves, and each check. */
  @JsonbPropertyOrder({"status", "checks"})
  public record Health(@Schema(enumeration = {"UP", "DOWN"}) String status, List<Check> checks) {}

  @Inject @Any Instance<HealthCheck> checks;

  @GET
  @PermitAll
  @SecurityRequirements
  @Operation(
      summary =
          "Whether this node serves: its database answers (open to all); each of Upskill's"
              + " health checks with its status")
  @APIResponse(
      responseCode = "200",
      description = "The node serves (a check it can serve without, such as Keycloak, may be DOWN)",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Health.class)))
  @APIResponse(
      responseCode = "503",
      description = "A check the node cannot serve without (the database) is DOWN",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Health.class)))
  public Response health() {
    var results = new ArrayList<Check>();
    var serves = true;
    for (var check : upskillChecks()) {
      var response = call(check);
      var up = response.getStatus() == HealthCheckResponse.Status.UP;
      serves &= up || SERVES_WITHOUT.contains(response.getName());
      results.add(
          new Check(
              response.getName(),
              response.getStatus().name(),
              response.getData().map(LinkedHashMap::new).orElse(null)));
    }
    var noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(serves ? 200 : 503)
        .entity(new Health(serves ? "UP" : "DOWN", results))
        .cacheControl(noStore)
        .build();
  }

  /** Upskill's liveness and readiness checks, each once (a bean may be both). */
  private Set<HealthCheck> upskillChecks() {
    var found = new LinkedHashSet<HealthCheck>();
    Stream.of(checks.select(Liveness.Literal.INSTANCE), checks.select(Readiness.Literal.INSTANCE))
        .forEach(selected -> selected.forEach(found::add));
    return found;
  }

  private static HealthCheckResponse call(HealthCheck check) {
    try {
      return check.call();
    } catch (RuntimeException e) {
      return HealthCheckResponse.named(check.getClass().getSimpleName())
          .down()
          .withData("error", e.getClass().getSimpleName())
          .build();
    }
  }
}
