package org.upskill.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.upskill.enrolment.boundary.EnrolmentRules;
import org.upskill.people.boundary.Identity;
import org.upskill.people.boundary.People;
import org.upskill.web.platform.Viewer;
import org.wildfly.security.http.oidc.OidcPrincipal;
import org.wildfly.security.http.oidc.OidcSecurityContext;

/**
 * Notices a fresh sign-in: the first request of a session that arrives with a verified Keycloak
 * identity creates or refreshes the Person (from the token's claims) and remembers who is signed in
 * for the rest of the session. It also sets the security headers every page should carry.
 */
public class SignInFilter extends HttpFilter {

  @Inject People people;
  @Inject EnrolmentRules rules;
  @Inject org.upskill.compliance.boundary.Compliance compliance;

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    var context = securityContext(request);
    if (context != null) {
      var session = request.getSession();
      if (session.getAttribute(SignedIn.SESSION_ATTRIBUTE) == null) {
        var identity = Identity.fromVerifiedAccessToken(context.getTokenString());
        var person = people.signIn(identity);
        // Enrolment rules match the groups just refreshed from the token (never fails sign-in).
        var placed = new java.util.ArrayList<>(rules.applyAtSignIn(person.id()));
        // Requirements too: groups may have changed; one now due enrols (never fails sign-in)
        for (var title : compliance.recomputeAtSignIn(person.id())) {
          if (!placed.contains(title)) {
            placed.add(title);
          }
        }
        if (!placed.isEmpty()) {
          Viewer.notice(
              request,
              "Your organisation has enrolled you on "
                  + String.join(", ", placed)
                  + ". You will find it in My learning.");
        }
        session.setAttribute(
            SignedIn.SESSION_ATTRIBUTE,
            new SignedIn(
                person.id(), person.displayName(), identity.roles(), context.getIDTokenString()));
      }
    }
    chain.doFilter(request, response);
  }

  private static OidcSecurityContext securityContext(HttpServletRequest request) {
    if (request.getAttribute(OidcSecurityContext.class.getName())
        instanceof OidcSecurityContext context) {
      return context;
    }
    if (request.getUserPrincipal() instanceof OidcPrincipal<?> principal) {
      return principal.getOidcSecurityContext();
    }
    return null;
  }
}
