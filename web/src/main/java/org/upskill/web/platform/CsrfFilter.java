package org.upskill.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Every POST must carry the session's anti-forgery token in the {@code _csrf} field of its body
 * (the {@code up:form} component writes it): a form field, {@code
 * application/x-www-form-urlencoded} or a part of {@code multipart/form-data}. Otherwise it is
 * refused with 403 and nothing happens.
 *
 * <p>A token in the address ({@code POST /action/enrol?_csrf=…}) is refused too, even beside one in
 * the body: addresses end up in access logs, proxies and {@code Referer} headers, so a token there
 * may no longer be secret. The servlet API merges the query string's parameters with the body's in
 * {@link HttpServletRequest#getParameter}; once the query string is known to carry no {@code
 * _csrf}, whatever {@code getParameter} answers for it came from the body.
 */
public class CsrfFilter extends HttpFilter {

  static final String SESSION_ATTRIBUTE = CsrfFilter.class.getName();
  public static final String FIELD = "_csrf";

  /** What a person is told when a form is refused for its token (or its Faces view state). */
  static final String EXPIRED =
      "This form has expired or did not come from Upskill. Go back, reload the page and try again.";

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
      response.sendError(HttpServletResponse.SC_FORBIDDEN, EXPIRED);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean validToken(HttpServletRequest request) {
    var session = request.getSession(false);
    var expected = session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
    if (expected == null || inQueryString(request.getQueryString())) {
      return false;
    }
    var sent = request.getParameter(FIELD);
    return expected != null
        && sent != null
        && MessageDigest.isEqual(expected.getBytes(), sent.getBytes());
  }

  /**
   * Whether a query string names the token field, however its name is encoded ({@code _csrf},
   * {@code %5Fcsrf}, …). One that cannot be decoded counts as naming it.
   */
  static boolean inQueryString(String query) {
    if (query == null || query.isEmpty()) {
      return false;
    }
    for (var pair : query.split("&")) {
      var name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      try {
        if (FIELD.equals(URLDecoder.decode(name, StandardCharsets.UTF_8).strip())) {
          return true;
        }
      } catch (IllegalArgumentException malformed) {
        return true;
      }
    }
    return false;
  }
}
