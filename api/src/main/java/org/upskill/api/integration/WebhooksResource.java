package org.upskill.api.integration;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.upskill.api.problem.ValidationProblem;
import org.upskill.integration.boundary.Webhooks;

/**
 * An HR client's webhooks ({@code hr-integration}): subscribe an address to event types with a
 * secret, list, pause, resume, delete, and read the delivery log. A client sees only its own.
 */
@Path("v1/webhooks")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  /** A subscription to make. */
  public record SubscriptionRequest(String url, String secret, List<String> eventTypes) {}

  @Inject Webhooks webhooks;
  @Context HttpServletRequest request;
  @Context UriInfo uri;

  @Inject
  @ConfigProperty(name = "upskill.webhooks.allow-http", defaultValue = "false")
  boolean allowHttp;

  @Inject
  @ConfigProperty(name = "upskill.webhooks.allow-private-addresses", defaultValue = "false")
  boolean allowPrivateAddresses;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RolesAllowed("hr-integration")
  @Operation(summary = "Subscribe an address to event types (hr-integration)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "201",
      description = "Created",
      content =
          @org.eclipse.microprofile.openapi.annotations.media.Content(
              mediaType = "application/json",
              schema =
                  @org.eclipse.microprofile.openapi.annotations.media.Schema(
                      implementation =
                          org.upskill.integration.boundary.Webhooks.SubscriptionView.class)))
  public Response subscribe(SubscriptionRequest body) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (body == null) {
      errors.put("body", "Send a JSON object with url, secret and eventTypes.");
    } else {
      if (body.url() == null || body.url().isBlank()) {
        errors.put("url", "The address to send events to.");
      } else {
        try {
          var address = URI.create(body.url().strip());
          var scheme = address.getScheme() == null ? "" : address.getScheme();
          // a missing or unusable host is named by WebhookAddresses (0x7f.1 has none to URI)
          if (!address.isAbsolute()
              || !(scheme.equals("https") || (allowHttp && scheme.equals("http")))
              || body.url().length() > 2000) {
            errors.put(
                "url",
                allowHttp
                    ? "An absolute http or https address, up to 2000 characters."
                    : "An absolute https address, up to 2000 characters.");
          } else {
            org.upskill.integration.control.WebhookAddresses.refusal(address, allowPrivateAddresses)
                .ifPresent(why -> errors.put("url", why));
          }
        } catch (IllegalArgumentException e) {
          errors.put("url", "Not an address.");
        }
      }
      if (body.secret() == null || body.secret().length() < 16 || body.secret().length() > 255) {
        errors.put("secret", "From 16 to 255 characters: events are signed with it.");
      }
      if (body.eventTypes() == null || body.eventTypes().isEmpty()) {
        errors.put("eventTypes", "A list of event types, or [\"*\"] for all.");
      } else {
        for (var type : body.eventTypes()) {
          if (type == null || (!type.equals("*") && !Webhooks.EVENT_TYPES.contains(type))) {
            errors.put(
                "eventTypes",
                "Unknown event type " + type + ". Known: " + Webhooks.EVENT_TYPES + ".");
            break;
          }
        }
      }
    }
    if (!errors.isEmpty()) {
      return ValidationProblem.badRequest(errors, uri.getRequestUri().getPath());
    }
    var created =
        webhooks.subscribe(client(), body.url().strip(), body.secret(), body.eventTypes());
    return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(created.id())).build())
        .entity(created)
        .build();
  }

  @GET
  @RolesAllowed("hr-integration")
  @Operation(summary = "This client's webhooks (hr-integration)")
  public List<Webhooks.SubscriptionView> list() {
    return webhooks.of(client());
  }

  @GET
  @Path("{id}/deliveries")
  @RolesAllowed("hr-integration")
  @Operation(summary = "The newest deliveries of one of this client's webhooks (hr-integration)")
  public Response deliveries(@PathParam("id") long id, @QueryParam("limit") String limit) {
    var n = 50;
    if (limit != null) {
      if (!limit.matches("\\d{1,4}")
          || Integer.parseInt(limit) < 1
          || Integer.parseInt(limit) > 1000) {
        return ValidationProblem.badRequest(
            Map.of("limit", "A whole number from 1 to 1000."), uri.getRequestUri().getPath());
      }
      n = Integer.parseInt(limit);
    }
    return Response.ok(webhooks.deliveries(client(), id, n)).build();
  }

  @POST
  @Path("{id}/pause")
  @RolesAllowed("hr-integration")
  @Operation(summary = "Pause one of this client's webhooks: events wait (hr-integration)")
  public Webhooks.SubscriptionView pause(@PathParam("id") long id) {
    return webhooks.pause(client(), id, true);
  }

  @POST
  @Path("{id}/resume")
  @RolesAllowed("hr-integration")
  @Operation(
      summary = "Resume one of this client's webhooks: waiting events go out (hr-integration)")
  public Webhooks.SubscriptionView resume(@PathParam("id") long id) {
    return webhooks.pause(client(), id, false);
  }

  @DELETE
  @Path("{id}")
  @RolesAllowed("hr-integration")
  @Operation(summary = "Delete one of this client's webhooks and its log (hr-integration)")
  @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(
      responseCode = "204",
      description = "Done")
  public Response delete(@PathParam("id") long id) {
    webhooks.delete(client(), id);
    return Response.noContent().build();
  }

  private String client() {
    return org.upskill.api.security.Caller.clientId(request)
        .orElseThrow(() -> new NotAuthorizedException("Bearer realm=\"upskill\""));
  }
}
