package org.upskill.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

/** The page header's view of who is signed in: {@code #{currentUser.name}}. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject HttpServletRequest request;

  private SignedIn signedIn() {
    var session = request.getSession(false);
    return session != null && session.getAttribute(SignedIn.SESSION_ATTRIBUTE) instanceof SignedIn s
        ? s
        : null;
  }

  public boolean isSignedIn() {
    return signedIn() != null;
  }

  public String getName() {
    var signedIn = signedIn();
    return signedIn == null ? null : signedIn.name();
  }

  public boolean hasRole(String role) {
    var signedIn = signedIn();
    return signedIn != null && signedIn.hasRole(role);
  }

  /** Where "Sign in" should bring the person back to: the page they are on. */
  public String getSignInHref() {
    var original = (String) request.getAttribute("jakarta.servlet.forward.request_uri");
    var uri = original != null ? original : request.getRequestURI();
    var here = LocalPath.orHome(uri.substring(request.getContextPath().length()));
    return request.getContextPath()
        + "/signin?next="
        + java.net.URLEncoder.encode(here, java.nio.charset.StandardCharsets.UTF_8);
  }
}
