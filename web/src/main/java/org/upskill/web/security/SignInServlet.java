package org.upskill.web.security;

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
 */
@WebServlet({"/signin", "/signin/return"})
public class SignInServlet extends HttpServlet {

  static final String NEXT = SignInServlet.class.getName() + ".next";

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if ("/signin".equals(request.getServletPath())) {
      request.getSession().setAttribute(NEXT, LocalPath.orHome(request.getParameter("next")));
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
