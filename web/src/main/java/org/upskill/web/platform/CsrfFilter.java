package org.upskill.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Every POST must carry the session's anti-forgery token in the {@code _csrf} field (the {@code
 * up:form} component writes it); otherwise it is refused with 403 and nothing happens.
 */
public class CsrfFilter extends HttpFilter {

  static final String SESSION_ATTRIBUTE = CsrfFilter.class.getName();
  public static final String FIELD = "_csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The session's token, created on first use. */
  public static String token(HttpSession session) {
    var token = (String) session.getAttribute(SESSION_ATTRIBUTE);
    if (token == null) {
      var bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(SESSION_ATTRIBUTE, token);
    }
    return token;
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if ("POST".equals(request.getMethod()) && !validToken(request)) {
      response.sendError(
          HttpServletResponse.SC_FORBIDDEN,
          "This form has expired or did not come from Upskill. Go back, reload the page and try"
              + " again.");
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean validToken(HttpServletRequest request) {
    var session = request.getSession(false);
    var expected = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
    var sent = request.getParameter(FIELD);
    return expected != null
        && sent != null
        && MessageDigest.isEqual(expected.getBytes(), sent.getBytes());
  }
}
