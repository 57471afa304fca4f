package org.upskill.web.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsrfFilterTest {

  private static final String TOKEN = "the-sessions-token";

  @Test
  void aTokenInTheBodyIsAccepted() throws Exception {
    assertEquals(0, post(null, Map.of("_csrf", TOKEN, "course", "PY-CLIN")));
  }

  @Test
  void aTokenInTheQueryStringIsRefusedEvenBesideOneInTheBody() throws Exception {
    // getParameter merges both: the filter must not take the address's token for the body's.
    assertEquals(403, post("_csrf=" + TOKEN, Map.of("_csrf", TOKEN)));
    assertEquals(403, post("course=PY-CLIN&%5Fcsrf=" + TOKEN, Map.of("_csrf", TOKEN)));
  }

  @Test
  void aWrongOrMissingTokenIsRefused() throws Exception {
    assertEquals(403, post(null, Map.of("_csrf", "another")));
    assertEquals(403, post("course=PY-CLIN", Map.of("course", "PY-CLIN")));
  }

  @Test
  void otherQueryParametersDoNotMatter() throws Exception {
    assertEquals(0, post("page=2&csrf=x&_csrfx=y", Map.of("_csrf", TOKEN)));
  }

  @Test
  void theQueryStringIsReadAsTheContainerDecodesIt() {
    assertTrue(CsrfFilter.inQueryString("_csrf=a"));
    assertTrue(CsrfFilter.inQueryString("a=1&_csrf"));
    assertTrue(CsrfFilter.inQueryString("%5f%63srf=a"));
    assertTrue(CsrfFilter.inQueryString("%zz=a"), "undecodable: refused rather than guessed");
    assertFalse(CsrfFilter.inQueryString(null));
    assertFalse(CsrfFilter.inQueryString(""));
    assertFalse(CsrfFilter.inQueryString("page=_csrf&x=%5Fcsrf"), "values are not names");
  }

  /** Runs a POST through the filter; answers the status it sent, 0 when it let the POST on. */
  private static int post(String query, Map<String, String> parameters) throws Exception {
    var attributes = new HashMap<String, Object>(Map.of(CsrfFilter.SESSION_ATTRIBUTE, TOKEN));
    var session =
        (HttpSession)
            Proxy.newProxyInstance(
                CsrfFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpSession.class},
                (proxy, method, args) ->
                    method.getName().equals("getAttribute") ? attributes.get(args[0]) : null);
    var request =
        (HttpServletRequest)
            Proxy.newProxyInstance(
                CsrfFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class},
                (proxy, method, args) ->
                    switch (method.getName()) {
                      case "getMethod" -> "POST";
                      case "getSession" -> session;
                      case "getQueryString" -> query;
                      case "getParameter" -> parameters.get(args[0]);
                      default -> null;
                    });
    var status = new int[] {0};
    var response =
        (HttpServletResponse)
            Proxy.newProxyInstance(
                CsrfFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("sendError")) {
                    status[0] = (Integer) args[0];
                  }
                  return null;
                });
    var passed = new boolean[] {false};
    FilterChain chain = (req, res) -> passed[0] = true;
    new CsrfFilter().doFilter(request, response, chain);
    assertEquals(status[0] == 0, passed[0], "either refused or passed on");
    return status[0];
  }
}
