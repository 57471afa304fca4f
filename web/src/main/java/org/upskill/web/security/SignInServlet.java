package org.upskill.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Signing in and coming back to the page the person was on.
 *
 * <p>{@code /signin?next=/courses/PY-CLIN} is open: it remembers where to return in the session and
 * sends the browser to {@code /signin/return}, which is protected, so the container takes it
 * through Keycloak's login form first (the OIDC redirect keeps no query string, which is why {@code
 * next} cannot travel in the URL). Back from Keycloak, {@code /signin/return} sends the person on
 * to the remembered page.
 *
 * <p>When Keycloak does not answer, {@code /signin} says so on a 503 page (with {@code
 * Retry-After}) instead of sending the browser to an address that cannot be reached. People already
 * signed in are not affected: their Upskill session does not need Keycloak.
 */
@WebServlet({"/signin", "/signin/return"})
public class SignInServlet extends HttpServlet {

  static final String NEXT = SignInServlet.class.getName() + ".next";
  static final String UNAVAILABLE =
      "Signing in is not possible at the moment because the sign-in service cannot be reached."
          + " If you are already signed in, you can carry on. Otherwise try again in a few"
          + " minutes.";

  @Inject SignInAvailability availability;

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if ("/signin".equals(request.getServletPath())) {
      request.getSession().setAttribute(NEXT, LocalPath.orHome(request.getParameter("next")));
      if (!availability.available()) {
        response.setHeader("Retry-After", "30");
        response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE);
        return;
      }
      response.sendRedirect(request.getContextPath() + "/signin/return");
      return;
    }
    var session = request.getSession(false);
    var next = session == null ? null : (String) session.getAttribute(NEXT);
    if (session != null) {
      session.removeAttribute(NEXT);
    }
    response.sendRedirect(request.getContextPath() + LocalPath.orHome(next));
  }
}
