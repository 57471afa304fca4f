package org.upskill.api.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import org.upskill.people.boundary.Identity;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/** The caller of the current request, as their verified bearer token describes them. */
@RequestScoped
public class Caller {

  @Inject HttpServletRequest request;

  /**
   * The identity in the caller's token.
   *
   * @throws NotAuthorizedException when the request carries no verified token
   */
  public Identity identity() {
    if (request.getAttribute(OidcSecurityContext.class.getName())
        instanceof OidcSecurityContext context) {
      return Identity.fromVerifiedAccessToken(context.getTokenString());
    }
    throw new NotAuthorizedException("Bearer realm=\"upskill\"");
  }

  /**
   * The client (the token's {@code azp}) of a request with a verified token, for per-client limits,
   * idempotency keys and webhooks.
   */
  public static java.util.Optional<String> clientId(HttpServletRequest request) {
    if (request.getAttribute(OidcSecurityContext.class.getName())
        instanceof OidcSecurityContext context) {
      return java.util.Optional.ofNullable(context.getToken().getClaimValueAsString("azp"));
    }
    return java.util.Optional.empty();
  }
}
