package org.upskill.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.upskill.web.platform.Viewer;

/** The page header's view of who is signed in: {@code #{currentUser.name}}. */
@Named
@RequestScoped
public class CurrentUser {

  @Inject HttpServletRequest request;
  @Inject Viewer viewer;

  public boolean isSignedIn() {
    return viewer.isSignedIn();
  }

  public String getName() {
    var signedIn = viewer.signedIn();
    return signedIn == null ? null : signedIn.name();
  }

  public boolean hasRole(String role) {
    return viewer.hasRole(role);
  }

  /** Where "Sign in" should bring the person back to: the page they are on. */
  public String getSignInHref() {
    return request.getContextPath()
        + "/signin?next="
        + URLEncoder.encode(LocalPath.orHome(viewer.path()), StandardCharsets.UTF_8);
  }
}
