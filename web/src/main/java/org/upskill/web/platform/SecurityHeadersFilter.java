package org.upskill.web.platform;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response. The Content-Security-Policy allows no inline script and no
 * inline style: scripts and styles come from this site only, and forms may post here or (after a
 * timed-out session) be sent on to Keycloak's login.
 */
public class SecurityHeadersFilter extends HttpFilter {

  @Inject
  @ConfigProperty(name = "upskill.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none';"
            + " form-action 'self' "
            + keycloakUrl.replaceAll("/+$", ""));
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    chain.doFilter(request, response);
  }
}
