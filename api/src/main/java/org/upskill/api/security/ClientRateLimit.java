package org.upskill.api.security;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.upskill.api.problem.Problem;
import org.upskill.integration.boundary.ClientRateLimits;

/**
 * Per-client rate limits for HR systems: each client (the token's {@code azp}) may send {@code
 * UPSKILL_API_CLIENT_REQUESTS_PER_MINUTE} requests a minute (a token bucket refilled evenly); more
 * get 429 with {@code Retry-After}. {@code UPSKILL_API_CLIENT_LIMITS} sets other limits for named
 * clients ({@code client=requests,client=requests}). People's own calls are not limited here.
 * Counted in the shared throttle cache ({@link ClientRateLimits}): across all nodes of a cluster.
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
public class ClientRateLimit implements ContainerRequestFilter {

  @Inject ClientRateLimits buckets;

  @Inject
  @ConfigProperty(name = "upskill.api.client-requests-per-minute", defaultValue = "1200")
  int perMinute;

  @Inject
  @ConfigProperty(name = "upskill.api.client-limits")
  java.util.Optional<String> overrides;

  @Context HttpServletRequest request;

  @Override
  public void filter(ContainerRequestContext context) {
    var security = context.getSecurityContext();
    if (!security.isUserInRole("hr-integration") && !security.isUserInRole("hr-write")) {
      return;
    }
    var found = Caller.clientId(request);
    if (found.isEmpty()) {
      return;
    }
    var client = found.get();
    var limit = limits().getOrDefault(client, perMinute);
    var wait = buckets.take(client, limit);
    if (wait > 0) {
      context.abortWith(
          Problem.of(
                  Response.Status.TOO_MANY_REQUESTS,
                  "Client "
                      + client
                      + " may send "
                      + limit
                      + " requests a minute. Try again in "
                      + wait
                      + " seconds.",
                  context.getUriInfo().getRequestUri().getPath())
              .toResponse()
              .header("Retry-After", wait)
              .build());
    }
  }

  private volatile Map<String, Integer> parsed;

  /** The per-client limits of the configuration, read once. */
  private Map<String, Integer> limits() {
    var map = parsed;
    if (map == null) {
      map = new HashMap<>();
      for (var pair : overrides.orElse("").split(",")) {
        var parts = pair.strip().split("=");
        if (parts.length == 2 && parts[1].strip().matches("\\d{1,7}")) {
          map.put(parts[0].strip(), Integer.parseInt(parts[1].strip()));
        }
      }
      parsed = Map.copyOf(map);
      map = parsed;
    }
    return map;
  }
}
