package org.upskill.api.platform;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import java.util.Locale;

/**
 * Times every API request into the Micrometer timer {@value #REQUESTS} (Prometheus: {@code
 * upskill_api_requests_seconds_count}, {@code _sum}, {@code _max} and the histogram's {@code
 * _bucket}), tagged with the endpoint group ({@code group}: the resource, e.g. {@code courses},
 * {@code compliance}, {@code health}; {@code none} when no resource matched), the {@code method}
 * and the status class ({@code status}: 2xx, 4xx...). Rates come from the count, latencies from the
 * histogram buckets (Prometheus' {@code histogram_quantile}). Requests refused before the API (the
 * OIDC layer's 401) are not in it; WildFly's Undertow statistics count those.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestMetrics implements ContainerRequestFilter, ContainerResponseFilter {

  /** The timer's name. */
  public static final String REQUESTS = "upskill.api.requests";

  private static final String STARTED = RequestMetrics.class.getName() + ".started";

  @Inject MeterRegistry registry;

  @Context ResourceInfo resource;

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (!(request.getProperty(STARTED) instanceof Long started)) {
      return;
    }
    registry
        .timer(
            REQUESTS,
            Tags.of(
                "group",
                group(),
                "method",
                request.getMethod(),
                "status",
                response.getStatus() / 100 + "xx"))
        .record(Duration.ofNanos(System.nanoTime() - started));
  }

  /** The matched resource class's name without "Resource", lower case; "none" when unmatched. */
  private String group() {
    var type = resource == null ? null : resource.getResourceClass();
    if (type == null) {
      return "none";
    }
    return type.getSimpleName().replaceFirst("Resource$", "").toLowerCase(Locale.ROOT);
  }
}
