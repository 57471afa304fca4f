package org.upskill.api.problem;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers every HTTP error that JAX-RS raises (404, 405, 415, role checks…) as problem+json.
 *
 * <p>RESTEasy's {@code @RolesAllowed} check throws 403 whether or not the caller sent a token; a
 * caller without one is unauthenticated, so this mapper answers 401 with a Bearer challenge then,
 * and 403 only to a caller whose valid token lacks the role.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uriInfo;
  @Context SecurityContext securityContext;

  @Override
  public Response toResponse(WebApplicationException exception) {
    var instance = uriInfo == null ? null : uriInfo.getRequestUri().getPath();
    if (exception instanceof NotAuthorizedException
        || (exception instanceof ForbiddenException && anonymous())) {
      return Problem.of(
              Response.Status.UNAUTHORIZED,
              "Sign in first: send a bearer token from Upskill's Keycloak in the Authorization header.",
              instance)
          .toResponse()
          .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"upskill\"")
          .build();
    }
    if (exception instanceof ForbiddenException) {
      return Problem.of(
              Response.Status.FORBIDDEN,
              "Your token does not carry a role that may use this resource.",
              instance)
          .toResponse()
          .build();
    }
    var original = exception.getResponse();
    var builder =
        Problem.of(original.getStatusInfo(), detailOf(exception, original), instance).toResponse();
    original
        .getHeaders()
        .forEach(
            (name, values) -> {
              if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
              }
            });
    return builder.build();
  }

  private boolean anonymous() {
    return securityContext == null || securityContext.getUserPrincipal() == null;
  }

  private static String detailOf(WebApplicationException exception, Response response) {
    return switch (response.getStatus()) {
      case 404 -> "There is nothing at this address.";
      case 405 -> "This resource does not accept that HTTP method.";
      case 406 -> "This resource cannot answer in the media type you asked for.";
      case 415 -> "This resource does not accept that content type.";
      case 400 ->
          exception.getMessage() == null || exception.getMessage().startsWith("RESTEASY")
              ? "The request could not be read: check its JSON."
              : exception.getMessage();
      default -> exception.getMessage();
    };
  }
}
