package org.upskill.web.security;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code /signin}: a protected address whose only job is to send the browser through Keycloak's
 * login form (the container does that) and then back to where the person was.
 */
@WebServlet("/signin")
public class SignInServlet extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.sendRedirect(
        request.getContextPath() + LocalPath.orHome(request.getParameter("next")));
  }
}
