package org.upskill.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code /signout}: ends the Upskill session and then the Keycloak session.
 *
 * <p>WildFly 39's OIDC client has no logout of its own, so the local session is invalidated here
 * and the browser is sent to Keycloak's end-session endpoint with the id token as a hint and the
 * home page as the (registered) place to come back to.
 */
@WebServlet("/signout")
public class SignOutServlet extends HttpServlet {

  @Inject
  @ConfigProperty(name = "upskill.keycloak.url", defaultValue = "http://localhost:8180")
  String keycloakUrl;

  @Inject
  @ConfigProperty(name = "upskill.keycloak.realm", defaultValue = "upskill")
  String realm;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    var signedIn = SignedIn.from(request);
    var idToken = signedIn == null ? null : signedIn.idToken();
    var session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    request.logout();
    var home =
        request.getScheme()
            + "://"
            + request.getServerName()
            + ":"
            + request.getServerPort()
            + request.getContextPath()
            + "/";
    if (idToken == null) {
      response.sendRedirect(home);
      return;
    }
    response.sendRedirect(
        keycloakUrl.replaceAll("/+$", "")
            + "/realms/"
            + realm
            + "/protocol/openid-connect/logout?id_token_hint="
            + URLEncoder.encode(idToken, StandardCharsets.UTF_8)
            + "&post_logout_redirect_uri="
            + URLEncoder.encode(home, StandardCharsets.UTF_8));
  }
}
