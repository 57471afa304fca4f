package org.upskill.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StatementCountFilterTest {

  /** What a container's response received, in order. */
  static final class Sent {
    final Map<String, String> headers = new HashMap<>();
    final List<String> events = new ArrayList<>();
    final ByteArrayOutputStream body = new ByteArrayOutputStream();
    long contentLength = -1;

    HttpServletResponse response() {
      var stream =
          new ServletOutputStream() {
            @Override
            public boolean isReady() {
              return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {}

            @Override
            public void write(int b) {
              events.add("body with " + headers.get(StatementCountFilter.HEADER) + " statements");
              body.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
              events.add("body with " + headers.get(StatementCountFilter.HEADER) + " statements");
              body.write(b, off, len);
            }
          };
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) ->
                  switch (method.getName()) {
                    case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                    case "getHeader" -> headers.get((String) args[0]);
                    case "setContentLengthLong" -> {
                      contentLength = (Long) args[0];
                      yield null;
                    }
                    case "getOutputStream" -> stream;
                    case "getCharacterEncoding" -> "UTF-8";
                    case "isCommitted" -> !events.isEmpty();
                    case "sendRedirect", "sendError" -> {
                      events.add(
                          method.getName()
                              + " with "
                              + headers.get(StatementCountFilter.HEADER)
                              + " statements");
                      yield null;
                    }
                    default -> null;
                  });
    }
  }

  static final HttpServletRequest REQUEST =
      (HttpServletRequest)
          Proxy.newProxyInstance(
              StatementCountFilterTest.class.getClassLoader(),
              new Class<?>[] {HttpServletRequest.class},
              (proxy, method, args) -> null);

  static StatementCountFilter filter(boolean enabled) {
    var filter = new StatementCountFilter();
    filter.enabled = enabled;
    return filter;
  }

  static void statements(int n) {
    var inspector = new CountingStatementInspector();
    for (int i = 0; i < n; i++) {
      assertEquals("select 1", inspector.inspect("select 1"), "the statement is not changed");
    }
  }

  @Test
  void theHeaderCountsTheStatementsRunWhileTheBodyIsWrittenAndGoesBeforeIt() throws Exception {
    var sent = new Sent();
    FilterChain page =
        (request, response) -> {
          statements(2);
          var writer = response.getWriter();
          writer.write("<html>Siân");
          response.flushBuffer(); // as Faces does while it renders
          statements(1); // a query run by the rendering
          try {
            RequestStatements.prepare(
                (java.sql.Connection)
                    Proxy.newProxyInstance(
                        getClass().getClassLoader(),
                        new Class<?>[] {java.sql.Connection.class},
                        (proxy, method, args) -> null),
                "select 2"); // plain JDBC
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
          writer.write("</html>");
        };

    filter(true).doFilter(REQUEST, sent.response(), page);

    assertEquals("4", sent.headers.get(StatementCountFilter.HEADER));
    assertEquals(List.of("body with 4 statements"), sent.events, "the header before any byte");
    assertEquals("<html>Siân</html>", sent.body.toString(StandardCharsets.UTF_8));
    assertEquals(sent.body.size(), sent.contentLength);
  }

  @Test
  void aRedirectCarriesTheCountSoFar() throws Exception {
    var sent = new Sent();
    FilterChain action =
        (request, response) -> {
          statements(3);
          ((HttpServletResponse) response).sendRedirect("/next");
        };

    filter(true).doFilter(REQUEST, sent.response(), action);

    assertEquals(List.of("sendRedirect with 3 statements"), sent.events);
  }

  @Test
  void offItChangesNothing() throws Exception {
    var sent = new Sent();
    var original = sent.response();
    FilterChain page =
        (request, response) -> {
          assertSame(original, response, "the container's own response");
          statements(5);
        };

    filter(false).doFilter(REQUEST, original, page);

    assertNull(sent.headers.get(StatementCountFilter.HEADER));
  }

  @Test
  void onlyTheRequestsOwnThreadCountsAndNothingAfterIt() throws Exception {
    var others = Executors.newSingleThreadExecutor();
    try (var count = RequestStatements.open()) {
      // a clock or another request meanwhile, on its own thread
      others.submit(() -> statements(7)).get(10, TimeUnit.SECONDS);
      statements(1);
      assertEquals(1, count.statements());
    } finally {
      others.shutdownNow();
    }
    statements(1); // after the request: counted nowhere, and no error
    try (var count = RequestStatements.open()) {
      assertEquals(0, count.statements(), "a new request starts from nothing");
    }
  }

  @Test
  void anInnerCountAddsToTheOuterOne() {
    try (var outer = RequestStatements.open()) {
      statements(1);
      try (var inner = RequestStatements.open()) {
        statements(2);
        assertEquals(2, inner.statements());
      }
      statements(1);
      assertEquals(4, outer.statements());
    }
  }
}
