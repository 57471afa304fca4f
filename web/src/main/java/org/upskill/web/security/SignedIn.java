package org.upskill.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in to this browser session, kept in the HTTP session so that public pages can show
 * it too. The id token is kept only to end the Keycloak session on sign-out.
 */
public record SignedIn(long personId, String name, Set<String> roles, String idToken)
    implements Serializable {

  public static final String SESSION_ATTRIBUTE = SignedIn.class.getName();

  public SignedIn {
    roles = Set.copyOf(roles);
  }

  /** Who is signed in to the request's session, or null. */
  public static SignedIn from(jakarta.servlet.http.HttpServletRequest request) {
    var session = request.getSession(false);
    return session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof SignedIn s
        ? s
        : null;
  }

  /** This person as the core's boundaries judge staff: their id and the roles that decide. */
  public org.upskill.platform.boundary.Staff staff() {
    return new org.upskill.platform.boundary.Staff(
        personId, hasRole("admin"), hasRole("manager"), hasRole("trainer"));
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }
}
